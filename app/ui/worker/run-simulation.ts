/**
 * What the worker does for one request: simulate, then check every selection pattern against the
 * current subject (so the rule table shows live match state even for a proxy integration).
 * Kept apart from the worker entry so it can be tested in Node.
 */
import { createEnv, simulate } from '../../engine'
import { matchSelectionPattern } from '../../regex'
import { readRules, readSelectionSubject } from '../../state/scenario-edit'
import type { RuleCheck, SimulateRequest, WorkerMessage } from './protocol'
import { STOPPED_MESSAGE } from './protocol'

/** The editor id of a rule's selection pattern. */
export function toPatternEditorId(statusCode: string): string {
  return `integration.responses.${statusCode}.selectionPattern`
}

/** Runs one request, announcing each evaluation through `post` before it starts. */
export function runSimulation(request: SimulateRequest, post: (m: WorkerMessage) => void): void {
  const { seq, scenario, stopped } = request
  const onEvaluate = (key: string) => post({ type: 'evaluate', seq, key })
  const simulation = simulate(scenario, createEnv({ stopped, onEvaluate }))
  const subject = readSelectionSubject(scenario) ?? ''
  const checks: Record<string, RuleCheck> = {}
  for (const [statusCode, rule] of Object.entries(readRules(scenario))) {
    const pattern = rule.selectionPattern ?? ''
    const key = `pattern:${statusCode}`
    const source = toPatternEditorId(statusCode)
    if (pattern === '') {
      checks[statusCode] = { outcome: 'default', subject, diagnostics: [] }
    } else if (stopped.includes(key)) {
      checks[statusCode] = {
        outcome: 'stopped',
        subject,
        explanation: `${STOPPED_MESSAGE}: the pattern ran longer than allowed against this message.`,
        diagnostics: [
          {
            source,
            severity: 'error',
            code: 'budget.stopped',
            message: STOPPED_MESSAGE,
            span: { start: 0, end: pattern.length },
            hint: 'Look for nested quantifiers such as (a+)+ that make backtracking explode.',
          },
        ],
      }
    } else {
      onEvaluate(key)
      const match = matchSelectionPattern(pattern, subject, source)
      checks[statusCode] = {
        outcome: match.outcome,
        subject,
        explanation: match.explanation,
        diagnostics: match.diagnostics,
      }
    }
  }
  post({ type: 'result', seq, simulation, checks })
}

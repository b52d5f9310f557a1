/**
 * What the worker does for one request: simulate, then check every selection pattern against the
 * current subject, then the trial messages; and, once edits pause, serialise the scenario.
 * Kept apart from the worker entry so it can be tested in Node.
 */
import { createEnv, simulate, type EngineEnv } from '../../engine'
import type { Json, Scenario } from '../../model'
import { matchSelectionPattern } from '../../regex'
import { encodeShareState } from '../../share'
import { readRules, readSelectionSubject, writeObjectField } from '../../state/scenario-edit'
import type { TrialResult } from '../../state/types'
import type { RuleCheck, SimulateRequest, WorkerMessage } from './protocol'
import { prepareForDisplay } from './prepare-display'
import { runLesson } from './run-lesson'
import { FRAGMENT_MIRROR_LIMIT, MAX_TRIALS, STOPPED_MESSAGE } from './protocol'

/** The editor id of a rule's selection pattern. */
export function toPatternEditorId(statusCode: string): string {
  return `integration.responses.${statusCode}.selectionPattern`
}

/**
 * Simulates the scenario as if the function had thrown `message`: the same error payload with
 * only its errorMessage replaced (a result or failure outcome becomes a plain unhandled Error).
 */
export function runTrial(scenario: Scenario, message: string, env: EngineEnv): TrialResult {
  const lambda = scenario.lambda
  const payload: Json =
    lambda.kind === 'error'
      ? writeObjectField(lambda.payload, 'errorMessage', message)
      : { errorType: 'Error', errorMessage: message }
  const functionError = lambda.kind === 'error' ? lambda.functionError : 'Unhandled'
  const trial: Scenario = {
    ...scenario,
    lambda: { kind: 'error', payload, ...(functionError ? { functionError } : {}) },
  }
  const simulation = simulate(trial, env)
  const rules = simulation.trace.find((t) => t.stage === 'integration-response')?.rules ?? []
  return {
    message,
    statusCode: simulation.response.statusCode,
    selected: rules.find((r) => r.selected)?.statusCode,
  }
}

/**
 * The rule table's live state: every selection pattern checked against the current subject (so
 * it shows even for a proxy integration). A pattern stopped before is reported, not run again.
 */
export function checkRules(
  scenario: Scenario,
  stopped: readonly string[],
  onEvaluate: (key: string | null) => void = () => {},
): Record<string, RuleCheck> {
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
      onEvaluate(null)
      checks[statusCode] = {
        outcome: match.outcome,
        subject,
        explanation: match.explanation,
        diagnostics: match.diagnostics,
      }
    }
  }
  return checks
}

/**
 * The scenario simulated and prepared for display, as the response panel shows it. The worker
 * and the page's own quick answer (speculate.ts) both make it here, with the same env.
 */
export function simulateForDisplay(
  scenario: Scenario,
  stopped: readonly string[],
  onEvaluate?: (key: string | null) => void,
): ReturnType<typeof prepareForDisplay> {
  return prepareForDisplay(simulate(scenario, createEnv({ stopped, onEvaluate })))
}

/**
 * Runs one request, announcing each evaluation through `post` before it starts. The response is
 * posted the moment the simulation is done; the rule checks and the trials follow in their own
 * messages, so neither delays what the response panel shows.
 */
export function runSimulation(request: SimulateRequest, post: (m: WorkerMessage) => void): void {
  const { seq, scenario, stopped, trials } = request
  const onEvaluate = (key: string | null) => post({ type: 'evaluate', seq, key })
  const answer = simulateForDisplay(scenario, stopped, onEvaluate)
  onEvaluate(null)
  post({ type: 'result', seq, ...answer })
  post({ type: 'checks', seq, checks: checkRules(scenario, stopped, onEvaluate) })
  runLesson(request, post, onEvaluate)
  const trialResults = trials.slice(0, MAX_TRIALS).map((message) => {
    const result = runTrial(scenario, message, createEnv({ stopped, onEvaluate }))
    onEvaluate(null)
    return result
  })
  post({ type: 'trials', seq, trials: trialResults })
}

/** The scenario as autosave text and as a share fragment (null when too large to mirror). */
export function serializeScenario(scenario: Scenario): { json: string; fragment: string | null } {
  const json = JSON.stringify(scenario)
  const fragment = json.length > FRAGMENT_MIRROR_LIMIT ? null : encodeShareState({ scenario })
  return { json, fragment }
}

/** Timers, injected so tests control time. */
export type SerializerTimers = {
  setTimer: (callback: () => void, ms: number) => unknown
  clearTimer: (handle: unknown) => void
}

/**
 * Serialises only the latest request's scenario, once requests pause for `delayMs`: stringifying
 * and compressing on every keystroke would delay the next answer for text nobody reads yet.
 */
export function createSerializer(
  post: (m: WorkerMessage) => void,
  delayMs: number,
  timers: SerializerTimers,
): { schedule: (request: SimulateRequest) => void } {
  let timer: unknown
  let pending = false
  return {
    schedule: ({ seq, scenario }) => {
      if (pending) timers.clearTimer(timer)
      pending = true
      timer = timers.setTimer(() => {
        pending = false
        post({ type: 'serialized', seq, ...serializeScenario(scenario) })
      }, delayMs)
    },
  }
}

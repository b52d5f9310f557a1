/**
 * Import and export of the scenario as a JSON file in the shared case format. An import may be a
 * bare scenario, a single conformance case, or a case file (`{cases: [...]}`, its first case).
 */
import { validateScenario } from '../engine'
import type { Scenario } from '../model'

/** The outcome of reading an imported file's text. */
export type ImportResult = { ok: true; scenario: Scenario } | { ok: false; message: string }

/** The file text of an export: the scenario's own fields, in the case format. */
export function writeScenarioFile(scenario: Scenario): string {
  const { setup, request, lambda } = scenario
  return `${JSON.stringify({ setup, request, lambda }, null, 2)}\n`
}

/** Reads an imported file. Never throws; problems come back as one clear sentence. */
export function readScenarioFile(text: string): ImportResult {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `The file is not valid JSON (${detail}).` }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return {
      ok: false,
      message: 'The file must hold a JSON object with setup, request and lambda.',
    }
  let candidate = parsed as Record<string, unknown>
  if (Array.isArray(candidate.cases)) {
    const first: unknown = candidate.cases[0]
    if (first === null || typeof first !== 'object')
      return { ok: false, message: 'The case file holds no case to import.' }
    candidate = first as Record<string, unknown>
  }
  const missing = ['setup', 'request', 'lambda'].filter((k) => !(k in candidate))
  if (missing.length > 0)
    return { ok: false, message: `The scenario is missing ${missing.join(', ')}.` }
  const scenarioOnly = {
    setup: candidate.setup,
    request: candidate.request,
    lambda: candidate.lambda,
  }
  const checked = validateScenario(scenarioOnly)
  const errors = checked.diagnostics.filter((d) => d.severity === 'error')
  if (!checked.scenario || errors.length > 0) {
    const listed = errors
      .slice(0, 3)
      .map((d) => d.message)
      .join('; ')
    return { ok: false, message: `The scenario is not valid: ${listed || 'unknown problem'}.` }
  }
  return { ok: true, scenario: checked.scenario }
}

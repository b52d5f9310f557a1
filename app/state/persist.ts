/**
 * Autosave: only a named subset of the state goes to localStorage, and what comes back is
 * validated like any other untrusted scenario.
 */
import { validateScenario } from '../engine'
import type { Scenario } from '../model'
import type { ThemePreference } from './slices/ui'
import type { AppState } from './types'

/** localStorage key of the autosave (versioned so a future shape can migrate). */
export const AUTOSAVE_KEY = 'api-gateway-lab.autosave.v1'

/** What is saved: the scenario and the UI preferences. */
export type Persisted = {
  scenario: Scenario
  ui: { theme: ThemePreference; bodyView: 'pretty' | 'raw'; trialMessages: string }
}

/** The subset of the state that survives a reload. */
export function persistable(state: AppState): Persisted {
  const { theme, bodyView, trialMessages } = state
  return { scenario: state.scenario, ui: { theme, bodyView, trialMessages } }
}

/**
 * Saves; storage failures (quota, private mode) are ignored because autosave is best effort.
 * `scenarioJson`, when given, is the scenario already serialised (by the worker), so a large
 * scenario is not stringified again on the page's thread.
 */
export function writeAutosave(
  storage: Pick<Storage, 'setItem'>,
  state: AppState,
  scenarioJson?: string,
): void {
  try {
    const { scenario, ui } = persistable(state)
    const json = scenarioJson ?? JSON.stringify(scenario)
    storage.setItem(AUTOSAVE_KEY, `{"scenario":${json},"ui":${JSON.stringify(ui)}}`)
  } catch {
    // best effort: the page keeps working without autosave
  }
}

/** Reads the autosave back; anything missing, unparsable or invalid reads as undefined. */
export function readAutosave(storage: Pick<Storage, 'getItem'>): Persisted | undefined {
  let raw: string | null
  try {
    raw = storage.getItem(AUTOSAVE_KEY)
  } catch {
    return undefined
  }
  if (!raw) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (parsed === null || typeof parsed !== 'object') return undefined
  const record = parsed as Record<string, unknown>
  const checked = validateScenario(record.scenario)
  if (!checked.scenario || checked.diagnostics.some((d) => d.severity === 'error')) return undefined
  const ui = (record.ui ?? {}) as Record<string, unknown>
  const theme = ui.theme === 'light' || ui.theme === 'dark' ? ui.theme : 'system'
  const bodyView = ui.bodyView === 'raw' ? 'raw' : 'pretty'
  const trialMessages = typeof ui.trialMessages === 'string' ? ui.trialMessages : ''
  return { scenario: checked.scenario, ui: { theme, bodyView, trialMessages } }
}

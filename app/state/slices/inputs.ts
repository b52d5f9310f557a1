/**
 * The inputs slice: the scenario, the one source of truth for everything the person typed.
 * Editors are uncontrolled; `loadId` is bumped when the scenario is replaced from outside
 * (preset, import, share link) so they reseed.
 */
import type { StateCreator } from 'zustand'
import type { Diagnostic, EditorId, Scenario } from '../../model'
import { createDefaultScenario, readPresetScenario } from '../presets'
import { reviseScenario } from '../scenario-edit'
import type { AppState } from '../types'

/** The inputs slice's state and actions. */
export type InputsSlice = {
  scenario: Scenario
  /** Bumped on every external load, so uncontrolled editors reseed. */
  loadId: number
  /** The preset last loaded, cleared on the first edit after it. */
  presetId: string | null
  /** Problems found while reading editor text into the scenario (e.g. JSON that does not parse). */
  parseDiagnostics: Record<EditorId, Diagnostic[]>
  /**
   * The pattern lint's findings as markers on the pattern editors, while the lint is open (it
   * writes them; nothing else does).
   */
  lintDiagnostics: Record<EditorId, Diagnostic[]>
  /** Replaces the lint's markers (all of them; `{}` clears). */
  setLintDiagnostics: (diagnostics: Record<EditorId, Diagnostic[]>) => void
  /** Replaces the whole scenario from outside (reseeds editors). */
  loadScenario: (scenario: Scenario, presetId?: string | null) => void
  /** Loads a preset by id; unknown ids are ignored. */
  loadPreset: (id: string) => void
  /** Applies an edit the person made (does not reseed editors). */
  editScenario: (recipe: (draft: Scenario) => void) => void
  /** Records (or clears, with `[]`) the parse problems of one editor. */
  setParseDiagnostics: (editorId: EditorId, diagnostics: Diagnostic[]) => void
}

/** Creates the inputs slice, starting from the default scenario. */
export const createInputsSlice: StateCreator<AppState, [], [], InputsSlice> = (set) => ({
  scenario: createDefaultScenario(),
  loadId: 0,
  presetId: 'seed-custom-error',
  parseDiagnostics: {},
  lintDiagnostics: {},
  setLintDiagnostics: (lintDiagnostics) => set({ lintDiagnostics }),
  loadScenario: (scenario, presetId = null) =>
    set((state) => ({ scenario, presetId, loadId: state.loadId + 1, parseDiagnostics: {} })),
  loadPreset: (id) => {
    const scenario = readPresetScenario(id)
    if (scenario)
      set((state) => ({ scenario, presetId: id, loadId: state.loadId + 1, parseDiagnostics: {} }))
  },
  editScenario: (recipe) =>
    set((state) => ({ scenario: reviseScenario(state.scenario, recipe), presetId: null })),
  setParseDiagnostics: (editorId, diagnostics) =>
    set((state) => {
      const current = state.parseDiagnostics[editorId] ?? []
      if (current.length === 0 && diagnostics.length === 0) return state
      const next = { ...state.parseDiagnostics }
      if (diagnostics.length === 0) delete next[editorId]
      else next[editorId] = diagnostics
      return { parseDiagnostics: next }
    }),
})

/** Named selectors and the hooks components read the store through. */
import { useShallow } from 'zustand/react/shallow'
import type {
  Diagnostic,
  EditorId,
  RuleEvaluation,
  RuleTable,
  Simulation,
  StageName,
  TraceEntry,
} from '../model'
import { useAppStore } from './store'
import type { AppState } from './types'

const NO_DIAGNOSTICS: Diagnostic[] = []

/** Bumped when the scenario is replaced from outside the editors, so they reseed. */
export const selectLoadId = (s: AppState) => s.loadId
/** `AWS_PROXY` or `AWS`: which integration the method uses. */
export const selectIntegrationType = (s: AppState) => s.scenario.setup.method.methodIntegration.type

/**
 * Every diagnostic known for one editor: the engine's (rule table included), parse problems, and
 * the pattern lint's findings while it is open.
 */
export function selectDiagnosticsFor(s: AppState, editorId: EditorId): Diagnostic[] {
  const fromEngine = s.simulation?.diagnostics.filter((d) => d.source === editorId) ?? []
  const fromParse = s.parseDiagnostics[editorId] ?? NO_DIAGNOSTICS
  const fromLint = s.lintDiagnostics[editorId] ?? NO_DIAGNOSTICS
  if (fromEngine.length + fromParse.length + fromLint.length === 0) return NO_DIAGNOSTICS
  return dedupeDiagnostics([...fromParse, ...fromEngine, ...fromLint])
}

function dedupeDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return list.filter((d) => {
    const key = `${d.code}|${d.span.start}|${d.span.end}|${d.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The trace entry of one stage in the latest simulation. */
export function selectTraceEntry(s: AppState, stage: StageName): TraceEntry | undefined {
  return s.simulation?.trace.find((t) => t.stage === stage)
}

/**
 * How the engine evaluated one integration response (by its key) in the latest simulation: the
 * page's only source of rule state, a pure function of the Simulation.
 */
export function selectRuleEvaluation(s: AppState, key: string): RuleEvaluation | undefined {
  return readRuleEvaluation(s.simulation, key)
}

/** One rule of a simulation's rule table, by its key. */
export function readRuleEvaluation(
  simulation: Simulation | undefined,
  key: string,
): RuleEvaluation | undefined {
  return simulation?.rules.rules.find((r) => r.key === key)
}

/** The status of the latest rule table (`not-reached` also while there is no answer yet). */
export const selectRuleTableStatus = (s: AppState): RuleTable['status'] =>
  s.simulation?.rules.status ?? 'not-reached'

/** What the latest rule table matched the patterns against (the engine's subject), if reached. */
export const selectRuleSubject = (s: AppState): string | undefined =>
  s.simulation?.rules.subject?.text

/** Diagnostics for one editor; stable across renders while unchanged. */
export function useEditorDiagnostics(editorId: EditorId): Diagnostic[] {
  return useAppStore(useShallow((s) => selectDiagnosticsFor(s, editorId)))
}

/** Engine diagnostics of every editor id under `prefix` (e.g. one rule's header mappings). */
export function useDiagnosticsUnder(prefix: string): Diagnostic[] {
  return useAppStore(
    useShallow(
      (s) => s.simulation?.diagnostics.filter((d) => d.source.startsWith(prefix)) ?? NO_DIAGNOSTICS,
    ),
  )
}

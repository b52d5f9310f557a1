/** Named selectors and the hooks components read the store through. */
import { useShallow } from 'zustand/react/shallow'
import type { Diagnostic, EditorId, RuleEvaluation, StageName, TraceEntry } from '../model'
import { useAppStore } from './store'
import type { AppState } from './types'

const NO_DIAGNOSTICS: Diagnostic[] = []

/** Bumped when the scenario is replaced from outside the editors, so they reseed. */
export const selectLoadId = (s: AppState) => s.loadId
/** `AWS_PROXY` or `AWS`: which integration the method uses. */
export const selectIntegrationType = (s: AppState) => s.scenario.setup.method.methodIntegration.type

/** Every diagnostic known for one editor: engine, pattern checks and parse problems. */
export function selectDiagnosticsFor(s: AppState, editorId: EditorId): Diagnostic[] {
  const fromEngine = s.simulation?.diagnostics.filter((d) => d.source === editorId) ?? []
  const fromMatches = Object.values(s.matches).flatMap((m) =>
    m.diagnostics.filter((d) => d.source === editorId),
  )
  const fromParse = s.parseDiagnostics[editorId] ?? NO_DIAGNOSTICS
  if (fromEngine.length + fromMatches.length + fromParse.length === 0) return NO_DIAGNOSTICS
  return dedupeDiagnostics([...fromParse, ...fromEngine, ...fromMatches])
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

/** How the engine evaluated one integration response in the latest simulation. */
export function selectRuleEvaluation(s: AppState, statusCode: string): RuleEvaluation | undefined {
  return selectTraceEntry(s, 'integration-response')?.rules?.find(
    (r) => r.statusCode === statusCode,
  )
}

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

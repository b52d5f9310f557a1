/**
 * Turns the texts of case files (`{ "cases": [CASE, ...] }`) into validated cases. Pure: the
 * CLI and the Vitest gate read the files; this module only parses and checks them, so a
 * malformed file becomes a readable problem instead of an exception.
 */
import type { ConformanceCase } from '../../model'
import { validateConformanceCase, type ExpectedDiagnostic } from './validate-case'

/** A case file's name (for messages) and its text. */
export type CaseFile = { path: string; text: string }

/** A case ready to run, with the file it came from. */
export type LoadedCase = {
  file: string
  conformanceCase: ConformanceCase
  /** Diagnostics the simulation must report (`cases-diagnostics/` extension). */
  expectDiagnostics?: ExpectedDiagnostic[]
}

/** A file or case that cannot be run, and why. */
export type LoadProblem = { file: string; id?: string; message: string }

/** The result of loading a set of case files. */
export type LoadResult = { cases: LoadedCase[]; problems: LoadProblem[]; warnings: LoadProblem[] }

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, message: message.replace(/\s+/g, ' ') }
  }
}

/** Loads one file's cases; `result` collects cases, problems and warnings. */
export function loadCaseFile(file: CaseFile, result: LoadResult): void {
  const parsed = parseJson(file.text.replace(/^\uFEFF/, ''))
  if (!parsed.ok) {
    result.problems.push({ file: file.path, message: `not valid JSON: ${parsed.message}` })
    return
  }
  const root = parsed.value
  const list =
    root !== null && typeof root === 'object' && !Array.isArray(root)
      ? (root as { cases?: unknown }).cases
      : undefined
  if (!Array.isArray(list)) {
    result.problems.push({ file: file.path, message: 'expected an object { "cases": [ ... ] }' })
    return
  }
  list.forEach((item: unknown, index) => {
    const rawId = (item as { id?: unknown } | null)?.id
    const label = typeof rawId === 'string' && rawId !== '' ? rawId : `cases[${index}]`
    const { conformanceCase, expectDiagnostics, diagnostics } = validateConformanceCase(item)
    for (const d of diagnostics) {
      const entry = { file: file.path, id: label, message: d.message }
      if (d.severity === 'error') result.problems.push(entry)
      else if (d.severity === 'warning') result.warnings.push(entry)
    }
    if (!conformanceCase) return
    const loaded: LoadedCase = { file: file.path, conformanceCase }
    if (expectDiagnostics) loaded.expectDiagnostics = expectDiagnostics
    result.cases.push(loaded)
  })
}

/** Loads many files; a case id seen twice is reported as a warning (both cases still run). */
export function loadCaseFiles(files: readonly CaseFile[]): LoadResult {
  const result: LoadResult = { cases: [], problems: [], warnings: [] }
  for (const file of files) loadCaseFile(file, result)
  const seen = new Map<string, string>()
  for (const { file, conformanceCase } of result.cases) {
    const first = seen.get(conformanceCase.id)
    if (first !== undefined) {
      result.warnings.push({ file, id: conformanceCase.id, message: `id also used in ${first}` })
    } else seen.set(conformanceCase.id, file)
  }
  return result
}

/** How many distinct cases could not be run (a broken file counts once). */
export function countBrokenCases(problems: readonly LoadProblem[]): number {
  return new Set(problems.map((p) => `${p.file}\u0000${p.id ?? ''}`)).size
}

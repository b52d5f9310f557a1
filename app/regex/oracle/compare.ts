/**
 * Compares our answers with java.util.regex oracle lines (`{pattern, input, valid, matches,
 * groups?}`). Shared by the CLI and the Vitest agreement test; pure (the caller reads files).
 */
import { matchSelectionPattern } from '../index'

/** One oracle line. */
export type OracleCase = {
  pattern: string
  input: string
  valid: boolean
  matches?: boolean
  groups?: (string | null)[]
  timeout?: boolean
}

/** A disagreement, printable. */
export type Disagreement = {
  line: number
  pattern: string
  input: string
  expected: string
  ours: string
}

/** Agreement over one corpus. */
export type CorpusResult = { passed: number; failed: number; disagreements: Disagreement[] }

const show = (valid: boolean, matches?: boolean, groups?: (string | null)[]) =>
  !valid
    ? 'invalid'
    : `${matches ? 'matches' : 'no match'}${groups ? ` ${JSON.stringify(groups)}` : ''}`

/** Runs every line of a JSONL text; lines with `timeout` (no Java answer) are skipped. */
export function compareCorpus(jsonl: string): CorpusResult {
  const result: CorpusResult = { passed: 0, failed: 0, disagreements: [] }
  jsonl.split('\n').forEach((text, i) => {
    if (!text.trim()) return
    const c = JSON.parse(text) as OracleCase
    if (c.timeout || (c.valid && c.matches === undefined)) return
    const m = matchSelectionPattern(c.pattern, c.input)
    let ok: boolean
    let ours: string
    if (m.outcome === 'untranslatable') {
      ok = false
      ours = `untranslatable: ${m.diagnostics[0]?.message ?? ''}`
    } else if (m.outcome === 'invalid') {
      ok = !c.valid
      ours = `invalid: ${m.diagnostics[0]?.message ?? ''}`
    } else {
      const matched = m.outcome === 'matched'
      ok = c.valid && matched === c.matches
      if (ok && c.groups && matched) ok = JSON.stringify(c.groups) === JSON.stringify(m.groups)
      ours = show(true, matched, matched ? m.groups : undefined)
    }
    if (ok) result.passed++
    else {
      result.failed++
      result.disagreements.push({
        line: i + 1,
        pattern: c.pattern,
        input: c.input,
        expected: show(c.valid, c.matches, c.groups),
        ours,
      })
    }
  })
  return result
}

/**
 * Our Java-regex matcher against the naive translation people reach for first,
 * `new RegExp('^(?:' + p + ')$')`: agreement with the java.util.regex oracle corpus and speed.
 */
import { matchSelectionPattern } from '../../app/regex'
import type { OracleCase } from '../../app/regex/oracle/compare'
import { readJsonLines, type Corpus } from './corpus'
import { medianPassMillis } from './timing'

/** What a matcher answered: invalid pattern, or whether it matched and its groups. */
type Answer = { valid: false } | { valid: true; matches: boolean; groups: (string | null)[] }

/** Results for one matcher. */
export type RegexScore = { agree: number; total: number; passMillis: number }

/** Both matchers over the whole corpus. */
export type RegexBench = {
  corpus: Corpus['name']
  lines: number
  ours: RegexScore
  naive: RegexScore
}

function ours(line: OracleCase): Answer | undefined {
  const m = matchSelectionPattern(line.pattern, line.input)
  if (m.outcome === 'untranslatable') return undefined // counts as disagreeing (README)
  if (m.outcome === 'invalid') return { valid: false }
  return { valid: true, matches: m.outcome === 'matched', groups: m.groups }
}

function naive(line: OracleCase): Answer {
  let re: RegExp
  try {
    re = new RegExp(`^(?:${line.pattern})$`)
  } catch {
    return { valid: false }
  }
  const m = re.exec(line.input)
  return { valid: true, matches: m !== null, groups: m ? m.slice(1).map((g) => g ?? null) : [] }
}

function agrees(line: OracleCase, answer: Answer | undefined): boolean {
  if (!answer || answer.valid !== line.valid) return false
  if (!answer.valid || !line.valid) return true
  if (answer.matches !== line.matches) return false
  return !line.matches || JSON.stringify(answer.groups) === JSON.stringify(line.groups ?? [])
}

function score(lines: OracleCase[], matcher: (l: OracleCase) => Answer | undefined): RegexScore {
  const agree = lines.filter((l) => agrees(l, matcher(l))).length
  const passMillis = medianPassMillis(() => lines.forEach(matcher))
  return { agree, total: lines.length, passMillis }
}

/** Runs both matchers over every line of `corpus` Java answered (timeouts left out). */
export function benchRegex(corpus: Corpus): RegexBench {
  const lines = readJsonLines<OracleCase>(corpus.dir).filter((l) => !l.timeout)
  const scores = { ours: score(lines, ours), naive: score(lines, naive) }
  return { corpus: corpus.name, lines: lines.length, ...scores }
}

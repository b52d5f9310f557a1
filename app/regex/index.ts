/**
 * Java `java.util.regex` semantics in JavaScript: the public surface of `app/regex/`.
 * Patterns are parsed with Java's own rules, translated to an equivalent JavaScript RegExp
 * (`v` flag), and matched; what cannot be reproduced exactly is reported, never guessed.
 */
import { createMeter, type Diagnostic, type EditorId, type Meter } from '../model'
import { compileJavaPattern } from './compile'
import type { Compiled } from './compile'
import { explainMismatch } from './explain'
import { readRequiredText } from './required-text'
import { wholeMatch } from './run'

export { mayBacktrackCatastrophically } from './backtrack'
export { javaReplaceAll, javaReplaceFirst, javaSplit, javaStringMatches } from './java-string'
export type { JavaRegexCall } from './java-string'

/** How a selection pattern fared against one errorMessage. */
export type SelectionMatch = {
  /**
   * `matched`/`not-matched`: a definite Java answer. `invalid`: Java's Pattern.compile rejects it.
   * `untranslatable`: we cannot reproduce Java exactly (never guessed).
   */
  outcome: 'matched' | 'not-matched' | 'invalid' | 'untranslatable'
  /** Groups 1..n when matched (`null` for a group that took no part). */
  groups: (string | null)[]
  /** When not matched: why, in words (longest matching prefix, where it stopped, usual causes). */
  explanation?: string
  /** Syntax errors, untranslatable constructs, warnings: spans into the pattern text. */
  diagnostics: Diagnostic[]
}

/** Diagnostics for a pattern that did not compile (invalid or untranslatable). */
function compileDiagnostics(compiled: Compiled, source: EditorId): Diagnostic[] {
  if (compiled.kind === 'invalid')
    return [
      {
        source,
        severity: 'error',
        code: 'regex.syntax',
        message: `${compiled.description}${compiled.index >= 0 ? ` near index ${compiled.index}` : ''}`,
        span: compiled.span,
        hint: 'Java rejects this pattern (PatternSyntaxException), so API Gateway cannot use it.',
      },
    ]
  if (compiled.kind === 'untranslatable')
    return [
      {
        source,
        severity: 'error',
        code: 'regex.untranslatable',
        message: compiled.message,
        span: compiled.span,
        hint: compiled.hint,
      },
    ]
  return []
}

/** Options of `matchSelectionPattern`. */
export type SelectionMatchOptions = {
  /** Explain a mismatch in words (default true); batch callers that show no text turn it off. */
  explain?: boolean
}

/**
 * A selection pattern compiled once, to match against many subjects with
 * `matchPreparedOutcome` (the outcome `matchSelectionPattern` gives, without its details).
 */
export type PreparedSelectionPattern =
  | { kind: 'ok'; compiled: Extract<Compiled, { kind: 'ok' }>; required: string }
  | { kind: 'invalid' | 'untranslatable' }

/** Compiles `pattern` for `matchPreparedOutcome`. */
export function prepareSelectionPattern(pattern: string): PreparedSelectionPattern {
  const compiled = compileJavaPattern(pattern)
  if (compiled.kind !== 'ok') return { kind: compiled.kind }
  return { kind: 'ok', compiled, required: readRequiredText(compiled) }
}

/** The `outcome` of `matchSelectionPattern(pattern, subject, …, { explain: false })`. */
export function matchPreparedOutcome(
  prepared: PreparedSelectionPattern,
  subject: string,
  meter: Meter,
): SelectionMatch['outcome'] {
  if (prepared.kind !== 'ok') return prepared.kind
  const result = wholeMatch(prepared.compiled, subject, meter, prepared.required)
  return result === 'too-complex' ? 'untranslatable' : result ? 'matched' : 'not-matched'
}

/** Matches `pattern` against the whole of `subject` like `Pattern.matches` (Matcher.matches()). */
export function matchSelectionPattern(
  pattern: string,
  subject: string,
  source: EditorId = 'pattern',
  meter: Meter = createMeter(),
  options: SelectionMatchOptions = {},
): SelectionMatch {
  const compiled = compileJavaPattern(pattern)
  if (compiled.kind !== 'ok')
    return { outcome: compiled.kind, groups: [], diagnostics: compileDiagnostics(compiled, source) }
  const result = wholeMatch(compiled, subject, meter)
  if (result === 'too-complex')
    return {
      outcome: 'untranslatable',
      groups: [],
      diagnostics: [
        {
          source,
          severity: 'error',
          code: 'regex.too-complex',
          message: `Matching this pattern backtracks too much to finish (stopped by the regex-steps limit: more than ${meter.limits['regex-steps']} steps)`,
          span: { start: 0, end: pattern.length },
          hint: 'Avoid nested quantifiers such as (a+)+ and repeated groups that can match empty.',
        },
      ],
    }
  if (result) return { outcome: 'matched', groups: result, diagnostics: [] }
  if (options.explain === false) return { outcome: 'not-matched', groups: [], diagnostics: [] }
  return {
    outcome: 'not-matched',
    groups: [],
    explanation: explain(compiled, pattern, subject, meter),
    diagnostics: [],
  }
}

/**
 * The last explanation given for each compiled pattern: the page asks again on every keystroke.
 * An explanation depends only on the pattern and the subject; one the meter stopped threw and was
 * never stored. A repeat is not charged to the meter again.
 */
const explained = new WeakMap<Compiled, { subject: string; text: string }>()

function explain(compiled: Compiled, pattern: string, subject: string, meter: Meter): string {
  const last = explained.get(compiled)
  if (last && last.subject === subject) return last.text
  const text = explainMismatch(pattern, subject, meter)
  explained.set(compiled, { subject, text })
  return text
}

/** Result of translating a Java pattern for display or tests. */
export type JavaRegexTranslation = {
  /** JavaScript source equivalent to the Java pattern (not anchored). */
  source: string
  /** JavaScript flags to use with it. */
  flags: string
  /** `groupMap[n]`: JavaScript group number of Java group n. */
  groupMap: number[]
  /**
   * `false` when the RegExp would behave differently from Java on some input (see `inexactReason`);
   * matching then uses the built-in Java-semantics interpreter, never this source.
   */
  exact: boolean
  /** Why the source is not exact, e.g. "Java keeps captures from earlier repetitions". */
  inexactReason?: string
}

/** Translates a Java pattern to JavaScript, or returns diagnostics (invalid / untranslatable). */
export function translateJavaRegex(
  pattern: string,
  source: EditorId = 'pattern',
): { ok: true; value: JavaRegexTranslation } | { ok: false; diagnostics: Diagnostic[] } {
  const compiled = compileJavaPattern(pattern)
  if (compiled.kind !== 'ok')
    return { ok: false, diagnostics: compileDiagnostics(compiled, source) }
  const { source: js, flags, groupMap } = compiled.translation
  const value: JavaRegexTranslation = { source: js, flags, groupMap, exact: !compiled.inexact }
  if (compiled.inexact) value.inexactReason = compiled.inexact.reason
  return { ok: true, value }
}

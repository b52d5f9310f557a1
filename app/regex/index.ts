/**
 * Java `java.util.regex` semantics in JavaScript: the public surface of `app/regex/`.
 * PLACEHOLDER: the signatures below are the contract; the implementation is being written
 * (issue 4). Until then the bodies use a naive RegExp and must not be relied upon.
 */
import type { Diagnostic, EditorId } from '../model'

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

/** Matches `pattern` against the whole of `subject` like `Pattern.matches` (Matcher.matches()). */
export function matchSelectionPattern(
  pattern: string,
  subject: string,
  source: EditorId = 'pattern',
): SelectionMatch {
  try {
    const m = new RegExp(`^(?:${pattern})$`).exec(subject)
    return m
      ? { outcome: 'matched', groups: m.slice(1).map((g) => g ?? null), diagnostics: [] }
      : { outcome: 'not-matched', groups: [], diagnostics: [] }
  } catch (e) {
    return {
      outcome: 'invalid',
      groups: [],
      diagnostics: [
        { source, severity: 'error', code: 'regex.syntax', message: String(e), span: { start: 0, end: pattern.length } },
      ],
    }
  }
}

/** Outcome of a Java String regex method called from a template. */
export type JavaRegexCall<T> =
  | { ok: true; value: T }
  | {
      ok: false
      /** `invalid`: PatternSyntaxException; `untranslatable`: cannot reproduce exactly; `replacement`: bad `$n`/`\` in a replacement. */
      error: 'invalid' | 'untranslatable' | 'replacement'
      /** Java-like message, e.g. `Unclosed group near index 3`. */
      message: string
    }

/** Java `String.matches(regex)`. */
export function javaStringMatches(input: string, pattern: string): JavaRegexCall<boolean> {
  const m = matchSelectionPattern(pattern, input)
  if (m.outcome === 'invalid' || m.outcome === 'untranslatable')
    return { ok: false, error: m.outcome, message: m.diagnostics[0]?.message ?? '' }
  return { ok: true, value: m.outcome === 'matched' }
}

/** Java `String.replaceAll(regex, replacement)`. */
export function javaReplaceAll(
  input: string,
  pattern: string,
  replacement: string,
): JavaRegexCall<string> {
  try {
    return { ok: true, value: input.replace(new RegExp(pattern, 'g'), replacement) }
  } catch (e) {
    return { ok: false, error: 'invalid', message: String(e) }
  }
}

/** Java `String.replaceFirst(regex, replacement)`. */
export function javaReplaceFirst(
  input: string,
  pattern: string,
  replacement: string,
): JavaRegexCall<string> {
  try {
    return { ok: true, value: input.replace(new RegExp(pattern), replacement) }
  } catch (e) {
    return { ok: false, error: 'invalid', message: String(e) }
  }
}

/** Java `String.split(regex, limit)` (limit 0 by default: trailing empty strings removed). */
export function javaSplit(input: string, pattern: string, limit = 0): JavaRegexCall<string[]> {
  try {
    const parts = input.split(new RegExp(pattern))
    if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
    return { ok: true, value: parts }
  } catch (e) {
    return { ok: false, error: 'invalid', message: String(e) }
  }
}

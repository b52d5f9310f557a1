import type { Span } from '../model'

/**
 * Java's `PatternSyntaxException`: `description` is Java's own text (e.g. `Unclosed group`),
 * `index` is Java's error index mapped to a UTF-16 offset into the pattern (-1 when Java gives none).
 */
export class RegexSyntaxError extends Error {
  readonly description: string
  /** UTF-16 offset into the pattern as written (for spans). */
  readonly index: number
  /** Java's own index (code points, after `\Q...\E` rewriting), as in Java's message. */
  readonly javaIndex: number
  constructor(description: string, index: number, javaIndex = index) {
    super(javaIndex >= 0 ? `${description} near index ${javaIndex}` : description)
    this.description = description
    this.index = index
    this.javaIndex = javaIndex
  }
}

/** A construct Java accepts but we cannot reproduce exactly with a JavaScript RegExp. */
export class RegexTranslateError extends Error {
  readonly span: Span
  readonly hint: string
  constructor(message: string, span: Span, hint: string) {
    super(message)
    this.span = span
    this.hint = hint
  }
}

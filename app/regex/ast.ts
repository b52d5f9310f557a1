/**
 * The parsed form of a Java pattern. Leaves carry everything the translator needs (flags are
 * resolved at parse time, because Java applies an inline flag from where it appears).
 */
import type { Span } from '../model'

/** A character predicate, built with Java's union/intersection/negation rules. */
export type ClassExpr =
  /** Explicit code point ranges, inclusive, already closed under the case rules in force. */
  | { k: 'ranges'; r: [number, number][] }
  /** A JavaScript `v`-mode class operand such as `\p{Lu}` or `[\p{L}\p{Nd}]`. */
  | { k: 'js'; s: string }
  | { k: 'or'; xs: ClassExpr[] }
  | { k: 'and'; a: ClassExpr; b: ClassExpr }
  | { k: 'not'; x: ClassExpr }

/** Zero-width assertions, each with Java's exact meaning. */
export type AssertKind =
  | 'begin'
  | 'end'
  | 'dollar'
  | 'dollar-m'
  | 'unix-dollar'
  | 'unix-dollar-m'
  | 'caret-m'
  | 'unix-caret-m'
  | 'last-match'
  | 'bound'
  | 'not-bound'

/** How a quantifier backtracks. */
export type QuantMode = 'greedy' | 'lazy' | 'possessive'

/** A node of the pattern tree; `span` is a UTF-16 range of the original pattern. */
export type RegexNode =
  | { kind: 'seq'; items: RegexNode[]; span: Span }
  | { kind: 'alt'; branches: RegexNode[]; span: Span }
  /** One character; `fold` says which case rule applies. */
  | { kind: 'char'; cp: number; fold: 'none' | 'ascii' | 'unicode'; span: Span }
  | { kind: 'set'; expr: ClassExpr; span: Span }
  | { kind: 'group'; index: number | null; name?: string; body: RegexNode; span: Span }
  | { kind: 'look'; behind: boolean; negate: boolean; body: RegexNode; span: Span }
  | { kind: 'atomic'; body: RegexNode; span: Span }
  | {
      kind: 'repeat'
      body: RegexNode
      min: number
      /** `Infinity` for an open bound. */
      max: number
      mode: QuantMode
      /** Written as `{n,}`/`{n,m}` (Java builds a different node than for `*` and `+`). */
      brace?: boolean
      span: Span
    }
  | { kind: 'assert'; which: AssertKind; unicodeWord: boolean; span: Span }
  | { kind: 'backref'; index: number; fold: 'none' | 'ascii' | 'unicode'; span: Span }
  /** `\R`: `\r\n` or one vertical-space character, with backtracking between the two. */
  | { kind: 'linebreak'; span: Span }
  /** Accepted by Java, not reproducible: `\X`, `\b{g}`, `\N{...}`, CANON_EQ. */
  | { kind: 'unsupported'; what: string; hint: string; span: Span }

/** The result of parsing a whole pattern. */
export type ParsedPattern = {
  root: RegexNode
  /** Number of capturing groups (Java's `groupCount()`). */
  groupCount: number
  /** Named groups to their numbers. */
  names: Map<string, number>
  /**
   * The tree holds only characters, classes, assertions, sequences, alternations and their
   * repetitions: no group, look-around, back-reference, `\R` or unsupported construct.
   */
  flat: boolean
}

/** The shape of a lint finding on an integration-response table. */
import type { Span } from '../model'

/** Which trap a finding is about. */
export type LintRuleId =
  /** `.` stops at a line break: a stack trace or multi-line message defeats `.*X.*`. */
  | 'dot-line-break'
  /** `[Not Found]` is a set of single characters, not the words. */
  | 'bracketed-words'
  /** `Invalid*` repeats the last letter; a shell glob was meant. */
  | 'glob-star'
  /** `d{2}` is a literal `d`: the backslash of `\d` was lost. */
  | 'missing-backslash'
  /** The whole errorMessage must match; the pattern only matches part of it. */
  | 'partial-match'
  /** `"statusCode":409` misses the space JSON.stringify-with-indent or other writers put. */
  | 'json-spacing'
  /** Only letter case keeps the pattern from matching a message. */
  | 'letter-case'
  /** An earlier rule already takes every message this one is meant for. */
  | 'hidden-rule'
  /** No errorMessage can select this rule (invalid pattern, or it matches nothing). */
  | 'unreachable-rule'
  /** No default response: a Lambda success (matched as "") ends in 500. */
  | 'no-default'

/** A message that shows the trap: what was meant, and what Java (or AWS) does instead. */
export type LintProof = {
  /** A concrete Lambda errorMessage ("" stands for a success). */
  errorMessage: string
  /**
   * For a pattern rule, `matches` or `does not match`; for a table rule, the status code the
   * client was meant to get (or `500 Internal server error`).
   */
  expected: string
  /** What happens instead, in the same terms. */
  actual: string
}

/** One problem found in an integration-response table. */
export type LintFinding = {
  rule: LintRuleId
  /** The integration response (its status code) the finding is about. */
  statusCode: string
  /** Where in that response's selectionPattern the problem is. */
  span?: Span
  /** One line: what goes wrong. */
  message: string
  proof?: LintProof
  /**
   * A replacement selectionPattern under which the proof behaves as expected: for the response
   * `statusCode` names (another one than the finding's, e.g. the earlier rule that hides it).
   */
  fix?: { description: string; pattern: string; statusCode?: string }
}

/** An integration response as the lint reads it. */
export type LintedResponse = { statusCode?: string; selectionPattern?: string }

/** Options: error messages the function is known to throw (they sharpen the proofs). */
export type LintOptions = { messages?: string[] }

/** Outcome words used in proofs of pattern rules. */
export const MATCHES = 'matches'
export const DOES_NOT_MATCH = 'does not match'
/** What the client gets when no integration response applies. */
export const INTERNAL_ERROR = '500 Internal server error'

import type { Diagnostic } from './diagnostic'
import type { LimitHit } from './meter'
import type { Json } from './scenario'

/** The six stages of DESIGN.md, in pipeline order. */
export type StageName =
  | 'method-request'
  | 'integration-request'
  | 'lambda'
  | 'integration-response'
  | 'method-response'
  | 'gateway-response'

/** One stage's entry in the trace: plain JSON, rendered by the UI without engine knowledge. */
export type TraceEntry = {
  stage: StageName
  /** `ok` ran normally, `skipped` not reached or not applicable, `failed` raised an API Gateway error. */
  status: 'ok' | 'skipped' | 'failed'
  /** One-line summary of the stage's decision. */
  summary: string
  /** What the stage received (display data). */
  input?: Json
  /** What the stage produced (display data). */
  output?: Json
  /** Explanations in order, e.g. "pattern `.*Dummy.*` matched errorMessage". */
  notes: string[]
  diagnostics: Diagnostic[]
}

/**
 * The integration response table as the engine used it: the one place that says which rule a
 * Lambda answer selects. The page shows this table and nothing else about rule state.
 */
export type RuleTable = {
  /**
   * `applied`: a custom (AWS) integration chose its response from these rules.
   * `ignored`: a Lambda proxy integration; API Gateway does not use integration responses, so
   * the rules are matched for learning only and none is chosen.
   * `not-reached`: no Invoke answer (the request failed earlier, or the invocation failed), so
   * no pattern was matched; patterns are only compiled.
   */
  status: 'applied' | 'ignored' | 'not-reached'
  /** Why the table applies, is ignored, or was not reached, in words. */
  reason: string
  /**
   * What the patterns were matched against: the function error's errorMessage, or "" when the
   * function succeeded. Undefined when not reached.
   */
  subject?: { text: string; from: 'errorMessage' | 'success' }
  /** Every integration response, in the order API Gateway's record holds them (by status key). */
  rules: RuleEvaluation[]
  /** Status key of the chosen rule; undefined when none was (or the table does not apply). */
  chosen?: string
  /**
   * How `chosen` was found: `matched` (exactly one pattern matched), `default` (none matched; the
   * rule with an empty pattern), `uncertain` (several patterns matched: AWS does not document
   * which wins, the lab takes the first by status key), `none` (nothing matched, no default).
   */
  choice?: 'matched' | 'default' | 'uncertain' | 'none'
}

/** How one integration response's selection pattern fared. */
export type RuleEvaluation = {
  /** The integration response's key in `integrationResponses`. */
  key: string
  /** Its status code. */
  statusCode: string
  selectionPattern: string
  /** False when Java would reject the pattern or the lab cannot reproduce it (see diagnostics). */
  compiled: boolean
  /** The string it was matched against (see RuleTable.subject); undefined when not evaluated. */
  subject?: string
  /**
   * `default`: empty pattern. `invalid`: Java rejects the pattern (or AWS the status code).
   * `untranslatable`: the lab cannot reproduce it exactly, counted as not matching. `stopped`:
   * the meter's budget stopped it, counted as not matching. `not-evaluated`: the table was not
   * reached.
   */
  outcome:
    | 'matched'
    | 'not-matched'
    | 'default'
    | 'invalid'
    | 'untranslatable'
    | 'stopped'
    | 'not-evaluated'
  /** Why it did not match (the regex module's explanation), or what stopped it, in words. */
  explanation?: string
  /** Problems with the pattern, with spans into it (compile errors, budget stops). */
  diagnostics: Diagnostic[]
  /** Whether this rule was the one selected. */
  selected: boolean
}

/** What the HTTP client receives. */
export type ClientResponse = {
  statusCode: number
  /** Header name/value pairs in order; repeated names repeat. */
  headers: [string, string][]
  /** Body as text (for binary bodies, the bytes as Latin-1 text; see `bodyBase64`). */
  body: string
  /** Set when the body is binary: the bytes, base64. */
  bodyBase64?: string
}

/** The result of one simulation: plain JSON. */
export type Simulation = {
  response: ClientResponse
  trace: TraceEntry[]
  /** Execution log lines as the console's "Test" prints them (with timestamps). */
  log: string[]
  /** The Invoke payload sent to the function, parsed when it is JSON, else the text; undefined when not invoked. */
  lambdaEvent: Json | undefined
  /** The Invoke payload as text, exactly as sent; undefined when not invoked. */
  lambdaEventText?: string
  /** Every diagnostic of every stage plus scenario validation, for editor markers. */
  diagnostics: Diagnostic[]
  /** The integration response table: each rule, how it fared, and which was chosen. */
  rules: RuleTable
  /** Limits that stopped some work during the run (see Meter), when any did. */
  limits?: LimitHit[]
}

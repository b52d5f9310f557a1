import type { Diagnostic } from './diagnostic'
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
  /** Custom integration only: each integration response tried, in order. */
  rules?: RuleEvaluation[]
}

/** How one integration response's selection pattern fared. */
export type RuleEvaluation = {
  /** The integration response's status code (its key). */
  statusCode: string
  selectionPattern: string
  /** The string it was matched against (errorMessage, or "" on success). */
  subject: string
  outcome: 'matched' | 'not-matched' | 'default' | 'invalid' | 'untranslatable' | 'stopped'
  /** Why it did not match, in words. */
  explanation?: string
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
}

/** Shared pipeline types and the constructors of trace entries. */
import type { Diagnostic, InvokeFailure, Json, Scenario, StageName, TraceEntry } from '../model'
import { describeLimitHit, type LimitHit } from '../model'
import type { HeaderPair } from './headers'
import type { ExecutionLog } from './log'
import type { EngineEnv } from './env'

/** What every stage can read and append to while one request runs. */
export type RunContext = {
  scenario: Scenario
  env: EngineEnv
  log: ExecutionLog
  /** API Gateway's request id (`x-amzn-RequestId`, `$context.requestId`). */
  requestId: string
  /** `x-amz-apigw-id` / `$context.extendedRequestId`. */
  extendedRequestId: string
  /** `X-Amzn-Trace-Id` value. */
  traceId: string
  /** Request time, epoch ms. */
  now: number
  stage: string
}

/** The method request after routing (stage 1's output). */
export type RoutedRequest = {
  /** The client's HTTP method, as sent. */
  httpMethod: string
  resourcePath: string
  /** Path as the event's `path` shows it (leading `//` collapsed, nothing decoded). */
  path: string
  /** `requestContext.path`: `/<stage>` + the raw path. */
  stagePath: string
  /** Path parameters in resource-path order. */
  pathParams: Record<string, string>
  /** Query parameters, form-decoded; last value wins in `single`. */
  querySingle: Record<string, string>
  queryMulti: Record<string, string[]>
  hasQuery: boolean
  /** Every header the client sent, in order. */
  headers: HeaderPair[]
  /** The headers API Gateway forwards (it drops twelve; see defaults.ts). */
  forwardedHeaders: HeaderPair[]
  /** The raw body; `undefined` when the client sent none. */
  body: string | undefined
}

/**
 * An error API Gateway answers itself, through a gateway response.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export type GatewayFailure = {
  /** Gateway response type, e.g. `INTEGRATION_FAILURE`. */
  type: string
  /** Status API Gateway uses unless the gateway response is customised with a status. */
  status: number
  /** `$context.error.message`. */
  message: string
  /**
   * Integration-side failures carry a fixed body `{"message": "..."}` (with a space) instead
   * of the rendered default template (recorded from AWS).
   */
  literalBody: boolean
  /** `x-amzn-ErrorType` when it differs from the type's default. */
  errorType?: string
  /** The execution-log line AWS writes for this failure, when known. */
  logLine?: string
}

/** API Gateway's answer to a broken configuration: 500 `Internal server error`, logged as given. */
export function configurationError(logLine?: string): GatewayFailure {
  return {
    type: 'API_CONFIGURATION_ERROR',
    status: 500,
    message: 'Internal server error',
    literalBody: true,
    ...(logLine === undefined ? {} : { logLine }),
  }
}

/** What the Invoke call gave back (stage 3's output). */
export type InvokeResult =
  | {
      kind: 'response'
      /** The Invoke response payload, exactly as returned. */
      payloadText: string
      /** `X-Amz-Function-Error` value when the function failed. */
      functionError?: string
      /** `errorMessage` of a function error. */
      errorMessage?: string
      lambdaRequestId: string
      /** The Invoke response's HTTP headers (`integration.response.header.*`). */
      responseHeaders: HeaderPair[]
    }
  | { kind: 'failure'; failure: InvokeFailure }

/** A response ready for the client. */
export type DraftResponse = {
  statusCode: number
  headers: HeaderPair[]
  body: string
  bodyBase64?: string
}

/** A stage's result: its output (undefined when it failed or was not applicable) and trace. */
export type StageResult<Out> = {
  output: Out | undefined
  failure?: GatewayFailure
  trace: TraceEntry
}

/** A trace entry with the common fields filled in. */
export function traceEntry(
  stage: StageName,
  status: TraceEntry['status'],
  summary: string,
  extra: {
    input?: Json
    output?: Json
    notes?: string[]
    diagnostics?: Diagnostic[]
  } = {},
): TraceEntry {
  const entry: TraceEntry = {
    stage,
    status,
    summary,
    notes: extra.notes ?? [],
    diagnostics: extra.diagnostics ?? [],
  }
  if (extra.input !== undefined) entry.input = extra.input
  if (extra.output !== undefined) entry.output = extra.output
  return entry
}

/** The entry of a stage that was not reached. */
export function skippedEntry(stage: StageName, why: string): TraceEntry {
  return traceEntry(stage, 'skipped', why)
}

/** A diagnostic with an unknown place in its editor. */
export function diagnostic(
  source: string,
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  hint?: string,
  span = { start: 0, end: 0 },
): Diagnostic {
  const d: Diagnostic = { source, severity, code, message, span }
  if (hint !== undefined) d.hint = hint
  return d
}

/**
 * The diagnostic of a pattern or template the meter's budget stopped (`hit` says which limit and
 * at what count; `consequence` what we did instead). Also noted in the execution log, marked as
 * the simulator's own line (AWS has no such limit).
 */
export function budgetStopped(
  ctx: RunContext,
  hit: LimitHit,
  consequence: string,
  hint?: string,
  span?: Diagnostic['span'],
): Diagnostic {
  const what = describeLimitHit(hit)
  ctx.log.add(`(simulator) ${what}`)
  return diagnostic(
    hit.key ?? 'scenario',
    'error',
    'budget.stopped',
    `${what}: ${consequence}`,
    hint,
    span,
  )
}

/** Header pairs as display JSON. */
export function headersJson(headers: readonly HeaderPair[]): Json {
  return headers.map(([n, v]) => [n, v])
}

/** Stage 5: the method response — declared status check, final headers and log lines. */
import type { ClientResponse, MethodResponse } from '../../model'
import { formatJavaMap, httpDate, utf8Length } from '../headers'
import type { HeaderPair } from '../headers'
import type { DraftResponse, RunContext, StageResult } from '../trace'
import { configurationError, headersJson, traceEntry } from '../trace'
import type { Selection } from './integration-response-custom'

/**
 * The selected integration response needs a method response with its status; checked only for
 * the one selected, at run time (`custom-selection-success-uses-default-not-status-pattern`).
 */
export function checkMethodResponse(
  ctx: RunContext,
  selection: Selection,
): StageResult<MethodResponse> {
  const declared = ctx.scenario.setup.method.methodResponses ?? {}
  const found = declared[selection.status]
  if (found) {
    return {
      output: found,
      trace: traceEntry('method-response', 'ok', `Method response ${selection.status} exists`),
    }
  }
  return {
    output: undefined,
    failure: configurationError(
      `Execution failed due to configuration error: Output mapping refers to an invalid method response: ${selection.status}`,
    ),
    trace: traceEntry('method-response', 'failed', `No method response ${selection.status}: 500`, {
      notes: [
        `Integration response ${selection.status} was selected but the method declares no response ${selection.status}; API Gateway answers 500.`,
        `Declared method responses: ${Object.keys(declared).join(', ') || 'none'}.`,
      ],
    }),
  }
}

/** Turns the draft into what the client receives, with API Gateway's own headers, and logs it. */
export function finalizeResponse(
  ctx: RunContext,
  draft: DraftResponse,
  isProxy: boolean,
): { response: ClientResponse; trace: ReturnType<typeof traceEntry> } {
  const own = draft.headers
  // The trace header API Gateway returns carries the sampling decision.
  // https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
  const sampledTraceId = ctx.traceId + ';Sampled=0'
  const ctIndex = own.findIndex(([n]) => n.toLowerCase() === 'content-type')
  const contentType: HeaderPair =
    ctIndex >= 0 ? own[ctIndex]! : ['Content-Type', 'application/json']
  const rest = own.filter((_, i) => i !== ctIndex)
  const length = draft.bodyBase64 !== undefined ? draft.body.length : utf8Length(draft.body)
  const headers: HeaderPair[] = [
    contentType,
    ['Content-Length', String(length)],
    ['Date', httpDate(ctx.now)],
    ['x-amzn-RequestId', ctx.requestId],
    ['x-amz-apigw-id', ctx.extendedRequestId],
    ...rest,
    ['X-Amzn-Trace-Id', sampledTraceId],
  ]
  // The console's test log prints proxy headers before the trace id, custom ones after it.
  const logged: HeaderPair[] = isProxy
    ? [...own, ['X-Amzn-Trace-Id', sampledTraceId], ...(ctIndex >= 0 ? [] : [contentType])]
    : [['X-Amzn-Trace-Id', sampledTraceId], ...rest, contentType]
  ctx.log.value('Method response body after transformations', draft.body)
  ctx.log.value('Method response headers', formatJavaMap(logged))
  ctx.log.add('Successfully completed execution')
  const response: ClientResponse = { statusCode: draft.statusCode, headers, body: draft.body }
  if (draft.bodyBase64 !== undefined) response.bodyBase64 = draft.bodyBase64
  const notes = [
    ctIndex >= 0
      ? `Content-Type: ${contentType[1]}.`
      : 'No Content-Type was set: API Gateway sends application/json.',
    'API Gateway adds x-amzn-RequestId, x-amz-apigw-id and X-Amzn-Trace-Id to successful responses.',
  ]
  if (isProxy) notes.push('Proxy integration: method responses are not consulted.')
  return {
    response,
    trace: traceEntry(
      'method-response',
      'ok',
      `${draft.statusCode} with ${headers.length} headers`,
      {
        output: { statusCode: draft.statusCode, headers: headersJson(headers) },
        notes,
      },
    ),
  }
}

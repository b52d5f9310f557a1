/**
 * Stage 2 (AWS_PROXY): build the payload format 1.0 event exactly as API Gateway sends it.
 *
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
import type { Json } from '../../model'
import { encodeBase64, utf8Bytes } from '../base64'
import { PASCAL_CASED_REQUEST_HEADERS } from '../defaults'
import { firstHeader, matchBinaryMediaType, mimeOf } from '../headers'
import { buildRequestContext } from '../request-context'
import type { RoutedRequest, RunContext, StageResult } from '../trace'
import { traceEntry } from '../trace'
import { applyRequestParameters } from './request-parameters'

/** The event and its exact text (the Invoke payload). */
export type ProxyRequest = { event: { [key: string]: Json }; payloadText: string }

/** Single- and multi-value header maps of the event; names merge case-insensitively. */
function eventHeaders(routed: RoutedRequest): {
  single: Record<string, string> | null
  multi: Record<string, string[]> | null
} {
  if (routed.forwardedHeaders.length === 0) return { single: null, multi: null }
  const single: Record<string, string> = {}
  const multi: Record<string, string[]> = {}
  const nameOf = new Map<string, string>()
  for (const [rawName, value] of routed.forwardedHeaders) {
    const lower = rawName.toLowerCase()
    let name = nameOf.get(lower)
    if (name === undefined) {
      // The CloudFront edge in front of an edge-optimised API Pascal-cases these two headers.
      name = PASCAL_CASED_REQUEST_HEADERS[lower] ?? rawName
      nameOf.set(lower, name)
    }
    single[name] = value
    ;(multi[name] ??= []).push(value)
  }
  return { single, multi }
}

/** Builds the proxy event. Integration request parameters never change it (the event is fixed). */
export function buildProxyRequest(
  ctx: RunContext,
  routed: RoutedRequest,
): StageResult<ProxyRequest> {
  const { setup } = ctx.scenario
  const integration = setup.method.methodIntegration
  const stageVariables = setup.stageVariables ?? {}
  const params = applyRequestParameters(integration.requestParameters, routed, stageVariables)
  if (params.failure) {
    return {
      output: undefined,
      failure: params.failure,
      trace: traceEntry('integration-request', 'failed', 'Forbidden integration header mapping', {
        notes: params.notes,
        diagnostics: params.diagnostics,
      }),
    }
  }

  const notes: string[] = [
    'Lambda proxy: API Gateway sends the whole request as a payload-1.0 event.',
  ]
  if (Object.keys(params.mapped).length > 0)
    notes.push(
      'Integration request parameters are ignored by AWS_PROXY: the event carries the client’s own headers and query.',
    )
  if (integration.requestTemplates && Object.keys(integration.requestTemplates).length > 0)
    notes.push('Request templates are ignored by AWS_PROXY.')

  const { single, multi } = eventHeaders(routed)
  let body: string | null = routed.body ?? null
  let isBase64Encoded = false
  const contentType = firstHeader(routed.headers, 'content-type')
  if (body !== null && contentType !== undefined && setup.binaryMediaTypes?.length) {
    const entry = matchBinaryMediaType(mimeOf(contentType), setup.binaryMediaTypes)
    if (entry !== undefined) {
      body = encodeBase64(utf8Bytes(body))
      isBase64Encoded = true
      notes.push(
        `Content-Type matches binary media type ${entry}: the body is sent base64-encoded.`,
      )
    }
  }
  const hasPath = Object.keys(routed.pathParams).length > 0
  const hasStageVars = setup.stageVariables && Object.keys(setup.stageVariables).length > 0
  const event: { [key: string]: Json } = {
    resource: routed.resourcePath,
    path: routed.path,
    httpMethod: routed.httpMethod,
    headers: single,
    multiValueHeaders: multi,
    queryStringParameters: routed.hasQuery ? routed.querySingle : null,
    multiValueQueryStringParameters: routed.hasQuery ? routed.queryMulti : null,
    pathParameters: hasPath ? routed.pathParams : null,
    stageVariables: hasStageVars ? { ...setup.stageVariables } : null,
    requestContext: buildRequestContext(ctx, routed),
    body,
    isBase64Encoded,
  }
  if (!routed.hasQuery) notes.push('No query string: queryStringParameters is null, not {}.')
  const payloadText = JSON.stringify(event)
  return {
    output: { event, payloadText },
    trace: traceEntry('integration-request', 'ok', 'Built the Lambda proxy event', {
      output: event,
      notes,
    }),
  }
}

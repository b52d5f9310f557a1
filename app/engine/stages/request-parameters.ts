/**
 * Integration request parameters (`integration.request.*` mapped from method request values or
 * static values), both integration types.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
import type { Json } from '../../model'
import { FORBIDDEN_INTEGRATION_HEADERS } from '../defaults'
import { lastHeader } from '../headers'
import type { GatewayFailure, RoutedRequest } from '../trace'
import { configurationError, diagnostic } from '../trace'
import type { Diagnostic } from '../../model'

/** The outcome of checking and evaluating the integration request parameters. */
export type RequestParameterResult = {
  /** Target → value, for display (what the endpoint request would carry). */
  mapped: { [target: string]: Json }
  failure?: GatewayFailure
  notes: string[]
  diagnostics: Diagnostic[]
}

/** Resolves one `method.request.*` / `'static'` / `stageVariables.*` source expression. */
export function resolveRequestSource(
  source: string,
  routed: RoutedRequest,
  stageVariables: Record<string, string>,
): string | undefined {
  if (source.length >= 2 && source.startsWith("'") && source.endsWith("'"))
    return source.slice(1, -1)
  const m =
    /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/.exec(
      source,
    )
  if (m) {
    const name = m[2]!
    switch (m[1]) {
      case 'path':
        return routed.pathParams[name]
      case 'querystring':
        return routed.querySingle[name]
      case 'multivaluequerystring':
        return routed.queryMulti[name]?.join(',')
      case 'header':
        return lastHeader(routed.forwardedHeaders, name)
      default:
        return routed.forwardedHeaders
          .filter(([n]) => n.toLowerCase() === name.toLowerCase())
          .map(([, v]) => v)
          .join(',')
    }
  }
  if (source === 'method.request.body') return routed.body ?? ''
  if (source.startsWith('stageVariables.')) return stageVariables[source.slice(15)]
  return undefined
}

/**
 * Checks the mappings: a header mapping to one of seven names fails every call with 500
 * (`mapping-aws-request-param-*-500`, `mapping-aws-proxy-request-param-*-500`).
 */
export function applyRequestParameters(
  params: Record<string, string> | undefined,
  routed: RoutedRequest,
  stageVariables: Record<string, string>,
): RequestParameterResult {
  const result: RequestParameterResult = { mapped: {}, notes: [], diagnostics: [] }
  if (!params || typeof params !== 'object') return result
  for (const target of Object.keys(params)) {
    const source = String(params[target])
    const header = /^integration\.request\.header\.(.+)$/i.exec(target)
    if (header && FORBIDDEN_INTEGRATION_HEADERS.has(header[1]!.toLowerCase())) {
      result.notes.push(
        `The mapping to header ${header[1]} makes every call of this method fail with 500 (recorded AWS behaviour).`,
      )
      result.diagnostics.push(
        diagnostic(
          'scenario',
          'error',
          'integration.forbidden-header',
          `Mapping integration.request.header.${header[1]} makes API Gateway fail every call with 500.`,
          'Remove this request parameter mapping; API Gateway sets this header itself.',
        ),
      )
      result.failure ??= configurationError()
      continue
    }
    const value = resolveRequestSource(source, routed, stageVariables)
    result.mapped[target] = value ?? null
  }
  return result
}

/** `requestContext` of the proxy event and `$context` of mapping templates, from one source. */
import type { Json } from '../model'
import { proxyRequestContext, templateContext } from '../vtl'
import type { ContextError, ContextOptions } from '../vtl'
import { lastHeader } from './headers'
import type { RoutedRequest, RunContext } from './trace'

/** A short, stable id (like AWS's resource and deployment ids) derived from some text. */
export function shortId(seed: string, length = 6): string {
  let h = 2166136261
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619)
  let out = ''
  let x = h >>> 0
  for (let i = 0; i < length; i++) {
    out += 'abcdefghijklmnopqrstuvwxyz0123456789'[x % 36]
    x = Math.floor(x / 36) || (Math.imul(x ^ i, 2654435761) >>> 0) + 7
  }
  return out
}

/** What the shared `$context` builder needs: the routed request, or the scenario before routing. */
function contextOptions(ctx: RunContext, routed: RoutedRequest | undefined): ContextOptions {
  const { env } = ctx
  const request = ctx.scenario.request
  const resourcePath = routed
    ? routed.resourcePath
    : String(ctx.scenario.setup.method.resourcePath ?? '')
  const userAgent = routed ? lastHeader(routed.headers, 'user-agent') : undefined
  return {
    requestId: ctx.requestId,
    extendedRequestId: ctx.extendedRequestId,
    requestTimeEpoch: ctx.now,
    stage: ctx.stage,
    httpMethod: routed ? routed.httpMethod : String(request.method ?? ''),
    resourcePath,
    path: routed ? routed.stagePath : '/' + ctx.stage + String(request.path ?? ''),
    accountId: env.accountId,
    apiId: env.apiId,
    region: env.region,
    resourceId: shortId(resourcePath),
    deploymentId: shortId(env.apiId + ctx.stage),
    ...(userAgent === undefined ? {} : { userAgent }),
  }
}

/** The proxy event's `requestContext`. */
export function buildRequestContext(
  ctx: RunContext,
  routed: RoutedRequest,
): { [key: string]: Json } {
  return proxyRequestContext(contextOptions(ctx, routed))
}

/** `$context` for a mapping template; before routing, the scenario's method and path stand in. */
export function buildTemplateContext(
  ctx: RunContext,
  routed: RoutedRequest | undefined,
  error?: ContextError,
): { [key: string]: Json } {
  return templateContext(contextOptions(ctx, routed), error)
}

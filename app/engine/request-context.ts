/** `requestContext` of the proxy event and `$context` of mapping templates, from one source. */
import type { Json } from '../model'
import { lastHeader } from './headers'
import { MONTHS, pad2 } from './log'
import type { RoutedRequest, RunContext } from './trace'

/** `04/Mar/2020:19:15:17 +0000`: the CLF `requestTime` (§1.1). */
export function formatClfTime(epochMs: number): string {
  const d = new Date(epochMs)
  if (Number.isNaN(d.getTime())) return '01/Jan/1970:00:00:00 +0000'
  return (
    pad2(d.getUTCDate()) +
    '/' +
    MONTHS[d.getUTCMonth()] +
    '/' +
    d.getUTCFullYear() +
    ':' +
    pad2(d.getUTCHours()) +
    ':' +
    pad2(d.getUTCMinutes()) +
    ':' +
    pad2(d.getUTCSeconds()) +
    ' +0000'
  )
}

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

/** `identity` of the proxy event and `$context.identity` for a request without auth. */
function identity(routed: RoutedRequest): { [key: string]: Json } {
  return {
    cognitoIdentityPoolId: null,
    accountId: null,
    cognitoIdentityId: null,
    caller: null,
    sourceIp: '203.0.113.7',
    principalOrgId: null,
    accessKey: null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: null,
    userAgent: lastHeader(routed.headers, 'user-agent') ?? null,
    user: null,
  }
}

/** The proxy event's `requestContext`, keys in the order real events show them. */
export function buildRequestContext(
  ctx: RunContext,
  routed: RoutedRequest,
): { [key: string]: Json } {
  const { env } = ctx
  return {
    resourceId: shortId(routed.resourcePath),
    resourcePath: routed.resourcePath,
    httpMethod: routed.httpMethod,
    extendedRequestId: ctx.extendedRequestId,
    requestTime: formatClfTime(ctx.now),
    path: routed.stagePath,
    accountId: env.accountId,
    protocol: 'HTTP/1.1',
    stage: ctx.stage,
    domainPrefix: env.apiId,
    requestTimeEpoch: ctx.now,
    requestId: ctx.requestId,
    identity: identity(routed),
    domainName: `${env.apiId}.execute-api.${env.region}.amazonaws.com`,
    deploymentId: shortId(env.apiId + ctx.stage),
    apiId: env.apiId,
  }
}

/** Error fields of `$context.error` (empty outside gateway responses). */
export type ContextError = { message: string; responseType: string }

/** `$context` for a mapping template: the request context plus `error` and override slots. */
export function buildTemplateContext(
  ctx: RunContext,
  routed: RoutedRequest | undefined,
  error?: ContextError,
): { [key: string]: Json } {
  const base: { [key: string]: Json } = routed
    ? buildRequestContext(ctx, routed)
    : {
        requestId: ctx.requestId,
        extendedRequestId: ctx.extendedRequestId,
        stage: ctx.stage,
        accountId: ctx.env.accountId,
        apiId: ctx.env.apiId,
        httpMethod: String(ctx.scenario.request.method ?? ''),
        path: '/' + ctx.stage + String(ctx.scenario.request.path ?? ''),
        resourcePath: String(ctx.scenario.setup.method.resourcePath ?? ''),
        requestTime: formatClfTime(ctx.now),
        requestTimeEpoch: ctx.now,
        protocol: 'HTTP/1.1',
        domainName: `${ctx.env.apiId}.execute-api.${ctx.env.region}.amazonaws.com`,
        domainPrefix: ctx.env.apiId,
      }
  base.error = error
    ? {
        message: error.message,
        messageString: JSON.stringify(error.message),
        responseType: error.responseType,
        validationErrorString: '',
      }
    : {}
  return base
}

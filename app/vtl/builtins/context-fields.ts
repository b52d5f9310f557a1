/**
 * `$context` of a REST API request, and the proxy event's `requestContext` built from the same
 * fields: the values (and `null`s) of a request that has no authorizer, no API key and no WAF.
 * The engine supplies what it knows (ids, time, route); this file owns the shape and key order,
 * which follows the proxy event of the AWS developer guide (
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
 */
import type { Json } from '../../model'

/** What the engine knows about one request; the rest of `$context` is fixed or derived. */
export type ContextOptions = {
  requestId: string
  extendedRequestId: string
  /** Request time, milliseconds since the epoch (injected: the core has no clock). */
  requestTimeEpoch: number
  stage: string
  /** The client's HTTP method, as sent. */
  httpMethod: string
  /** The resource, e.g. `/pets/{id}`. */
  resourcePath: string
  /** `$context.path`: `/{stage}` followed by the raw request path. */
  path: string
  accountId: string
  apiId: string
  region: string
  /** API Gateway's id of the resource (stable per resource path). */
  resourceId: string
  /** API Gateway's id of the deployment (stable per API and stage). */
  deploymentId: string
  /** The `User-Agent` header; `null` in `identity` when the client sent none. */
  userAgent?: string
  /** Default `203.0.113.7` (a documentation address). */
  sourceIp?: string
}

/** The error a gateway response answers, as `$context.error` shows it. */
export type ContextError = { message: string; responseType: string }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** CLF time as `$context.requestTime` prints it: `09/Apr/2015:12:34:56 +0000` (always UTC). */
export function formatRequestTime(epochMs: number): string {
  const t = new Date(epochMs)
  if (Number.isNaN(t.getTime())) return '01/Jan/1970:00:00:00 +0000'
  return (
    `${pad2(t.getUTCDate())}/${MONTHS[t.getUTCMonth()]}/${t.getUTCFullYear()}:` +
    `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())} +0000`
  )
}

/** `identity` of the proxy event and `$context.identity` for a request without auth. */
function identityFields(opts: ContextOptions): { [key: string]: Json } {
  return {
    cognitoIdentityPoolId: null,
    accountId: null,
    cognitoIdentityId: null,
    caller: null,
    sourceIp: opts.sourceIp ?? '203.0.113.7',
    principalOrgId: null,
    accessKey: null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: null,
    userAgent: opts.userAgent ?? null,
    user: null,
  }
}

/** The Lambda proxy event's `requestContext`, keys in the order real events show them. */
export function proxyRequestContext(opts: ContextOptions): { [key: string]: Json } {
  return {
    resourceId: opts.resourceId,
    resourcePath: opts.resourcePath,
    httpMethod: opts.httpMethod,
    extendedRequestId: opts.extendedRequestId,
    requestTime: formatRequestTime(opts.requestTimeEpoch),
    path: opts.path,
    accountId: opts.accountId,
    protocol: 'HTTP/1.1',
    stage: opts.stage,
    domainPrefix: opts.apiId,
    requestTimeEpoch: opts.requestTimeEpoch,
    requestId: opts.requestId,
    identity: identityFields(opts),
    domainName: `${opts.apiId}.execute-api.${opts.region}.amazonaws.com`,
    deploymentId: opts.deploymentId,
    apiId: opts.apiId,
  }
}

/**
 * `$context` for a mapping template: the proxy event's fields plus `error` (empty outside gateway
 * responses). The renderer adds the `requestOverride` / `responseOverride` slots itself.
 */
export function templateContext(
  opts: ContextOptions,
  error?: ContextError,
): { [key: string]: Json } {
  const context = proxyRequestContext(opts)
  context.error = error
    ? {
        message: error.message,
        // "The quoted value of $context.error.message" (mapping template reference).
        messageString: JSON.stringify(error.message),
        responseType: error.responseType,
        validationErrorString: '',
      }
    : {}
  return context
}

/**
 * The VTL oracle's default `$context` (`../shared/oracle/vtl/README.md`), key for key; corpus
 * lines merge their `context` over it one level deep.
 */
export function vtlOracleContext(): { [key: string]: Json } {
  return {
    accountId: '123456789012',
    apiId: 'abc123defg',
    requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    extendedRequestId: 'AbCdEfGhIjKlMnO=',
    stage: 'test',
    httpMethod: 'POST',
    resourcePath: '/items',
    resourceId: 'r3s0urc3',
    path: '/test/items',
    protocol: 'HTTP/1.1',
    requestTime: formatRequestTime(1428582896000),
    requestTimeEpoch: 1428582896000,
    domainName: 'abc123defg.execute-api.us-east-1.amazonaws.com',
    error: {
      message: 'Internal server error',
      messageString: '"Internal server error"',
      responseType: 'DEFAULT_5XX',
      validationErrorString: '',
    },
    identity: { sourceIp: '203.0.113.7', userAgent: 'curl/8.0.1' },
  }
}

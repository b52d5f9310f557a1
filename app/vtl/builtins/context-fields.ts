/**
 * `$context` of a REST API request: every variable the API Gateway mapping-template reference
 * lists for data transformations, with the values (and `null`s) of a request that has no
 * authorizer, no API key and no WAF. Keys are in alphabetical order, which is also the order of
 * the proxy event's `requestContext` recorded from AWS (`reference/aws-behaviour.md` §1.1).
 */
import type { Json } from '../../model'

/** What the engine knows about the request; everything else gets a realistic default. */
export type ContextOptions = {
  requestId: string
  /** Request time, milliseconds since the epoch (injected: the core has no clock). */
  requestTimeEpoch: number
  stage: string
  httpMethod: string
  /** The resource, e.g. `/pets/{id}`. */
  resourcePath: string
  /** Raw request path after `/{stage}` (`$context.path` adds the stage in front). */
  path: string
  accountId: string
  apiId: string
  /** Default `us-east-1`. */
  region?: string
  /** Default `203.0.113.7` (a documentation address). */
  sourceIp?: string
  /** The `User-Agent` header; `null` when the client sent none. */
  userAgent?: string
  /** Default `<apiId>.execute-api.<region>.amazonaws.com`. */
  domainName?: string
  /** For gateway responses: the error being answered. */
  error?: { message: string; responseType: string; validationErrorString?: string }
  /** Default: derived from the API id and resource path, so it is stable across requests. */
  resourceId?: string
  /** Default: derived from the API id. */
  deploymentId?: string
  /** Default: derived from the request id. */
  extendedRequestId?: string
  /** The Lambda request id, once the function was invoked. */
  awsEndpointRequestId?: string
  /** Only with a Lambda authorizer or Cognito: its `context` / `claims`. */
  authorizer?: { [key: string]: Json }
  /** Only for methods that require an API key. */
  apiKey?: string
  apiKeyId?: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** CLF time as `$context.requestTime` prints it: `09/Apr/2015:12:34:56 +0000` (always UTC). */
export function formatRequestTime(epochMs: number): string {
  const t = new Date(epochMs)
  if (Number.isNaN(t.getTime())) return ''
  return (
    `${pad2(t.getUTCDate())}/${MONTHS[t.getUTCMonth()]}/${t.getUTCFullYear()}:` +
    `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())} +0000`
  )
}

/** Builds the `$context` map of one request. */
export function defaultContext(opts: ContextOptions): { [key: string]: Json } {
  const region = opts.region ?? 'us-east-1'
  const domainName = opts.domainName ?? `${opts.apiId}.execute-api.${region}.amazonaws.com`
  const context: { [key: string]: Json } = {
    accountId: opts.accountId,
    apiId: opts.apiId,
  }
  if (opts.authorizer !== undefined) context.authorizer = opts.authorizer
  Object.assign(context, {
    awsEndpointRequestId: opts.awsEndpointRequestId ?? null,
    deploymentId: opts.deploymentId ?? pseudoId(`deployment:${opts.apiId}`, 6),
    domainName,
    domainPrefix: domainName.split('.')[0] ?? '',
    error: errorFields(opts.error),
    extendedRequestId: opts.extendedRequestId ?? extendedIdFrom(opts.requestId),
    httpMethod: opts.httpMethod,
    identity: identityFields(opts),
    path: `/${opts.stage}${opts.path}`,
    protocol: 'HTTP/1.1',
    requestId: opts.requestId,
    requestOverride: { header: {}, path: {}, querystring: {} },
    requestTime: formatRequestTime(opts.requestTimeEpoch),
    requestTimeEpoch: opts.requestTimeEpoch,
    resourceId: opts.resourceId ?? pseudoId(`resource:${opts.apiId}:${opts.resourcePath}`, 6),
    resourcePath: opts.resourcePath,
    responseOverride: { header: {} },
    stage: opts.stage,
    wafResponseCode: null,
    webaclArn: null,
    xrayTraceId: null,
  } satisfies { [key: string]: Json })
  return context
}

function errorFields(error: ContextOptions['error']): Json {
  if (error === undefined) {
    return { message: null, messageString: null, responseType: null, validationErrorString: null }
  }
  return {
    message: error.message,
    // "The quoted value of $context.error.message" (mapping template reference).
    messageString: JSON.stringify(error.message),
    responseType: error.responseType,
    validationErrorString: error.validationErrorString ?? null,
  }
}

function identityFields(opts: ContextOptions): Json {
  const identity: { [key: string]: Json } = { accessKey: null, accountId: null }
  if (opts.apiKey !== undefined) identity.apiKey = opts.apiKey
  if (opts.apiKeyId !== undefined) identity.apiKeyId = opts.apiKeyId
  Object.assign(identity, {
    caller: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp: opts.sourceIp ?? '203.0.113.7',
    user: null,
    userAgent: opts.userAgent ?? null,
    userArn: null,
  })
  return identity
}

/** Keys of the proxy (payload 1.0) event's `requestContext`, as recorded from AWS. */
const PROXY_REQUEST_CONTEXT_KEYS = [
  'accountId',
  'apiId',
  'authorizer',
  'deploymentId',
  'domainName',
  'domainPrefix',
  'extendedRequestId',
  'httpMethod',
  'identity',
  'path',
  'protocol',
  'requestId',
  'requestTime',
  'requestTimeEpoch',
  'resourceId',
  'resourcePath',
  'stage',
]

/** The Lambda proxy event's `requestContext`: the `$context` fields AWS puts there, in order. */
export function toProxyRequestContext(context: { [key: string]: Json }): { [key: string]: Json } {
  const out: { [key: string]: Json } = {}
  for (const key of PROXY_REQUEST_CONTEXT_KEYS) {
    const value = context[key]
    if (value !== undefined && Object.hasOwn(context, key)) out[key] = value
  }
  return out
}

/**
 * The VTL oracle's default `$context` (`../shared/oracle/vtl/README.md`), key for key, for the
 * oracle comparison runner; corpus lines merge their `context` over it one level deep.
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

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** FNV-1a, stepped: a stable stream of numbers from a seed text (no randomness in the core). */
function* hashStream(seed: string): Generator<number> {
  let h = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0
  for (;;) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0
    yield h
  }
}

/** A lower-case id like API Gateway's resource and deployment ids (`a1b2c3`). */
function pseudoId(seed: string, length: number): string {
  let out = ''
  const stream = hashStream(seed)
  while (out.length < length) out += ID_ALPHABET[stream.next().value % ID_ALPHABET.length]
  return out
}

/** An extended request id shaped like AWS's (`BQGojGVfoAMFnAg=`). */
function extendedIdFrom(requestId: string): string {
  let out = ''
  const stream = hashStream(`extended:${requestId}`)
  while (out.length < 15) out += B64_ALPHABET[stream.next().value % 64]
  return out + '='
}

/**
 * Checks untrusted JSON (an import, a share link) and turns it into a clean scenario: fresh plain
 * objects holding only known fields. Every problem becomes a diagnostic naming the JSON path
 * (source `scenario`, codes `scenario.*`); nothing here throws.
 */
import type {
  ClientRequest,
  Diagnostic,
  GatewayResponse,
  Integration,
  IntegrationResponse,
  LambdaOutcome,
  Method,
  MethodResponse,
  Scenario,
  Setup,
} from '../model'
import { DEFAULT_STAGE, GATEWAY_RESPONSE_DEFAULTS, INVOKE_FAILURES } from './defaults'
import { tryParseJson } from './json-text'
import {
  booleanValue,
  checkFields,
  guard,
  has,
  join,
  readEnum,
  readJson,
  readObject,
  readRecord,
  readStatusCode,
  readString,
  readStringArray,
  report,
  statusKeyed,
  stringValue,
  type Ctx,
  type Obj,
} from './validate-readers'

/** The gateway response types AWS accepts (PutGatewayResponse's enum). */
export const GATEWAY_RESPONSE_TYPES: readonly string[] = Object.keys(GATEWAY_RESPONSE_DEFAULTS)

// Fields `aws apigateway get-method` prints that the lab does not simulate: dropped with an info.
const AWS_METHOD_EXTRAS = [
  'authorizationType',
  'authorizerId',
  'apiKeyRequired',
  'operationName',
  'requestModels',
  'authorizationScopes',
]

const AWS_INTEGRATION_EXTRAS = [
  'connectionType',
  'connectionId',
  'credentials',
  'cacheNamespace',
  'cacheKeyParameters',
  'tlsConfig',
  'integrationTarget',
  'responseTransferMode',
]

function readMethodResponse(ctx: Ctx) {
  return statusKeyed<MethodResponse>(ctx, (o, path, key) => {
    checkFields(o, path, ctx, ['statusCode', 'responseParameters', 'responseModels'])
    const statusCode = readStatusCode(o, 'statusCode', path, ctx, key)
    if (statusCode === undefined) return undefined
    const out: MethodResponse = { statusCode }
    const params = readRecord(o, 'responseParameters', path, ctx, booleanValue(ctx))
    if (params) out.responseParameters = params
    const models = readRecord(o, 'responseModels', path, ctx, stringValue(ctx))
    if (models) out.responseModels = models
    return out
  })
}

const CONTENT_HANDLING = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] as const

function readIntegrationResponse(ctx: Ctx) {
  return statusKeyed<IntegrationResponse>(ctx, (o, path, key) => {
    checkFields(o, path, ctx, [
      'statusCode',
      'selectionPattern',
      'responseParameters',
      'responseTemplates',
      'contentHandling',
    ])
    const statusCode = readStatusCode(o, 'statusCode', path, ctx, key)
    if (statusCode === undefined) return undefined
    const out: IntegrationResponse = { statusCode }
    const pattern = readString(o, 'selectionPattern', path, ctx)
    if (pattern !== undefined) out.selectionPattern = pattern
    const params = readRecord(o, 'responseParameters', path, ctx, stringValue(ctx))
    if (params) out.responseParameters = params
    const templates = readRecord(o, 'responseTemplates', path, ctx, stringValue(ctx))
    if (templates) out.responseTemplates = templates
    const handling = readEnum(o, 'contentHandling', path, ctx, CONTENT_HANDLING)
    if (handling) out.contentHandling = handling
    return out
  })
}

function readIntegration(value: unknown, path: string, ctx: Ctx): Integration | undefined {
  const o = readObject(value, path, ctx)
  if (o === undefined) return undefined
  const known = [
    'type',
    'httpMethod',
    'uri',
    'requestTemplates',
    'requestParameters',
    'passthroughBehavior',
    'contentHandling',
    'timeoutInMillis',
    'integrationResponses',
  ]
  checkFields(o, path, ctx, known, AWS_INTEGRATION_EXTRAS)
  const type = readEnum(o, 'type', path, ctx, ['AWS_PROXY', 'AWS'] as const, true)
  const out: Integration = { type: type ?? 'AWS' }
  const httpMethod = readString(o, 'httpMethod', path, ctx)
  if (httpMethod !== undefined) out.httpMethod = httpMethod
  const uri = readString(o, 'uri', path, ctx)
  if (uri !== undefined) out.uri = uri
  const templates = readRecord(o, 'requestTemplates', path, ctx, stringValue(ctx))
  if (templates) out.requestTemplates = templates
  const params = readRecord(o, 'requestParameters', path, ctx, stringValue(ctx))
  if (params) out.requestParameters = params
  const passthrough = readEnum(o, 'passthroughBehavior', path, ctx, [
    'WHEN_NO_MATCH',
    'WHEN_NO_TEMPLATES',
    'NEVER',
  ] as const)
  if (passthrough) out.passthroughBehavior = passthrough
  const handling = readEnum(o, 'contentHandling', path, ctx, CONTENT_HANDLING)
  if (handling) out.contentHandling = handling
  if (has(o, 'timeoutInMillis')) {
    const t = o.timeoutInMillis
    if (typeof t === 'number' && Number.isInteger(t) && t > 0) {
      out.timeoutInMillis = t
      if (t < 50) {
        report(
          ctx,
          'warning',
          'scenario.range',
          `${join(path, 'timeoutInMillis')} is below 50 ms, which AWS rejects`,
        )
      }
    } else {
      report(
        ctx,
        'error',
        'scenario.type',
        `${join(path, 'timeoutInMillis')} must be a positive whole number of milliseconds`,
      )
    }
  }
  const responses = readRecord(o, 'integrationResponses', path, ctx, readIntegrationResponse(ctx))
  if (responses) out.integrationResponses = responses
  return type === undefined ? undefined : out
}

function readMethod(value: unknown, path: string, ctx: Ctx): Method | undefined {
  const o = readObject(value, path, ctx)
  if (o === undefined) return undefined
  const known = [
    'httpMethod',
    'resourcePath',
    'requestParameters',
    'requestValidatorId',
    'methodResponses',
    'methodIntegration',
  ]
  checkFields(o, path, ctx, known, AWS_METHOD_EXTRAS)
  const httpMethod = readString(o, 'httpMethod', path, ctx, true)
  const resourcePath = readString(o, 'resourcePath', path, ctx, true)
  if (resourcePath !== undefined && !resourcePath.startsWith('/')) {
    report(ctx, 'error', 'scenario.path', `${join(path, 'resourcePath')} must start with "/"`)
  }
  const requestParameters = readRecord(o, 'requestParameters', path, ctx, booleanValue(ctx))
  const validator = readString(o, 'requestValidatorId', path, ctx)
  const responses = readRecord(o, 'methodResponses', path, ctx, readMethodResponse(ctx))
  const integrationPath = join(path, 'methodIntegration')
  if (!has(o, 'methodIntegration'))
    report(ctx, 'error', 'scenario.missing', `${integrationPath} is required`)
  const integration = has(o, 'methodIntegration')
    ? readIntegration(o.methodIntegration, integrationPath, ctx)
    : undefined
  if (httpMethod === undefined || resourcePath === undefined || integration === undefined)
    return undefined
  const out: Method = { httpMethod, resourcePath, methodIntegration: integration }
  if (requestParameters) out.requestParameters = requestParameters
  if (validator !== undefined) out.requestValidatorId = validator
  if (responses) out.methodResponses = responses
  return out
}

function readGatewayResponse(ctx: Ctx) {
  return (value: unknown, path: string, key: string): GatewayResponse | undefined => {
    if (!GATEWAY_RESPONSE_TYPES.includes(key)) {
      report(
        ctx,
        'warning',
        'scenario.gateway-response-type',
        `${path}: "${key}" is not a gateway response type; ignored`,
        `Types: ${GATEWAY_RESPONSE_TYPES.join(', ')}`,
      )
      return undefined
    }
    const o = readObject(value, path, ctx)
    if (o === undefined) return undefined
    checkFields(
      o,
      path,
      ctx,
      ['statusCode', 'responseParameters', 'responseTemplates'],
      ['responseType', 'defaultResponse'],
    )
    const out: GatewayResponse = {}
    if (has(o, 'statusCode')) {
      const status = readStatusCode(o, 'statusCode', path, ctx)
      if (status === undefined) return undefined
      out.statusCode = status
    }
    const params = readRecord(o, 'responseParameters', path, ctx, stringValue(ctx))
    if (params) out.responseParameters = params
    const templates = readRecord(o, 'responseTemplates', path, ctx, stringValue(ctx))
    if (templates) out.responseTemplates = templates
    return out
  }
}

function readSetup(value: unknown, path: string, ctx: Ctx): Setup | undefined {
  const o = readObject(value, path, ctx)
  if (o === undefined) return undefined
  checkFields(o, path, ctx, [
    'stageName',
    'stageVariables',
    'method',
    'gatewayResponses',
    'binaryMediaTypes',
  ])
  // FORMAT.md: stageName is optional with default "test".
  const stageName = readString(o, 'stageName', path, ctx) ?? DEFAULT_STAGE
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(stageName)) {
    report(
      ctx,
      'warning',
      'scenario.stage-name',
      `${join(path, 'stageName')} should hold only letters, digits, "-" and "_"`,
    )
  }
  const stageVariables = readRecord(o, 'stageVariables', path, ctx, stringValue(ctx))
  if (!has(o, 'method'))
    report(ctx, 'error', 'scenario.missing', `${join(path, 'method')} is required`)
  const method = has(o, 'method') ? readMethod(o.method, join(path, 'method'), ctx) : undefined
  const gatewayResponses = readRecord(o, 'gatewayResponses', path, ctx, readGatewayResponse(ctx))
  let binaryMediaTypes: string[] | undefined
  if (has(o, 'binaryMediaTypes'))
    binaryMediaTypes = readStringArray(o.binaryMediaTypes, join(path, 'binaryMediaTypes'), ctx)
  if (method === undefined) return undefined
  const out: Setup = { stageName, method }
  if (stageVariables) out.stageVariables = stageVariables
  if (gatewayResponses) out.gatewayResponses = gatewayResponses
  if (binaryMediaTypes) out.binaryMediaTypes = binaryMediaTypes
  return out
}

function readRequest(value: unknown, path: string, ctx: Ctx): ClientRequest | undefined {
  const o = readObject(value, path, ctx)
  if (o === undefined) return undefined
  checkFields(o, path, ctx, ['method', 'path', 'query', 'headers', 'body'])
  const method = readString(o, 'method', path, ctx, true)
  if (method !== undefined && !/^[A-Za-z]+$/.test(method)) {
    report(
      ctx,
      'error',
      'scenario.method',
      `${join(path, 'method')} must be an HTTP method such as "GET"`,
    )
  }
  const reqPath = readString(o, 'path', path, ctx, true)
  if (reqPath !== undefined && !reqPath.startsWith('/')) {
    report(ctx, 'warning', 'scenario.path', `${join(path, 'path')} should start with "/"`)
  }
  const query = readString(o, 'query', path, ctx)
  if (query?.startsWith('?')) {
    report(
      ctx,
      'warning',
      'scenario.query',
      `${join(path, 'query')} is the query string without the leading "?"`,
    )
  }
  const headers = readRecord(o, 'headers', path, ctx, (v, p, name) => {
    // Only what no HTTP client could send is refused; unusual but sendable names stay data.
    if (name === '' || /[\s:\p{Cc}]/u.test(name)) {
      report(ctx, 'error', 'scenario.header-name', `${p}: "${name}" is not a valid header name`)
      return undefined
    }
    return Array.isArray(v) ? readStringArray(v, p, ctx) : stringValue(ctx)(v, p)
  })
  const body = readString(o, 'body', path, ctx)
  if (method === undefined || reqPath === undefined) return undefined
  const out: ClientRequest = { method, path: reqPath }
  if (query !== undefined) out.query = query
  if (headers) out.headers = headers
  if (body !== undefined) out.body = body
  return out
}

function readLambda(value: unknown, path: string, ctx: Ctx): LambdaOutcome | undefined {
  const o = readObject(value, path, ctx)
  if (o === undefined) return undefined
  const kind = readEnum(
    o,
    'kind',
    path,
    ctx,
    ['result', 'error', 'echo', 'proxyEcho', 'invokeFailure'] as const,
    true,
  )
  const payloadPath = join(path, 'payload')
  switch (kind) {
    case undefined:
      return undefined
    case 'echo':
    case 'proxyEcho':
      checkFields(o, path, ctx, ['kind'])
      return { kind }
    case 'invokeFailure': {
      checkFields(o, path, ctx, ['kind', 'failure'])
      const failure = readEnum(o, 'failure', path, ctx, INVOKE_FAILURES, true)
      return failure === undefined ? undefined : { kind, failure }
    }
    case 'error': {
      checkFields(o, path, ctx, ['kind', 'functionError', 'payload', 'payloadRaw'])
      const functionError = readString(o, 'functionError', path, ctx)
      if (!has(o, 'payload')) report(ctx, 'error', 'scenario.missing', `${payloadPath} is required`)
      const payload = has(o, 'payload') ? readJson(o.payload, payloadPath, ctx) : undefined
      const payloadRaw = readString(o, 'payloadRaw', path, ctx)
      if (payload === undefined) return undefined
      const out: LambdaOutcome = { kind, payload }
      if (functionError !== undefined) out.functionError = functionError
      if (payloadRaw !== undefined) {
        out.payloadRaw = payloadRaw
        // The raw text is what Lambda sends; it must still be the same JSON as `payload`.
        const parsed = tryParseJson(payloadRaw)
        if (!parsed || JSON.stringify(parsed.value) !== JSON.stringify(payload))
          report(
            ctx,
            'warning',
            'scenario.payload-raw',
            `${join(path, 'payloadRaw')} is not the JSON of ${payloadPath}; the lab sends payloadRaw`,
          )
      }
      return out
    }
    case 'result': {
      checkFields(o, path, ctx, ['kind', 'payload', 'payloadRaw'])
      if (has(o, 'payload') === has(o, 'payloadRaw')) {
        report(
          ctx,
          'error',
          'scenario.missing',
          `${path} needs exactly one of payload and payloadRaw`,
        )
        return undefined
      }
      if (has(o, 'payloadRaw')) {
        const raw = readString(o, 'payloadRaw', path, ctx)
        return raw === undefined ? undefined : { kind, payloadRaw: raw }
      }
      const payload = readJson(o.payload, payloadPath, ctx)
      return payload === undefined ? undefined : { kind, payload }
    }
  }
}

/** Reads the three scenario parts of an object (a scenario or a conformance case). */
export function readScenarioParts(o: Obj, ctx: Ctx): Scenario | undefined {
  const parts = ['setup', 'request', 'lambda'] as const
  for (const part of parts) {
    if (!has(o, part)) report(ctx, 'error', 'scenario.missing', `${part} is required`)
  }
  const setup = has(o, 'setup') ? readSetup(o.setup, 'setup', ctx) : undefined
  const request = has(o, 'request') ? readRequest(o.request, 'request', ctx) : undefined
  const lambda = has(o, 'lambda') ? readLambda(o.lambda, 'lambda', ctx) : undefined
  if (!setup || !request || !lambda) return undefined
  return { setup, request, lambda }
}

/** Checks untrusted JSON (an import, a share link) and returns a scenario or diagnostics. */
export function validateScenario(value: unknown): {
  scenario?: Scenario
  diagnostics: Diagnostic[]
} {
  const ctx: Ctx = { diags: [], nodes: 0, chars: 0 }
  const scenario = guard(ctx, () => {
    const o = readObject(value, 'scenario', ctx)
    if (o === undefined) return undefined
    checkFields(o, '', ctx, ['setup', 'request', 'lambda'])
    return readScenarioParts(o, ctx)
  })
  return scenario ? { scenario, diagnostics: ctx.diags } : { diagnostics: ctx.diags }
}

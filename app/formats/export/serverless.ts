/**
 * `serverless.yml` for the Serverless Framework v3: one function with one `http` event. What we
 * write is chosen so that, after the framework's own processing (validate.js and method/*.js in
 * lib/plugins/aws/package/compile/events/api-gateway), the method is the scenario's. The framework
 * adds its own defaults, which we either cancel or report:
 * - `integration: lambda` gets two default request templates (application/json and
 *   application/x-www-form-urlencoded) unless each is set to `null`;
 * - without a response whose `pattern` is `''`, a 200 with pattern `''` is added; without any
 *   `response`, nine default status codes (200, 400, 401, 403, 404, 422, 500, 502, 504) are;
 * - `passThrough` defaults to NEVER (API Gateway's own default is WHEN_NO_MATCH), so it is always written;
 * - every status code gets a method response whose headers are all required and whose models are empty;
 * - `response.contentHandling` goes to 2xx integration responses only;
 * - each method request parameter is also mapped to the integration parameter of the same name;
 * - the first `extraCognitoPoolClaims` in each request template is replaced (by '' without an authorizer);
 * - the URI always points at the function in the same file; there is no timeout and no stage variables.
 * `lambda-proxy` drops request templates, passThrough, contentHandling and `response`.
 */
import type { IntegrationResponse, Json, Setup } from '../../model'
import { checkIntrinsicLookalikes, entriesOf, hasEntries, objectFrom, walkStrings } from './common'

/** Content types the framework gives a default request template for `integration: lambda`. */
const FRAMEWORK_TEMPLATE_TYPES = ['application/json', 'application/x-www-form-urlencoded']

const PARAMETER_LOCATIONS: Record<string, string> = {
  path: 'paths',
  querystring: 'querystrings',
  header: 'headers',
}

/** The serverless.yml content as a JSON value, and what it cannot hold. */
export function buildServerlessConfig(setup: Setup): {
  config: Record<string, Json>
  cannotHold: string[]
} {
  const cannotHold = [...checkIntrinsicLookalikes(setup), ...checkVariableSyntax(setup)]
  const method = setup.method
  const integration = method.methodIntegration
  const isProxy = integration.type === 'AWS_PROXY'
  const where = 'setup.method.methodIntegration'

  const http: Record<string, Json> = {
    path: method.resourcePath === '/' ? '/' : method.resourcePath.replace(/^\//, ''),
    method: method.httpMethod.toLowerCase(),
    integration: isProxy ? 'lambda-proxy' : 'lambda',
  }
  const request: Record<string, Json> = {}

  // Method request parameters; for `lambda`, each also becomes an integration parameter.
  const parameters: Record<string, Record<string, Json>> = {}
  const integrationParameters = new Map(entriesOf(integration.requestParameters))
  for (const [name, required] of entriesOf(method.requestParameters)) {
    const m = /^method\.request\.(path|querystring|header)\.(.+)$/s.exec(name)
    const location = m ? PARAMETER_LOCATIONS[m[1] ?? ''] : undefined
    if (!m || location === undefined) {
      cannotHold.push(
        `setup.method.requestParameters.${name}: the framework has only paths, querystrings and headers`,
      )
      continue
    }
    const target = `integration.request.${m[1]}.${m[2]}`
    let value: Json = required
    if (!isProxy) {
      const mapped = integrationParameters.get(target)
      if (mapped === undefined) {
        cannotHold.push(
          `setup.method.requestParameters.${name}: the framework also maps it to ${target}`,
        )
      } else {
        integrationParameters.delete(target)
        if (mapped !== name) value = { required, mappedValue: mapped }
      }
    }
    const group = (parameters[location] ??= {})
    Object.defineProperty(group, m[2] ?? '', {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  for (const [target] of integrationParameters) {
    cannotHold.push(
      isProxy
        ? `${where}.requestParameters.${target}: lambda-proxy events have no integration parameters`
        : `${where}.requestParameters.${target}: the framework maps only method parameters of the same name`,
    )
  }
  if (Object.keys(parameters).length > 0) request.parameters = parameters

  if (isProxy) {
    if (hasEntries(integration.requestTemplates))
      cannotHold.push(`${where}.requestTemplates (lambda-proxy drops them)`)
    if (
      integration.passthroughBehavior !== undefined &&
      integration.passthroughBehavior !== 'WHEN_NO_MATCH'
    ) {
      cannotHold.push(`${where}.passthroughBehavior (lambda-proxy drops it)`)
    }
    if (integration.contentHandling !== undefined)
      cannotHold.push(`${where}.contentHandling (lambda-proxy drops it)`)
    if (hasEntries(integration.integrationResponses)) {
      cannotHold.push(
        `${where}.integrationResponses (lambda-proxy drops \`response\`; API Gateway ignores them for AWS_PROXY anyway)`,
      )
    }
    if (hasEntries(method.methodResponses))
      cannotHold.push('setup.method.methodResponses (lambda-proxy events have none)')
  } else {
    const templates: [string, Json][] = entriesOf(integration.requestTemplates).map(([type, t]) => {
      if (t.includes('extraCognitoPoolClaims')) {
        cannotHold.push(
          `${where}.requestTemplates.${type}: the framework replaces the text "extraCognitoPoolClaims"`,
        )
      }
      return [type, t]
    })
    for (const type of FRAMEWORK_TEMPLATE_TYPES) {
      if (!templates.some(([t]) => t === type)) templates.push([type, null])
    }
    request.template = objectFrom(templates)
    request.passThrough = integration.passthroughBehavior ?? 'WHEN_NO_MATCH'
    if (integration.contentHandling !== undefined)
      request.contentHandling = integration.contentHandling
    const response = buildResponse(setup, cannotHold)
    if (response) http.response = response
  }
  if (Object.keys(request).length > 0) http.request = request

  if (integration.httpMethod !== undefined && integration.httpMethod !== 'POST') {
    cannotHold.push(`${where}.httpMethod (the framework always invokes Lambda with POST)`)
  }
  if (integration.uri !== undefined) {
    cannotHold.push(
      `${where}.uri (the framework points the method at the function defined in the file)`,
    )
  }
  if (integration.timeoutInMillis !== undefined)
    cannotHold.push(`${where}.timeoutInMillis (no http event setting)`)
  if (method.requestValidatorId !== undefined)
    cannotHold.push('setup.method.requestValidatorId (validators are made from schemas)')
  if (hasEntries(setup.stageVariables))
    cannotHold.push('setup.stageVariables (no provider setting in v3)')

  const stage = setup.stageName ?? 'test'
  if (!/^[-_a-zA-Z0-9]+$/.test(stage))
    cannotHold.push('setup.stageName (the framework accepts only [-_a-zA-Z0-9])')
  const provider: Record<string, Json> = { name: 'aws', runtime: 'nodejs20.x', stage }
  if (setup.binaryMediaTypes && setup.binaryMediaTypes.length > 0) {
    provider.apiGateway = { binaryMediaTypes: [...setup.binaryMediaTypes] }
  }

  const config: Record<string, Json> = {
    service: 'api-gateway-lab',
    frameworkVersion: '3',
    provider,
    functions: { fn: { handler: 'index.handler', events: [{ http }] } },
  }
  if (hasEntries(setup.gatewayResponses)) {
    // No http-event setting exists for gateway responses; raw CloudFormation is the usual way.
    const resources: [string, Json][] = []
    const used = new Set<string>()
    for (const [type, r] of entriesOf(setup.gatewayResponses)) {
      let id = `GatewayResponse${type.replace(/[^A-Za-z0-9]/g, '')}`
      for (let n = 2; used.has(id); n++)
        id = `GatewayResponse${type.replace(/[^A-Za-z0-9]/g, '')}${n}`
      used.add(id)
      const properties: Record<string, Json> = {
        RestApiId: { Ref: 'ApiGatewayRestApi' },
        ResponseType: type,
      }
      if (r.statusCode !== undefined) properties.StatusCode = r.statusCode
      if (hasEntries(r.responseParameters))
        properties.ResponseParameters = objectFrom(entriesOf(r.responseParameters))
      if (hasEntries(r.responseTemplates))
        properties.ResponseTemplates = objectFrom(entriesOf(r.responseTemplates))
      resources.push([id, { Type: 'AWS::ApiGateway::GatewayResponse', Properties: properties }])
    }
    config.resources = { Resources: objectFrom(resources) }
  }
  return { config, cannotHold }
}

/** `response` for `integration: lambda`, or undefined when the framework's defaults would differ. */
function buildResponse(setup: Setup, cannotHold: string[]): Json | undefined {
  const method = setup.method
  const where = 'setup.method.methodIntegration.integrationResponses'
  const responses = entriesOf(method.methodIntegration.integrationResponses)
  if (responses.length === 0) {
    cannotHold.push(`${where}: none (the framework then adds its nine default status codes)`)
    return undefined
  }
  if (!responses.some(([, r]) => (r.selectionPattern ?? '') === '')) {
    cannotHold.push(`${where}: no default response (the framework adds a 200 with pattern '')`)
  }
  // One content handling for every 2xx response, none for the others.
  const twoXx = responses
    .filter(([, r]) => r.statusCode.startsWith('2'))
    .map(([, r]) => r.contentHandling)
  const contentHandling = twoXx[0]
  if (twoXx.some((c) => c !== contentHandling))
    cannotHold.push(`${where}: differing contentHandling among 2xx responses`)
  for (const [code, r] of responses) {
    if (!r.statusCode.startsWith('2') && r.contentHandling !== undefined) {
      cannotHold.push(
        `${where}.${code}.contentHandling (the framework sets it on 2xx responses only)`,
      )
    }
  }
  const statusCodes: [string, Json][] = []
  const methodResponses = new Map(entriesOf(method.methodResponses))
  for (const [code, r] of responses) {
    const config: Record<string, Json> = { pattern: r.selectionPattern ?? '' }
    if (hasEntries(r.responseTemplates))
      config.template = objectFrom(entriesOf(r.responseTemplates))
    const headers = responseHeaders(r, `${where}.${code}`, cannotHold)
    if (headers.length > 0) config.headers = objectFrom(headers)
    statusCodes.push([r.statusCode, config])
    checkMethodResponse(
      setup,
      r,
      headers.map(([h]) => h),
      cannotHold,
    )
    methodResponses.delete(r.statusCode)
  }
  for (const [code] of methodResponses) {
    cannotHold.push(
      `setup.method.methodResponses.${code}: the framework makes method responses only for the status codes of integration responses`,
    )
  }
  const response: Record<string, Json> = {}
  if (contentHandling !== undefined) response.contentHandling = contentHandling
  response.statusCodes = objectFrom(statusCodes)
  return response
}

function responseHeaders(
  r: IntegrationResponse,
  where: string,
  cannotHold: string[],
): [string, Json][] {
  const headers: [string, Json][] = []
  for (const [target, source] of entriesOf(r.responseParameters)) {
    const m = /^method\.response\.header\.(.+)$/s.exec(target)
    if (!m) cannotHold.push(`${where}.responseParameters.${target}: only headers can be mapped`)
    else headers.push([m[1] ?? '', source])
  }
  return headers
}

/** The framework's method response: every mapped header required, no models. */
function checkMethodResponse(
  setup: Setup,
  r: IntegrationResponse,
  headers: string[],
  cannotHold: string[],
): void {
  const where = `setup.method.methodResponses.${r.statusCode}`
  const mr = setup.method.methodResponses?.[r.statusCode]
  if (mr === undefined || !Object.hasOwn(setup.method.methodResponses ?? {}, r.statusCode)) {
    cannotHold.push(`${where}: absent, but the framework makes one for each status code`)
    return
  }
  const expected = new Set(headers.map((h) => `method.response.header.${h}`))
  const actual = entriesOf(mr.responseParameters)
  if (actual.length !== expected.size || actual.some(([k, v]) => !expected.has(k) || v !== true)) {
    cannotHold.push(
      `${where}.responseParameters (the framework declares exactly the mapped headers, each required)`,
    )
  }
  if (hasEntries(mr.responseModels))
    cannotHold.push(`${where}.responseModels (the framework sets none)`)
}

/**
 * The framework resolves its own variables in every string value of serverless.yml before
 * anything else: `${source:address}` and `${source(params)}` are replaced, and backslashes
 * before `${` are taken as escapes (lib/configuration/variables/parse.js). A VTL template or
 * pattern with either would not reach API Gateway as written.
 */
function checkVariableSyntax(setup: Setup): string[] {
  const out: string[] = []
  for (const [path, s] of walkStrings(setup)) {
    if (path.endsWith(' (key)')) continue
    if (/\\\$\{/.test(s))
      out.push(`${path}: the framework reads a backslash before \`\${\` as an escape`)
    else if (/\$\{\s*[a-z][a-zA-Z0-9.-]*\s*[:(]/.test(s)) {
      out.push(`${path}: \`\${source:…}\` is a Serverless Framework variable`)
    }
  }
  return out
}

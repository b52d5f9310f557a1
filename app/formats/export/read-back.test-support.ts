/**
 * Test support: reads each export format back into a setup, independently of the importers, so
 * the exporters can be checked on their own. YAML and JSON are read with real parsers; the
 * Serverless reader applies what the framework v3 does to an `http` event (its validate.js and
 * method/*.js), so a round trip through it proves the emitted file deploys as the scenario.
 */
import { parse } from 'yaml'
import type {
  GatewayResponse,
  IntegrationResponse,
  Method,
  MethodResponse,
  Setup,
} from '../../model'

type Obj = Record<string, unknown>

const obj = (v: unknown): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {}
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

function map<T>(v: unknown, f: (x: unknown) => T = (x) => x as T): Record<string, T> | undefined {
  if (v === undefined) return undefined
  const out: Record<string, T> = {}
  for (const [k, x] of Object.entries(obj(v))) setOwn(out, k, f(x))
  return out
}

const SHORT_TAGS = [
  { tag: '!Ref', resolve: (s: string) => ({ Ref: s }) },
  { tag: '!Sub', resolve: (s: string) => ({ 'Fn::Sub': s }) },
  { tag: '!GetAtt', resolve: (s: string) => ({ 'Fn::GetAtt': s.split('.') }) },
]

/** Parses YAML as YAML 1.2 (what the `yaml` package and most tools default to), CloudFormation tags included. */
export function parseYaml(text: string): unknown {
  return parse(text, { customTags: SHORT_TAGS, uniqueKeys: true, maxAliasCount: -1 })
}

/** Resolves the only Fn::Sub the exporters write: `${Param}` from the template's parameter defaults. */
function resolveSub(value: unknown, parameters: Obj): string | undefined {
  if (typeof value === 'string') return value
  const text = str(obj(value)['Fn::Sub'])
  if (text === undefined) return undefined
  return text.replace(/\$\{([A-Za-z0-9]+)\}/g, (_, name: string) =>
    String(obj(parameters[name]).Default),
  )
}

/** OpenAPI document → setup. */
export function readOpenApi(doc: unknown, parameters: Obj = {}): Setup {
  const d = obj(doc)
  const [resourcePath, item] = Object.entries(obj(d.paths))[0] ?? ['', {}]
  const [opKey, opValue] = Object.entries(obj(item))[0] ?? ['', {}]
  const op = obj(opValue)
  const method: Method = {
    httpMethod: opKey === 'x-amazon-apigateway-any-method' ? 'ANY' : opKey.toUpperCase(),
    resourcePath,
    methodIntegration: { type: 'AWS' },
  }
  if (Array.isArray(op.parameters)) {
    const IN: Obj = { path: 'path', query: 'querystring', header: 'header' }
    method.requestParameters = {}
    for (const p of op.parameters.map(obj)) {
      setOwn(
        method.requestParameters,
        `method.request.${String(IN[String(p.in)])}.${String(p.name)}`,
        p.required === true,
      )
    }
  }
  const responses = Object.entries(obj(op.responses))
  if (responses.length > 0) {
    method.methodResponses = {}
    for (const [code, r] of responses) {
      const mr: MethodResponse = { statusCode: code }
      const headers = Object.entries(obj(obj(r).headers))
      if (headers.length > 0) {
        mr.responseParameters = {}
        for (const [h, spec] of headers)
          setOwn(mr.responseParameters, `method.response.header.${h}`, obj(spec).required === true)
      }
      const content = Object.entries(obj(obj(r).content))
      if (content.length > 0) {
        mr.responseModels = {}
        for (const [t, c] of content)
          setOwn(
            mr.responseModels,
            t,
            String(obj(obj(c).schema).$ref).replace('#/components/schemas/', ''),
          )
      }
      setOwn(method.methodResponses, code, mr)
    }
  }
  const i = obj(op['x-amazon-apigateway-integration'])
  const integration = method.methodIntegration
  integration.type = String(i.type).toUpperCase() as 'AWS' | 'AWS_PROXY'
  if (i.httpMethod !== undefined) integration.httpMethod = String(i.httpMethod)
  if (i.uri !== undefined) integration.uri = resolveSub(i.uri, parameters)
  if (i.requestTemplates !== undefined) integration.requestTemplates = map(i.requestTemplates)
  if (i.requestParameters !== undefined) integration.requestParameters = map(i.requestParameters)
  if (i.passthroughBehavior !== undefined) {
    integration.passthroughBehavior = String(i.passthroughBehavior).toUpperCase() as 'NEVER'
  }
  if (i.contentHandling !== undefined)
    integration.contentHandling = i.contentHandling as 'CONVERT_TO_TEXT'
  if (i.timeoutInMillis !== undefined) integration.timeoutInMillis = Number(i.timeoutInMillis)
  if (i.responses !== undefined) {
    integration.integrationResponses = {}
    for (const [pattern, r] of Object.entries(obj(i.responses))) {
      const ir = readIntegrationResponse(obj(r), 'statusCode')
      if (pattern !== 'default') ir.selectionPattern = pattern
      setOwn(integration.integrationResponses, ir.statusCode, ir)
    }
  }
  const setup: Setup = { method }
  const servers = Array.isArray(d.servers) ? d.servers : []
  const stage = obj(obj(obj(servers[0]).variables).basePath).default
  if (stage !== undefined) setup.stageName = String(stage)
  if (d['x-amazon-apigateway-gateway-responses'] !== undefined) {
    setup.gatewayResponses = map(d['x-amazon-apigateway-gateway-responses'], (r) =>
      readGatewayResponse(obj(r), false),
    )
  }
  if (Array.isArray(d['x-amazon-apigateway-binary-media-types'])) {
    setup.binaryMediaTypes = d['x-amazon-apigateway-binary-media-types'].map(String)
  }
  return setup
}

function readIntegrationResponse(
  r: Obj,
  statusKey: 'statusCode' | 'StatusCode',
): IntegrationResponse {
  const cfn = statusKey === 'StatusCode'
  const ir: IntegrationResponse = { statusCode: String(r[statusKey]) }
  const pattern = r[cfn ? 'SelectionPattern' : 'selectionPattern']
  if (pattern !== undefined) ir.selectionPattern = String(pattern)
  const params = r[cfn ? 'ResponseParameters' : 'responseParameters']
  if (params !== undefined) ir.responseParameters = map(params)
  const templates = r[cfn ? 'ResponseTemplates' : 'responseTemplates']
  if (templates !== undefined) ir.responseTemplates = map(templates)
  const ch = r[cfn ? 'ContentHandling' : 'contentHandling']
  if (ch !== undefined) ir.contentHandling = ch as 'CONVERT_TO_TEXT'
  return ir
}

function readGatewayResponse(r: Obj, cfn: boolean): GatewayResponse {
  const g: GatewayResponse = {}
  const code = r[cfn ? 'StatusCode' : 'statusCode']
  if (code !== undefined) g.statusCode = String(code)
  const params = r[cfn ? 'ResponseParameters' : 'responseParameters']
  if (params !== undefined) g.responseParameters = map(params)
  const templates = r[cfn ? 'ResponseTemplates' : 'responseTemplates']
  if (templates !== undefined) g.responseTemplates = map(templates)
  return g
}

/** CloudFormation template (long-form intrinsics) → setup. */
export function readCloudFormation(template: unknown): Setup {
  const t = obj(template)
  const parameters = obj(t.Parameters)
  const resources = obj(t.Resources)
  const byType = (type: string): [string, Obj][] =>
    Object.entries(resources)
      .filter(([, r]) => obj(r).Type === type)
      .map(([id, r]) => [id, obj(obj(r).Properties)])
  const [, m] = byType('AWS::ApiGateway::Method')[0] ?? ['', {}]
  // Walk the resource chain from the method's resource up to the root.
  const segments: string[] = []
  let at = obj(m.ResourceId)
  while (typeof at.Ref === 'string') {
    const props = obj(obj(resources[at.Ref]).Properties)
    segments.unshift(String(props.PathPart))
    at = obj(props.ParentId)
  }
  const i = obj(m.Integration)
  const method: Method = {
    httpMethod: String(m.HttpMethod),
    resourcePath: `/${segments.join('/')}`,
    methodIntegration: { type: String(i.Type) as 'AWS' },
  }
  if (m.RequestParameters !== undefined) method.requestParameters = map(m.RequestParameters)
  if (Array.isArray(m.MethodResponses)) {
    method.methodResponses = {}
    for (const r of m.MethodResponses.map(obj)) {
      const mr: MethodResponse = { statusCode: String(r.StatusCode) }
      if (r.ResponseParameters !== undefined) mr.responseParameters = map(r.ResponseParameters)
      if (r.ResponseModels !== undefined) mr.responseModels = map(r.ResponseModels)
      setOwn(method.methodResponses, mr.statusCode, mr)
    }
  }
  const integration = method.methodIntegration
  if (i.IntegrationHttpMethod !== undefined)
    integration.httpMethod = String(i.IntegrationHttpMethod)
  if (i.Uri !== undefined) integration.uri = resolveSub(i.Uri, parameters)
  if (i.RequestTemplates !== undefined) integration.requestTemplates = map(i.RequestTemplates)
  if (i.RequestParameters !== undefined) integration.requestParameters = map(i.RequestParameters)
  if (i.PassthroughBehavior !== undefined)
    integration.passthroughBehavior = i.PassthroughBehavior as 'NEVER'
  if (i.ContentHandling !== undefined)
    integration.contentHandling = i.ContentHandling as 'CONVERT_TO_TEXT'
  if (i.TimeoutInMillis !== undefined) integration.timeoutInMillis = Number(i.TimeoutInMillis)
  if (Array.isArray(i.IntegrationResponses)) {
    integration.integrationResponses = {}
    for (const r of i.IntegrationResponses.map(obj)) {
      const ir = readIntegrationResponse(r, 'StatusCode')
      setOwn(integration.integrationResponses, ir.statusCode, ir)
    }
  }
  const setup: Setup = { method }
  const gateway = byType('AWS::ApiGateway::GatewayResponse')
  if (gateway.length > 0) {
    setup.gatewayResponses = {}
    for (const [, g] of gateway)
      setOwn(setup.gatewayResponses, String(g.ResponseType), readGatewayResponse(g, true))
  }
  const [, api] = byType('AWS::ApiGateway::RestApi')[0] ?? ['', {}]
  if (Array.isArray(api.BinaryMediaTypes)) setup.binaryMediaTypes = api.BinaryMediaTypes.map(String)
  const [, stage] = byType('AWS::ApiGateway::Stage')[0] ?? ['', {}]
  if (stage.StageName !== undefined) setup.stageName = String(stage.StageName)
  if (stage.Variables !== undefined) setup.stageVariables = map(stage.Variables)
  return setup
}

/** SAM template → setup (DefinitionBody read as OpenAPI). */
export function readSam(template: unknown): Setup {
  const t = obj(template)
  const api = Object.values(obj(t.Resources))
    .map(obj)
    .find((r) => r.Type === 'AWS::Serverless::Api')
  const props = obj(api?.Properties)
  const setup = readOpenApi(props.DefinitionBody, obj(t.Parameters))
  setup.stageName = String(props.StageName)
  if (props.Variables !== undefined) setup.stageVariables = map(props.Variables)
  return setup
}

/** The first two of the framework's nine default status codes for `integration: lambda` (validate.js). */
const FRAMEWORK_DEFAULT_STATUS: Record<string, string> = {
  '200': '',
  '400': '[\\s\\S]*\\[400\\][\\s\\S]*',
}

/**
 * serverless.yml → the method the framework v3 deploys (uri left out: it names the function in
 * the file). Only the parts of the framework's processing that the exporter relies on or cancels.
 */
export function readServerless(config: unknown): Setup {
  const c = obj(config)
  const provider = obj(c.provider)
  const fn = Object.values(obj(c.functions)).map(obj)[0] ?? {}
  const http = obj(obj((fn.events as unknown[] | undefined)?.[0]).http)
  const type =
    String(http.integration).toUpperCase().replace('-', '_') === 'LAMBDA' ? 'AWS' : 'AWS_PROXY'
  const path = String(http.path).replace(/^\//, '').replace(/\/$/, '')
  const method: Method = {
    httpMethod: String(http.method).toUpperCase(),
    resourcePath: `/${path}`,
    methodIntegration: { type, httpMethod: 'POST' },
  }
  const request = obj(http.request)
  const integration = method.methodIntegration
  const parameters = obj(request.parameters)
  for (const [plural, singular] of [
    ['querystrings', 'querystring'],
    ['paths', 'path'],
    ['headers', 'header'],
  ] as const) {
    for (const [name, v] of Object.entries(obj(parameters[plural]))) {
      const key = `method.request.${singular}.${name}`
      const required = typeof v === 'object' && v !== null ? (obj(v).required ?? true) : v
      setOwn((method.requestParameters ??= {}), key, required as boolean)
      if (type === 'AWS') {
        setOwn(
          (integration.requestParameters ??= {}),
          `integration.request.${singular}.${name}`,
          str(obj(v).mappedValue) ?? key,
        )
      }
    }
  }
  if (type === 'AWS') {
    const templates: Record<string, string> = {
      'application/json': '(framework default JSON template)',
      'application/x-www-form-urlencoded': '(framework default form template)',
    }
    for (const [ct, t] of Object.entries(obj(request.template))) {
      if (t === null) delete templates[ct]
      else setOwn(templates, ct, String(t).replace('extraCognitoPoolClaims', ''))
    }
    if (Object.keys(templates).length > 0) integration.requestTemplates = templates
    integration.passthroughBehavior = (str(request.passThrough) ?? 'NEVER') as 'NEVER'
    if (request.contentHandling !== undefined)
      integration.contentHandling = request.contentHandling as 'CONVERT_TO_TEXT'
    const response = obj(http.response)
    let statusCodes = obj(response.statusCodes)
    if (http.response === undefined)
      statusCodes = map(FRAMEWORK_DEFAULT_STATUS, (p) => ({ pattern: p })) ?? {}
    else if (!Object.values(statusCodes).some((s) => obj(s).pattern === '')) {
      statusCodes = { ...statusCodes, '200': { pattern: '' } }
    }
    integration.integrationResponses = {}
    method.methodResponses = {}
    for (const [code, s] of Object.entries(statusCodes)) {
      const sc = obj(s)
      const ir: IntegrationResponse = { statusCode: code, selectionPattern: str(sc.pattern) || '' }
      const mr: MethodResponse = { statusCode: code }
      const headers = Object.entries(obj(sc.headers))
      if (headers.length > 0) {
        ir.responseParameters = {}
        mr.responseParameters = {}
        for (const [h, v] of headers) {
          setOwn(ir.responseParameters, `method.response.header.${h}`, String(v))
          setOwn(mr.responseParameters, `method.response.header.${h}`, true)
        }
      }
      if (sc.template !== undefined) {
        ir.responseTemplates =
          typeof sc.template === 'string' ? { 'application/json': sc.template } : map(sc.template)
      }
      if (code.startsWith('2') && response.contentHandling !== undefined) {
        ir.contentHandling = response.contentHandling as 'CONVERT_TO_TEXT'
      }
      setOwn(integration.integrationResponses, code, ir)
      setOwn(method.methodResponses, code, mr)
    }
  }
  const setup: Setup = { method, stageName: String(provider.stage) }
  const binary = obj(provider.apiGateway).binaryMediaTypes
  if (Array.isArray(binary)) setup.binaryMediaTypes = binary.map(String)
  const gateway = Object.values(obj(obj(c.resources).Resources))
    .map(obj)
    .filter((r) => r.Type === 'AWS::ApiGateway::GatewayResponse')
  if (gateway.length > 0) {
    setup.gatewayResponses = {}
    for (const g of gateway) {
      const p = obj(g.Properties)
      setOwn(setup.gatewayResponses, String(p.ResponseType), readGatewayResponse(p, true))
    }
  }
  return setup
}

/** Setups compared as API Gateway sees them: empty maps dropped, defaults made explicit. */
export function normalizeSetup(setup: Setup): unknown {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(clean)
    if (v !== null && typeof v === 'object') {
      const out: Obj = {}
      for (const [k, x] of Object.entries(v)) {
        const c = clean(x)
        if (c !== undefined) setOwn<unknown>(out, k, c)
      }
      return Object.keys(out).length === 0 ? undefined : out
    }
    return v
  }
  // JSON keeps a `__proto__` key an own property; structuredClone would not.
  const s = JSON.parse(JSON.stringify(setup)) as Setup
  s.stageName ??= 'test'
  s.method.methodIntegration.passthroughBehavior ??= 'WHEN_NO_MATCH'
  for (const r of Object.values(s.method.methodIntegration.integrationResponses ?? {})) {
    if (r.selectionPattern === '') delete r.selectionPattern
  }
  return clean(s)
}

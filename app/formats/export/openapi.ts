/**
 * OpenAPI 3 with API Gateway's extensions, the shape `aws apigateway import-rest-api` reads and
 * `get-export --export-type oas30 --parameters extensions=integrations` writes:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */
import type { Json, Method, Setup } from '../../model'
import { entriesOf, hasEntries, objectFrom } from './common'

/** OpenAPI parameter locations for API Gateway's method request locations. */
const PARAMETER_IN: Record<string, string> = {
  path: 'path',
  querystring: 'query',
  header: 'header',
}

const OPENAPI_VERBS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])

/** The two models every REST API has; other model names get an open object schema. */
const BUILT_IN_SCHEMAS: Record<string, Json> = {
  Empty: { title: 'Empty Schema', type: 'object' },
  Error: {
    title: 'Error Schema',
    type: 'object',
    properties: { message: { type: 'string' } },
  },
}

export type OpenApiOptions = {
  /** The integration `uri` to write instead of the scenario's (SAM writes a `Fn::Sub`). */
  uri?: Json
}

/** The OpenAPI operation key for a method: the verb in lower case, or API Gateway's ANY key. */
export function operationKey(httpMethod: string): string {
  return httpMethod === 'ANY' ? 'x-amazon-apigateway-any-method' : httpMethod.toLowerCase()
}

/** Builds the OpenAPI document for a setup, and says what it had to leave out. */
export function buildOpenApiDocument(
  setup: Setup,
  options: OpenApiOptions = {},
): { document: Record<string, Json>; cannotHold: string[] } {
  const cannotHold: string[] = []
  const method = setup.method
  const schemas = new Map<string, Json>()
  const operation = buildOperation(method, schemas, cannotHold, options)
  const key = operationKey(method.httpMethod)
  if (key !== 'x-amazon-apigateway-any-method' && !OPENAPI_VERBS.has(key)) {
    cannotHold.push(
      `setup.method.httpMethod: ${JSON.stringify(method.httpMethod)} is no OpenAPI operation`,
    )
  }
  const document: Record<string, Json> = {
    openapi: '3.0.1',
    info: { title: 'api-gateway-lab', version: '1.0' },
    servers: [
      { url: '/{basePath}', variables: { basePath: { default: setup.stageName ?? 'test' } } },
    ],
    paths: objectFrom([[method.resourcePath, objectFrom([[key, operation]])]]),
  }
  if (schemas.size > 0) document.components = { schemas: objectFrom(schemas) }
  if (hasEntries(setup.gatewayResponses)) {
    document['x-amazon-apigateway-gateway-responses'] = objectFrom(
      entriesOf(setup.gatewayResponses).map(([type, r]) => {
        const out: Record<string, Json> = {}
        if (r.statusCode !== undefined) out.statusCode = r.statusCode
        if (hasEntries(r.responseParameters))
          out.responseParameters = objectFrom(entriesOf(r.responseParameters))
        if (hasEntries(r.responseTemplates))
          out.responseTemplates = objectFrom(entriesOf(r.responseTemplates))
        return [type, out]
      }),
    )
  }
  if (setup.binaryMediaTypes && setup.binaryMediaTypes.length > 0) {
    document['x-amazon-apigateway-binary-media-types'] = [...setup.binaryMediaTypes]
  }
  if (hasEntries(setup.stageVariables)) {
    cannotHold.push('setup.stageVariables (OpenAPI describes the API, not a stage)')
  }
  return { document, cannotHold }
}

function buildOperation(
  method: Method,
  schemas: Map<string, Json>,
  cannotHold: string[],
  options: OpenApiOptions,
): Record<string, Json> {
  const operation: Record<string, Json> = {}
  const parameters: Json[] = []
  for (const [name, required] of entriesOf(method.requestParameters)) {
    const m = /^method\.request\.(path|querystring|header)\.(.+)$/s.exec(name)
    if (!m) {
      cannotHold.push(
        `setup.method.requestParameters.${name}: OpenAPI has no such parameter location`,
      )
      continue
    }
    const location = m[1] ?? ''
    if (location === 'path' && !required) {
      cannotHold.push(
        `setup.method.requestParameters.${name}: OpenAPI path parameters are always required`,
      )
    }
    parameters.push({
      name: m[2] ?? '',
      in: PARAMETER_IN[location] ?? location,
      required: location === 'path' ? true : required,
      schema: { type: 'string' },
    })
  }
  if (parameters.length > 0) operation.parameters = parameters
  if (method.requestValidatorId !== undefined) {
    cannotHold.push('setup.method.requestValidatorId (OpenAPI names validators, it has no ids)')
  }

  const responses: [string, Json][] = []
  for (const [code, r] of entriesOf(method.methodResponses)) {
    const response: Record<string, Json> = { description: `${r.statusCode} response` }
    const headers: [string, Json][] = []
    for (const [name, required] of entriesOf(r.responseParameters)) {
      const m = /^method\.response\.header\.(.+)$/s.exec(name)
      if (!m) {
        cannotHold.push(
          `setup.method.methodResponses.${code}.responseParameters.${name}: not a header`,
        )
        continue
      }
      headers.push([
        m[1] ?? '',
        required ? { required: true, schema: { type: 'string' } } : { schema: { type: 'string' } },
      ])
    }
    if (headers.length > 0) response.headers = objectFrom(headers)
    const content: [string, Json][] = []
    for (const [contentType, model] of entriesOf(r.responseModels)) {
      const builtIn = Object.hasOwn(BUILT_IN_SCHEMAS, model) ? BUILT_IN_SCHEMAS[model] : undefined
      schemas.set(model, builtIn ?? { title: model, type: 'object' })
      content.push([contentType, { schema: { $ref: `#/components/schemas/${model}` } }])
    }
    if (content.length > 0) response.content = objectFrom(content)
    if (code !== r.statusCode) {
      cannotHold.push(
        `setup.method.methodResponses.${code}: keyed apart from its statusCode ${r.statusCode}`,
      )
    }
    responses.push([r.statusCode, response])
  }
  operation.responses = objectFrom(responses)
  operation['x-amazon-apigateway-integration'] = buildIntegration(method, cannotHold, options)
  return operation
}

function buildIntegration(method: Method, cannotHold: string[], options: OpenApiOptions): Json {
  const i = method.methodIntegration
  const out: Record<string, Json> = { type: i.type.toLowerCase() }
  if (i.httpMethod !== undefined) out.httpMethod = i.httpMethod
  if (options.uri !== undefined) out.uri = options.uri
  else if (i.uri !== undefined) out.uri = i.uri
  if (hasEntries(i.requestTemplates))
    out.requestTemplates = objectFrom(entriesOf(i.requestTemplates))
  if (hasEntries(i.requestParameters))
    out.requestParameters = objectFrom(entriesOf(i.requestParameters))
  if (i.passthroughBehavior !== undefined)
    out.passthroughBehavior = i.passthroughBehavior.toLowerCase()
  if (i.contentHandling !== undefined) out.contentHandling = i.contentHandling
  if (i.timeoutInMillis !== undefined) out.timeoutInMillis = i.timeoutInMillis
  const responses: [string, Json][] = []
  const taken = new Set<string>()
  for (const [code, r] of entriesOf(i.integrationResponses)) {
    const pattern = r.selectionPattern ?? ''
    const key = pattern === '' ? 'default' : pattern
    const where = `setup.method.methodIntegration.integrationResponses.${code}`
    if (pattern === 'default') {
      cannotHold.push(`${where}: the selection pattern "default" reads as the default response`)
      continue
    }
    if (taken.has(key)) {
      cannotHold.push(
        `${where}: another response already has ${pattern === '' ? 'the default' : 'this'} selection pattern (OpenAPI keys responses by pattern)`,
      )
      continue
    }
    taken.add(key)
    const response: Record<string, Json> = { statusCode: r.statusCode }
    if (hasEntries(r.responseParameters))
      response.responseParameters = objectFrom(entriesOf(r.responseParameters))
    if (hasEntries(r.responseTemplates))
      response.responseTemplates = objectFrom(entriesOf(r.responseTemplates))
    if (r.contentHandling !== undefined) response.contentHandling = r.contentHandling
    if (code !== r.statusCode) {
      cannotHold.push(`${where}: keyed apart from its statusCode ${r.statusCode}`)
    }
    responses.push([key, response])
  }
  if (responses.length > 0) out.responses = objectFrom(responses)
  return out
}

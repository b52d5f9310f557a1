/**
 * Serverless Framework v3 `serverless.yml`: `http` events translated the way the framework's
 * `aws` provider compiles them. For `integration: lambda` (API Gateway type `AWS`): the two
 * default request templates, `passThrough` defaulting to `NEVER`, nine default status codes with
 * their selection patterns when `response.statusCodes` is absent, a `200` with pattern `''`
 * replacing any `200` entry when no code has an empty pattern, response-level `template` and
 * `headers` merged under each code's own, and `contentHandling` only on 2xx codes.
 * https://www.serverless.com/framework/docs/providers/aws/events/apigateway
 */
import type { IntegrationResponse, Method, MethodResponse } from '../../model'
import type { NotImported } from '../types'
import type { Notes, Obj, SetupExtras } from './common'
import {
  ImportFailure,
  buildImportedScenario,
  createNotes,
  dropUndefined,
  isObject,
  methodId,
  objectFrom,
  own,
  setOwn,
} from './common'
import type { FormatRead, MethodEntry } from './format-read'
import { placeholderIntegration, readGatewayResponses } from './openapi'
import { checkPatternLayer } from './patterns'
import type { ReadContext } from './read-context'
import { plainText, sourceOf } from './read-context'
import { SERVERLESS_FORM_TEMPLATE, SERVERLESS_JSON_TEMPLATE } from './serverless-templates'
import type { StyleMap } from './yaml-load'

/** Status codes and patterns the framework uses when `response.statusCodes` is absent. */
export const SERVERLESS_DEFAULT_STATUS_CODES: readonly [string, string][] = [
  ['200', ''],
  ['400', '[\\s\\S]*\\[400\\][\\s\\S]*'],
  ['401', '[\\s\\S]*\\[401\\][\\s\\S]*'],
  ['403', '[\\s\\S]*\\[403\\][\\s\\S]*'],
  ['404', '[\\s\\S]*\\[404\\][\\s\\S]*'],
  ['422', '[\\s\\S]*\\[422\\][\\s\\S]*'],
  ['500', '[\\s\\S]*(Process\\s?exited\\s?before\\s?completing\\s?request|\\[500\\])[\\s\\S]*'],
  ['502', '[\\s\\S]*\\[502\\][\\s\\S]*'],
  ['504', '([\\s\\S]*\\[504\\][\\s\\S]*)|(.*Task timed out after \\d+\\.\\d+ seconds$)'],
]

export function isServerless(doc: unknown): boolean {
  return isObject(doc) && own(doc, 'service') !== undefined && isObject(own(doc, 'functions'))
}

/** The framework's integration name → API Gateway's type. */
function integrationType(http: Obj): string {
  const given = own(http, 'integration')
  if (typeof given === 'string') {
    const normalized = given.toUpperCase().replace('-', '_')
    if (normalized === 'LAMBDA') return 'AWS'
    if (normalized === 'LAMBDA_PROXY') return 'AWS_PROXY'
    return normalized
  }
  return own(http, 'async') ? 'AWS' : 'AWS_PROXY'
}

const VARIABLE = /\$\{(?:self|opt|env|sls|file|cf|s3|ssm|aws|param|strToBool|[a-zA-Z]+):[^}]*\}/

export function readServerless(doc: Obj, styles: StyleMap | undefined): FormatRead {
  const fileNotes: NotImported[] = []
  const ctx: ReadContext = {
    layer: 'yaml',
    styles,
    text: (value, where, notes) => {
      const s = plainText(value)
      if (s !== undefined && VARIABLE.test(s))
        notes.notImported.push({
          what: s.match(VARIABLE)![0],
          where,
          reason: 'Serverless variables are resolved by the framework at deployment, not here',
        })
      return s
    },
  }
  const provider = own(doc, 'provider')
  const stageNotes = createNotes()
  const stage = ctx.text(own(provider, 'stage'), 'provider.stage', stageNotes)
  const extras: SetupExtras = { stageName: stage && !stage.includes('${') ? stage : 'dev' }
  fileNotes.push(...stageNotes.notImported)
  const binary = own(own(provider, 'apiGateway'), 'binaryMediaTypes')
  if (Array.isArray(binary))
    extras.binaryMediaTypes = binary.filter((t): t is string => typeof t === 'string')
  const raw = own(own(doc, 'resources'), 'Resources')
  if (isObject(raw)) {
    const gateway: Record<string, unknown> = {}
    for (const [id, r] of Object.entries(raw)) {
      if (own(r, 'Type') !== 'AWS::ApiGateway::GatewayResponse') continue
      const props = own(r, 'Properties')
      const type = plainText(own(props, 'ResponseType'))
      if (type === undefined) continue
      setOwn<unknown>(gateway, type, {
        statusCode: own(props, 'StatusCode'),
        responseParameters: own(props, 'ResponseParameters'),
        responseTemplates: own(props, 'ResponseTemplates'),
      })
      void id
    }
    const notes = createNotes()
    const read = readGatewayResponses(ctx, gateway, notes)
    if (read) extras.gatewayResponses = read
    fileNotes.push(...notes.notImported)
  }

  const methods: MethodEntry[] = []
  for (const [functionName, fn] of Object.entries(own(doc, 'functions') as Obj)) {
    const events = own(fn, 'events')
    if (!Array.isArray(events)) continue
    events.forEach((event, index) => {
      const where = `functions.${functionName}.events[${index}]`
      if (own(event, 'httpApi') !== undefined) {
        fileNotes.push({
          what: 'httpApi event',
          where,
          reason: 'HTTP APIs (API Gateway v2) are not modelled',
        })
        return
      }
      let http = own(event, 'http')
      if (typeof http === 'string') {
        const [verb, path] = http.split(' ')
        http = { method: verb, path }
      }
      if (!isObject(http)) return
      const verb = String(own(http, 'method') ?? '').toUpperCase()
      const httpMethod = verb === 'ANY' || verb === '*' ? 'ANY' : verb
      const trimmed = String(own(http, 'path') ?? '')
        .replace(/^\//, '')
        .replace(/\/$/, '')
      const resourcePath = `/${trimmed}`
      if (own(http, 'cors'))
        fileNotes.push({
          what: `OPTIONS ${resourcePath} (CORS)`,
          where,
          reason: 'CORS preflight (mock integration) is not modelled',
        })
      const httpObj = http
      methods.push({
        id: methodId(httpMethod, resourcePath),
        httpMethod,
        resourcePath,
        build: () => {
          const notes = createNotes()
          const method = readHttpEvent(
            ctx,
            httpObj,
            functionName,
            httpMethod,
            resourcePath,
            where,
            notes,
          )
          return buildImportedScenario(method, extras, notes)
        },
      })
    })
  }
  if (methods.length === 0)
    throw new ImportFailure(
      'The serverless.yml has no function with an `http` event (REST API); `httpApi` events are HTTP APIs, which the lab does not model.',
    )
  return { format: 'serverless', methods, notImported: fileNotes }
}

/** The `cors` headers the framework adds to every response of a custom integration. */
function corsHeaders(http: Obj): [string, string][] {
  const cors = own(http, 'cors')
  if (!cors) return []
  let origin = '*'
  if (isObject(cors)) {
    const origins = own(cors, 'origins')
    if (Array.isArray(origins) && origins.length > 0) origin = origins.join(',')
    else if (typeof own(cors, 'origin') === 'string') origin = own(cors, 'origin') as string
  }
  const out: [string, string][] = [['Access-Control-Allow-Origin', `'${origin}'`]]
  if (isObject(cors) && own(cors, 'allowCredentials'))
    out.push(['Access-Control-Allow-Credentials', 'true'])
  return out
}

function readHttpEvent(
  ctx: ReadContext,
  http: Obj,
  functionName: string,
  httpMethod: string,
  resourcePath: string,
  where: string,
  notes: Notes,
): Method {
  const type = integrationType(http)
  if (own(http, 'authorizer') !== undefined)
    notes.notImported.push({
      what: 'authorizer',
      where,
      reason: 'method authorization is not modelled',
    })
  for (const key of ['private', 'operationId']) {
    if (own(http, key) !== undefined)
      notes.notImported.push({ what: key, where, reason: 'not modelled' })
  }
  const request = isObject(own(http, 'request')) ? (own(http, 'request') as Obj) : {}
  for (const key of ['schemas', 'schema'])
    if (own(request, key) !== undefined)
      notes.notImported.push({
        what: `request.${key}`,
        where,
        reason: 'request models and validation are not modelled',
      })
  const parameters: [string, unknown][] = []
  const params = own(request, 'parameters')
  for (const location of ['querystrings', 'paths', 'headers']) {
    const group = own(params, location)
    if (!isObject(group)) continue
    for (const [key, value] of Object.entries(group))
      parameters.push([`method.request.${location.slice(0, -1)}.${key}`, value])
  }
  const requestParameters = objectFrom(
    parameters.map(([key, value]): [string, boolean] => [
      key,
      isObject(value) ? (own(value, 'required') ?? true) === true : value === true,
    ]),
  )
  const uri = `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${functionName}.Arn}/invocations`
  if (type !== 'AWS' && type !== 'AWS_PROXY')
    return {
      httpMethod,
      resourcePath,
      methodIntegration: placeholderIntegration(type, where, notes),
    }
  notes.notImported.push({
    what: `\${${functionName}.Arn}`,
    where,
    reason: 'the function ARN, region and partition are known only at deployment',
  })
  if (type === 'AWS_PROXY')
    return dropUndefined({
      httpMethod,
      resourcePath,
      requestParameters,
      methodIntegration: { type: 'AWS_PROXY', httpMethod: 'POST', uri },
    }) as Method

  // Request templates: the two defaults, then the event's own (`null` removes one).
  const templates: Record<string, string> = objectFrom([
    ['application/json', SERVERLESS_JSON_TEMPLATE],
    ['application/x-www-form-urlencoded', SERVERLESS_FORM_TEMPLATE],
  ])
  const own_template = own(request, 'template')
  if (isObject(own_template))
    for (const [contentType, template] of Object.entries(own_template)) {
      if (template === null) delete templates[contentType]
      else {
        const text = ctx.text(template, `${where}.request.template`, notes)
        if (text !== undefined) setOwn(templates, contentType, text)
      }
    }
  if (isObject(own(http, 'authorizer')) && Array.isArray(own(own(http, 'authorizer'), 'claims')))
    notes.notImported.push({
      what: 'authorizer claims in the request templates',
      where,
      reason: 'Cognito claims are not modelled; the templates are shown without them',
    })

  const integrationParameters: [string, string][] = parameters.map(([key, value]) => [
    `integration.${key.slice('method.'.length)}`,
    (isObject(value) && typeof own(value, 'mappedValue') === 'string'
      ? (own(value, 'mappedValue') as string)
      : undefined) || key,
  ])
  if (own(http, 'async'))
    integrationParameters.push(['integration.request.header.X-Amz-Invocation-Type', "'Event'"])

  // Responses.
  const response = isObject(own(http, 'response')) ? (own(http, 'response') as Obj) : undefined
  let statusCodes: [string, Obj][]
  const given = own(response, 'statusCodes')
  if (isObject(given)) {
    statusCodes = Object.entries(given).map(([code, config]) => [
      code,
      isObject(config) ? config : {},
    ])
    if (!statusCodes.some(([, config]) => own(config, 'pattern') === '')) {
      const at = statusCodes.findIndex(([code]) => code === '200')
      if (at >= 0) statusCodes[at] = ['200', { pattern: '' }]
      else statusCodes.push(['200', { pattern: '' }])
    }
  } else {
    statusCodes = SERVERLESS_DEFAULT_STATUS_CODES.map(([code, pattern]) => [code, { pattern }])
  }
  // JavaScript objects list integer-like keys in ascending order: the framework iterates so.
  statusCodes.sort((a, b) => (isIndex(a[0]) && isIndex(b[0]) ? Number(a[0]) - Number(b[0]) : 0))
  const sharedHeaders: [string, unknown][] = [...corsHeaders(http)]
  const responseHeaders = own(response, 'headers')
  if (isObject(responseHeaders)) mergeEntries(sharedHeaders, Object.entries(responseHeaders))
  const responseTemplate = own(response, 'template')
  const contentHandling = plainText(own(response, 'contentHandling'))
  const integrationResponses: Record<string, IntegrationResponse> = {}
  const methodResponses: Record<string, MethodResponse> = {}
  for (const [code, config] of statusCodes) {
    const headers = [...sharedHeaders]
    const codeHeaders = own(config, 'headers')
    if (isObject(codeHeaders)) mergeEntries(headers, Object.entries(codeHeaders))
    const templates: [string, string][] = []
    const add = (contentType: string, value: unknown) => {
      const text = ctx.text(value, `${where}.response`, notes)
      if (text === undefined) return
      const at = templates.findIndex(([t]) => t === contentType)
      if (at >= 0) templates[at] = [contentType, text]
      else templates.push([contentType, text])
    }
    if (responseTemplate !== undefined && responseTemplate !== null)
      add('application/json', responseTemplate)
    const codeTemplate = own(config, 'template')
    if (typeof codeTemplate === 'string') add('application/json', codeTemplate)
    else if (isObject(codeTemplate)) for (const [t, v] of Object.entries(codeTemplate)) add(t, v)
    const rawPattern = own(config, 'pattern')
    const pattern = plainText(rawPattern) || ''
    if (pattern !== '')
      notes.warnings.push(
        ...checkPatternLayer(
          pattern,
          sourceOf(ctx, config, 'pattern'),
          `setup.method.methodIntegration.integrationResponses.${code}.selectionPattern`,
        ),
      )
    const mapped: [string, string][] = headers.map(([name, value]) => [
      `method.response.header.${name}`,
      ctx.text(value, `${where}.response.headers`, notes) ?? String(value),
    ])
    setOwn(
      integrationResponses,
      code,
      dropUndefined({
        statusCode: code,
        selectionPattern: pattern,
        responseParameters: mapped.length > 0 ? objectFrom(mapped) : undefined,
        responseTemplates: templates.length > 0 ? objectFrom(templates) : undefined,
        contentHandling:
          code.startsWith('2') &&
          (contentHandling === 'CONVERT_TO_TEXT' || contentHandling === 'CONVERT_TO_BINARY')
            ? contentHandling
            : undefined,
      }) as IntegrationResponse,
    )
    setOwn(
      methodResponses,
      code,
      dropUndefined({
        statusCode: code,
        responseParameters:
          headers.length > 0
            ? objectFrom(
                headers.map(([name]): [string, boolean] => [
                  `method.response.header.${name}`,
                  true,
                ]),
              )
            : undefined,
      }) as MethodResponse,
    )
  }
  const passThrough = plainText(own(request, 'passThrough'))
  const requestContentHandling = plainText(own(request, 'contentHandling'))
  return dropUndefined({
    httpMethod,
    resourcePath,
    requestParameters,
    methodResponses,
    methodIntegration: dropUndefined({
      type: 'AWS',
      httpMethod: 'POST',
      uri,
      requestTemplates: Object.keys(templates).length > 0 ? templates : undefined,
      requestParameters:
        integrationParameters.length > 0 ? objectFrom(integrationParameters) : undefined,
      passthroughBehavior: (passThrough || 'NEVER') as 'NEVER',
      contentHandling:
        requestContentHandling === 'CONVERT_TO_TEXT' ||
        requestContentHandling === 'CONVERT_TO_BINARY'
          ? requestContentHandling
          : undefined,
      integrationResponses,
    }),
  }) as Method
}

function isIndex(key: string): boolean {
  return /^(0|[1-9]\d{0,8})$/.test(key)
}

/** Later entries replace earlier ones with the same name, in place (lodash merge of objects). */
function mergeEntries(into: [string, unknown][], entries: [string, unknown][]): void {
  for (const [k, v] of entries) {
    const at = into.findIndex(([name]) => name === k)
    if (at >= 0) into[at] = [k, v]
    else into.push([k, v])
  }
}

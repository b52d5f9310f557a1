/**
 * OpenAPI 3.x and Swagger 2.0 with API Gateway's extensions (what `aws apigateway get-export`
 * prints with `extensions='integrations'`): `x-amazon-apigateway-integration` with responses keyed
 * by selection pattern (or `default`), `x-amazon-apigateway-any-method`, gateway responses and
 * binary media types at the root.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */
import type {
  GatewayResponse,
  Integration,
  IntegrationResponse,
  Method,
  MethodResponse,
} from '../../model'
import type { FormatId, NotImported } from '../types'
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
import { checkPatternLayer } from './patterns'
import type { ReadContext } from './read-context'
import { readStringMap, sourceOf } from './read-context'
import { keyStyleKey } from './yaml-load'

const OPERATION_KEYS: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
}

const INTEGRATION = 'x-amazon-apigateway-integration'

/** True when the document is OpenAPI 3 or Swagger 2. */
export function isOpenApi(doc: unknown): boolean {
  return (
    isObject(doc) &&
    (typeof own(doc, 'openapi') === 'string' ||
      ['2.0', '2'].includes(String(own(doc, 'swagger')))) &&
    isObject(own(doc, 'paths'))
  )
}

/** Refuses HTTP API (v2) definitions: their integrations carry `payloadFormatVersion`. */
export function checkRestApi(doc: Obj): void {
  for (const item of Object.values(doc.paths as Obj)) {
    if (!isObject(item)) continue
    for (const op of Object.values(item)) {
      const integration = own(op, INTEGRATION)
      if (isObject(integration) && own(integration, 'payloadFormatVersion') !== undefined)
        throw new ImportFailure(
          `This is an HTTP API (API Gateway v2) definition (its integrations have payloadFormatVersion ${String(own(integration, 'payloadFormatVersion'))}); the lab models REST APIs only.`,
        )
    }
  }
}

/** Reads an OpenAPI/Swagger document (also a SAM `DefinitionBody` or a RestApi `Body`). */
export function readOpenApi(
  doc: Obj,
  ctx: ReadContext,
  format: FormatId,
  base: SetupExtras = {},
): FormatRead {
  checkRestApi(doc)
  const fileNotes: NotImported[] = []
  const swagger = own(doc, 'swagger') !== undefined
  const extras: SetupExtras = { ...base }
  const stage = readStageName(doc, swagger)
  if (stage !== undefined) extras.stageName = stage
  const binary = own(doc, 'x-amazon-apigateway-binary-media-types')
  if (Array.isArray(binary))
    extras.binaryMediaTypes = binary.filter((t): t is string => typeof t === 'string')
  const gatewayNotes = createNotes()
  const gateway = readGatewayResponses(
    ctx,
    own(doc, 'x-amazon-apigateway-gateway-responses'),
    gatewayNotes,
  )
  if (gateway) extras.gatewayResponses = gateway
  fileNotes.push(...gatewayNotes.notImported)
  for (const [key, reason] of [
    ['x-amazon-apigateway-request-validators', 'request validators are not modelled'],
    ['x-amazon-apigateway-policy', 'resource policies are not modelled'],
    ['x-amazon-apigateway-api-key-source', 'API keys are not modelled'],
    ['x-amazon-apigateway-minimum-compression-size', 'compression is not modelled'],
  ] as const) {
    if (own(doc, key) !== undefined) fileNotes.push({ what: key, where: '/', reason })
  }
  const schemes = swagger
    ? own(doc, 'securityDefinitions')
    : own(own(doc, 'components'), 'securitySchemes')
  if (isObject(schemes))
    for (const name of Object.keys(schemes))
      fileNotes.push({
        what: `authorizer ${name}`,
        where: swagger ? '/securityDefinitions' : '/components/securitySchemes',
        reason: 'authorizers are not modelled',
      })
  const models = swagger ? own(doc, 'definitions') : own(own(doc, 'components'), 'schemas')
  if (isObject(models) && Object.keys(models).length > 0)
    fileNotes.push({
      what: `models (${Object.keys(models).join(', ')})`,
      where: swagger ? '/definitions' : '/components/schemas',
      reason: 'models are kept by name only; their schemas are not modelled',
    })

  const methods: MethodEntry[] = []
  for (const [path, item] of Object.entries(doc.paths as Obj)) {
    if (!isObject(item)) continue
    for (const [key, op] of Object.entries(item)) {
      const httpMethod = OPERATION_KEYS[key.toLowerCase()]
      if (!httpMethod || !isObject(op)) continue
      const integration = own(op, INTEGRATION)
      if (
        httpMethod === 'OPTIONS' &&
        String(own(integration, 'type') ?? '').toLowerCase() === 'mock'
      ) {
        fileNotes.push({
          what: `OPTIONS ${path} (CORS)`,
          where: `/paths/${path}/options`,
          reason: 'CORS preflight (mock integration) is not modelled',
        })
        continue
      }
      methods.push({
        id: methodId(httpMethod, path),
        httpMethod,
        resourcePath: path,
        build: () => {
          const notes = createNotes()
          const method = readOperation(ctx, op, item, httpMethod, path, swagger, notes)
          return buildImportedScenario(method, extras, notes)
        },
      })
    }
  }
  return { format, methods, notImported: fileNotes }
}

function readStageName(doc: Obj, swagger: boolean): string | undefined {
  if (swagger) {
    const basePath = own(doc, 'basePath')
    return typeof basePath === 'string' && /^\/[-_A-Za-z0-9]+$/.test(basePath)
      ? basePath.slice(1)
      : undefined
  }
  const servers = own(doc, 'servers')
  const first = Array.isArray(servers) ? servers[0] : undefined
  const def = own(own(own(first, 'variables'), 'basePath'), 'default')
  return typeof def === 'string' && def.replace(/^\//, '') !== ''
    ? def.replace(/^\//, '')
    : undefined
}

/** One operation → the method in get-method's shape. */
function readOperation(
  ctx: ReadContext,
  op: Obj,
  item: Obj,
  httpMethod: string,
  path: string,
  swagger: boolean,
  notes: Notes,
): Method {
  const where = `${httpMethod} ${path}`
  const requestParameters = readParameters([own(item, 'parameters'), own(op, 'parameters')])
  if (
    own(op, 'security') !== undefined &&
    Array.isArray(own(op, 'security')) &&
    (own(op, 'security') as unknown[]).length > 0
  )
    notes.notImported.push({
      what: 'authorizer',
      where,
      reason: 'method authorization is not modelled',
    })
  if (own(op, 'x-amazon-apigateway-request-validator') !== undefined)
    notes.notImported.push({
      what: 'request validator',
      where,
      reason: 'request validation is not modelled',
    })
  if (own(op, 'requestBody') !== undefined)
    notes.notImported.push({
      what: 'request body model',
      where,
      reason: 'request models are not modelled',
    })
  const methodResponses = readMethodResponses(own(op, 'responses'), swagger)
  const integration = readIntegration(ctx, own(op, INTEGRATION), where, notes)
  return dropUndefined({
    httpMethod,
    resourcePath: path,
    requestParameters,
    methodResponses,
    methodIntegration: integration,
  }) as Method
}

function readParameters(lists: unknown[]): Record<string, boolean> | undefined {
  const entries: [string, boolean][] = []
  for (const list of lists) {
    if (!Array.isArray(list)) continue
    for (const p of list) {
      const location = { path: 'path', query: 'querystring', header: 'header' }[
        String(own(p, 'in'))
      ]
      const name = own(p, 'name')
      if (!location || typeof name !== 'string') continue
      entries.push([`method.request.${location}.${name}`, own(p, 'required') === true])
    }
  }
  return entries.length > 0 ? objectFrom(entries) : undefined
}

function readMethodResponses(
  value: unknown,
  swagger: boolean,
): Record<string, MethodResponse> | undefined {
  if (!isObject(value)) return undefined
  const out: Record<string, MethodResponse> = {}
  for (const [code, response] of Object.entries(value)) {
    if (!/^[1-5]\d\d$/.test(code)) continue
    const headers = own(response, 'headers')
    const responseParameters = isObject(headers)
      ? objectFrom(
          Object.entries(headers).map(([name, h]): [string, boolean] => [
            `method.response.header.${name}`,
            own(h, 'required') === true,
          ]),
        )
      : undefined
    const models: [string, string][] = []
    const refName = (schema: unknown) => {
      const ref = own(schema, '$ref')
      return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined
    }
    if (swagger) {
      const name = refName(own(response, 'schema'))
      if (name) models.push(['application/json', name])
    } else {
      const content = own(response, 'content')
      if (isObject(content))
        for (const [type, media] of Object.entries(content)) {
          const name = refName(own(media, 'schema'))
          if (name) models.push([type, name])
        }
    }
    setOwn(
      out,
      code,
      dropUndefined({
        statusCode: code,
        responseParameters:
          responseParameters && Object.keys(responseParameters).length > 0
            ? responseParameters
            : undefined,
        responseModels: models.length > 0 ? objectFrom(models) : undefined,
      }) as MethodResponse,
    )
  }
  return Object.keys(out).length > 0 ? out : undefined
}

const PASSTHROUGH = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const
const CONTENT_HANDLING = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] as const

/** `when_no_match` → `WHEN_NO_MATCH`; unknown values are noted. */
export function readEnum<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  what: string,
  where: string,
  notes: Notes,
): T | undefined {
  if (value === undefined) return undefined
  const upper = value.toUpperCase() as T
  if (allowed.includes(upper)) return upper
  notes.notImported.push({
    what: `${what} ${value}`,
    where,
    reason: `not one of ${allowed.join(', ')}`,
  })
  return undefined
}

/** A placeholder integration for what the lab cannot run (HTTP, MOCK, AWS service...). */
export function placeholderIntegration(type: string, where: string, notes: Notes): Integration {
  notes.notImported.push({
    what: `${type} integration`,
    where,
    reason:
      'the lab runs Lambda integrations only (AWS_PROXY and AWS); a Lambda proxy placeholder stands in',
  })
  return { type: 'AWS_PROXY', httpMethod: 'POST', uri: `not imported: ${type} integration` }
}

/** `x-amazon-apigateway-integration` → the method's integration. */
function readIntegration(
  ctx: ReadContext,
  value: unknown,
  where: string,
  notes: Notes,
): Integration {
  if (!isObject(value)) return placeholderIntegration('missing', where, notes)
  const type = (ctx.text(own(value, 'type'), `${where} type`, notes) ?? '').toUpperCase()
  if (type !== 'AWS' && type !== 'AWS_PROXY')
    return placeholderIntegration(type || 'untyped', where, notes)
  const uri = ctx.text(own(value, 'uri'), `${where} uri`, notes)
  if (uri !== undefined && !/:lambda:path\//.test(uri) && !uri.includes('${'))
    notes.notImported.push({
      what: `AWS service integration ${uri}`,
      where,
      reason: 'only Lambda functions are simulated; the URI is kept',
    })
  for (const key of [
    'credentials',
    'cacheKeyParameters',
    'cacheNamespace',
    'connectionType',
    'connectionId',
    'tlsConfig',
  ]) {
    if (own(value, key) !== undefined)
      notes.notImported.push({ what: key, where: `${where} integration`, reason: 'not modelled' })
  }
  const timeout = Number(own(value, 'timeoutInMillis'))
  const responses = readIntegrationResponses(ctx, own(value, 'responses'), where, notes, type)
  return dropUndefined({
    type,
    httpMethod: ctx.text(own(value, 'httpMethod'), `${where} httpMethod`, notes)?.toUpperCase(),
    uri,
    requestTemplates: readStringMap(
      ctx,
      own(value, 'requestTemplates'),
      `${where} requestTemplates`,
      notes,
    ),
    requestParameters: readStringMap(
      ctx,
      own(value, 'requestParameters'),
      `${where} requestParameters`,
      notes,
    ),
    passthroughBehavior: readEnum(
      ctx.text(own(value, 'passthroughBehavior'), where, notes),
      PASSTHROUGH,
      'passthroughBehavior',
      where,
      notes,
    ),
    contentHandling: readEnum(
      ctx.text(own(value, 'contentHandling'), where, notes),
      CONTENT_HANDLING,
      'contentHandling',
      where,
      notes,
    ),
    timeoutInMillis:
      Number.isFinite(timeout) && own(value, 'timeoutInMillis') !== undefined ? timeout : undefined,
    integrationResponses: responses,
  }) as Integration
}

function readIntegrationResponses(
  ctx: ReadContext,
  value: unknown,
  where: string,
  notes: Notes,
  type: string,
): Record<string, IntegrationResponse> | undefined {
  if (!isObject(value)) return undefined
  const out: Record<string, IntegrationResponse> = {}
  for (const [pattern, response] of Object.entries(value)) {
    if (!isObject(response)) continue
    const statusCode = ctx.text(own(response, 'statusCode'), `${where} responses`, notes)
    if (statusCode === undefined) {
      notes.notImported.push({
        what: `integration response "${pattern}"`,
        where,
        reason: 'it has no statusCode',
      })
      continue
    }
    if (Object.prototype.hasOwnProperty.call(out, statusCode)) {
      notes.notImported.push({
        what: `integration response "${pattern}" → ${statusCode}`,
        where,
        reason: `status ${statusCode} already has an integration response (API Gateway keeps one per status code)`,
      })
      continue
    }
    const field = `setup.method.methodIntegration.integrationResponses.${statusCode}`
    const isDefault = pattern === 'default'
    if (!isDefault && type === 'AWS')
      notes.warnings.push(
        ...checkPatternLayer(
          pattern,
          sourceOf(ctx, value, keyStyleKey(pattern)),
          `${field}.selectionPattern`,
        ),
      )
    setOwn(
      out,
      statusCode,
      dropUndefined({
        statusCode,
        selectionPattern: isDefault ? undefined : pattern,
        responseParameters: readStringMap(
          ctx,
          own(response, 'responseParameters'),
          `${where} ${statusCode}`,
          notes,
        ),
        responseTemplates: readStringMap(
          ctx,
          own(response, 'responseTemplates'),
          `${where} ${statusCode}`,
          notes,
        ),
        contentHandling: readEnum(
          ctx.text(own(response, 'contentHandling'), where, notes),
          CONTENT_HANDLING,
          'contentHandling',
          where,
          notes,
        ),
      }) as IntegrationResponse,
    )
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** `x-amazon-apigateway-gateway-responses` (also CloudFormation/Terraform after renaming). */
export function readGatewayResponses(
  ctx: ReadContext,
  value: unknown,
  notes: Notes,
): Record<string, GatewayResponse> | undefined {
  if (!isObject(value)) return undefined
  const out: Record<string, GatewayResponse> = {}
  for (const [type, response] of Object.entries(value)) {
    if (!isObject(response)) continue
    setOwn(
      out,
      type,
      dropUndefined({
        statusCode: ctx.text(own(response, 'statusCode'), `gateway response ${type}`, notes),
        responseParameters: readStringMap(
          ctx,
          own(response, 'responseParameters'),
          `gateway response ${type}`,
          notes,
        ),
        responseTemplates: readStringMap(
          ctx,
          own(response, 'responseTemplates'),
          `gateway response ${type}`,
          notes,
        ),
      }) as GatewayResponse,
    )
  }
  return Object.keys(out).length > 0 ? out : undefined
}

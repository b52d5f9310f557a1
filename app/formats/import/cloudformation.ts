/**
 * CloudFormation and SAM templates (YAML with short tags or JSON, `cdk synth` output included):
 * `AWS::ApiGateway::Method` joined to its path through `AWS::ApiGateway::Resource` `ParentId` /
 * `PathPart` chains in any declaration order (the root is `Fn::GetAtt <Api>.RootResourceId`),
 * gateway responses, `BinaryMediaTypes`, stages; SAM `AWS::Serverless::Api` `DefinitionBody` and
 * function `Events` of type `Api` (Lambda proxy).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-method.html
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
import type { Intrinsics } from './intrinsics'
import { intrinsicName, readParameterDefaults, resolveText } from './intrinsics'
import { checkRestApi, isOpenApi, placeholderIntegration, readEnum, readOpenApi } from './openapi'
import { checkPatternLayer } from './patterns'
import type { ReadContext } from './read-context'
import { readFlagMap, readStringMap, sourceOf } from './read-context'
import type { StyleMap } from './yaml-load'

type Resource = { id: string; type: string; props: Obj }

export function isCloudFormation(doc: unknown): boolean {
  return isObject(doc) && isObject(own(doc, 'Resources'))
}

export function isSam(doc: Obj): boolean {
  const transform = own(doc, 'Transform')
  const list = Array.isArray(transform) ? transform : [transform]
  return (
    list.some((t) => typeof t === 'string' && t.startsWith('AWS::Serverless')) ||
    Object.values(own(doc, 'Resources') as Obj).some((r) =>
      String(own(r, 'Type') ?? '').startsWith('AWS::Serverless::'),
    )
  )
}

/** The logical id a `Ref` / `Fn::GetAtt` points at, with the attribute. */
function target(value: unknown): { id: string; attribute?: string } | undefined {
  const fn = intrinsicName(value)
  if (fn === 'Ref') return { id: String((value as Obj).Ref) }
  if (fn === 'Fn::GetAtt') {
    const arg = (value as Obj)['Fn::GetAtt']
    const parts = Array.isArray(arg) ? arg.map(String) : String(arg).split('.')
    return { id: parts[0] ?? '', attribute: parts.slice(1).join('.') }
  }
  return undefined
}

const CONTENT_HANDLING = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] as const
const PASSTHROUGH = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const

export function readCloudFormation(
  doc: Obj,
  layer: 'cloudformation' | 'json',
  styles: StyleMap | undefined,
  format: FormatId,
): FormatRead {
  const env: Intrinsics = { parameters: readParameterDefaults(doc) }
  const ctx: ReadContext = {
    layer,
    styles,
    text: (value, where, notes) => resolveText(value, env, where, notes),
  }
  const resources: Resource[] = Object.entries(own(doc, 'Resources') as Obj).map(([id, r]) => ({
    id,
    type: String(own(r, 'Type') ?? ''),
    props: isObject(own(r, 'Properties')) ? (own(r, 'Properties') as Obj) : {},
  }))
  const byId = new Map(resources.map((r) => [r.id, r]))
  const fileNotes: NotImported[] = []
  const methods: MethodEntry[] = []
  let sawV2 = false

  const apiOf = (value: unknown) => target(value)?.id
  const extrasFor = (apiId: string | undefined): SetupExtras => {
    const extras: SetupExtras = {}
    const api = apiId ? byId.get(apiId) : undefined
    const binary = own(api?.props, 'BinaryMediaTypes')
    if (Array.isArray(binary)) {
      const notes = createNotes()
      extras.binaryMediaTypes = binary
        .map((t) => ctx.text(t, `${apiId} BinaryMediaTypes`, notes))
        .filter((t): t is string => t !== undefined)
    }
    const gateway: Record<string, GatewayResponse> = {}
    for (const r of resources) {
      if (r.type === 'AWS::ApiGateway::Stage' && apiOf(r.props.RestApiId) === apiId) {
        const notes = createNotes()
        const name = ctx.text(r.props.StageName, r.id, notes)
        if (name !== undefined) extras.stageName = name
        const vars = readStringMap(ctx, r.props.Variables, r.id, notes)
        if (vars) extras.stageVariables = vars
      }
      if (
        r.type === 'AWS::ApiGateway::Deployment' &&
        extras.stageName === undefined &&
        apiOf(r.props.RestApiId) === apiId
      ) {
        const name = ctx.text(r.props.StageName, r.id, createNotes())
        if (name !== undefined) extras.stageName = name
      }
      if (r.type === 'AWS::ApiGateway::GatewayResponse' && apiOf(r.props.RestApiId) === apiId) {
        const notes = createNotes()
        const type = ctx.text(r.props.ResponseType, r.id, notes)
        if (type === undefined) continue
        setOwn(
          gateway,
          type,
          dropUndefined({
            statusCode: ctx.text(r.props.StatusCode, r.id, notes),
            responseParameters: readStringMap(ctx, r.props.ResponseParameters, r.id, notes),
            responseTemplates: readStringMap(ctx, r.props.ResponseTemplates, r.id, notes),
          }) as GatewayResponse,
        )
      }
    }
    if (Object.keys(gateway).length > 0) extras.gatewayResponses = gateway
    return extras
  }

  const paths = new Map<string, string>()
  const pathOf = (value: unknown, seen: Set<string>, where: string): string => {
    const t = target(value)
    if (!t) {
      const notes = createNotes()
      const text = ctx.text(value, where, notes)
      fileNotes.push(...notes.notImported)
      return `/{${text ?? 'unknown resource'}}`
    }
    const res = byId.get(t.id)
    if (!res)
      throw new ImportFailure(
        `${where} refers to ${t.id}, which is not declared in the template (is the file complete?).`,
      )
    if (t.attribute === 'RootResourceId' || res.type === 'AWS::ApiGateway::RestApi') return '/'
    if (res.type !== 'AWS::ApiGateway::Resource')
      throw new ImportFailure(
        `${where} refers to ${t.id}, which is a ${res.type}, not an AWS::ApiGateway::Resource.`,
      )
    const known = paths.get(res.id)
    if (known !== undefined) return known
    if (seen.has(res.id))
      throw new ImportFailure(
        `The resources ${[...seen].join(' → ')} form a cycle through ParentId.`,
      )
    seen.add(res.id)
    const parent = pathOf(res.props.ParentId, seen, `${res.id} ParentId`)
    const part = ctx.text(res.props.PathPart, res.id, createNotes()) ?? '{?}'
    const path = parent === '/' ? `/${part}` : `${parent}/${part}`
    paths.set(res.id, path)
    return path
  }

  const used = new Set<string>()
  const addMethod = (entry: MethodEntry, apiId: string | undefined) => {
    let id = entry.id
    if (used.has(id)) id = `${id} (${apiId ?? 'other API'})`
    used.add(id)
    methods.push({ ...entry, id })
  }
  const samApiPaths = new Map<string, Set<string>>()

  for (const r of resources) {
    if (r.type.startsWith('AWS::ApiGatewayV2::') || r.type === 'AWS::Serverless::HttpApi') {
      sawV2 = true
      fileNotes.push({
        what: r.type,
        where: r.id,
        reason: 'HTTP and WebSocket APIs (API Gateway v2) are not modelled',
      })
      continue
    }
    switch (r.type) {
      case 'AWS::ApiGateway::Method': {
        const httpMethod = (ctx.text(r.props.HttpMethod, r.id, createNotes()) ?? '').toUpperCase()
        const path = pathOf(r.props.ResourceId, new Set(), `${r.id} ResourceId`)
        const integrationType = String(own(r.props.Integration, 'Type') ?? '').toUpperCase()
        if (httpMethod === 'OPTIONS' && integrationType === 'MOCK') {
          fileNotes.push({
            what: `OPTIONS ${path} (CORS)`,
            where: r.id,
            reason: 'CORS preflight (mock integration) is not modelled',
          })
          break
        }
        const apiId = apiOf(r.props.RestApiId)
        addMethod(
          {
            id: methodId(httpMethod, path),
            httpMethod,
            resourcePath: path,
            build: () => {
              const notes = createNotes()
              const method = readMethodResource(ctx, r, httpMethod, path, notes)
              return buildImportedScenario(method, extrasFor(apiId), notes)
            },
          },
          apiId,
        )
        break
      }
      case 'AWS::ApiGateway::RestApi': {
        const body = own(r.props, 'Body')
        if (isObject(body) && isOpenApi(body)) {
          const read = readOpenApi(body, ctx, format, extrasFor(r.id))
          fileNotes.push(...read.notImported)
          for (const m of read.methods) addMethod(m, r.id)
        }
        if (own(r.props, 'BodyS3Location') !== undefined)
          fileNotes.push({
            what: 'BodyS3Location',
            where: r.id,
            reason: 'the definition is in S3, not in this file',
          })
        break
      }
      case 'AWS::Serverless::Api': {
        const body = own(r.props, 'DefinitionBody')
        const notes = createNotes()
        const extras: SetupExtras = dropUndefined({
          stageName: ctx.text(r.props.StageName, r.id, notes),
          stageVariables: readStringMap(ctx, r.props.Variables, r.id, notes),
          binaryMediaTypes: Array.isArray(r.props.BinaryMediaTypes)
            ? r.props.BinaryMediaTypes.map((t) => ctx.text(t, r.id, notes)).filter(
                (t): t is string => t !== undefined,
              )
            : undefined,
          gatewayResponses: readSamGatewayResponses(ctx, r.props.GatewayResponses, notes),
        })
        for (const key of ['Auth', 'Cors', 'Models', 'DefinitionUri', 'Domain']) {
          if (own(r.props, key) !== undefined)
            fileNotes.push({
              what: key,
              where: r.id,
              reason:
                key === 'DefinitionUri'
                  ? 'the definition is not in this file'
                  : `SAM ${key} is not modelled`,
            })
        }
        fileNotes.push(...notes.notImported)
        if (isObject(body) && isOpenApi(body)) {
          checkRestApi(body)
          const read = readOpenApi(body, ctx, format, extras)
          fileNotes.push(...read.notImported)
          samApiPaths.set(r.id, new Set(read.methods.map((m) => m.id)))
          for (const m of read.methods) addMethod(m, r.id)
        }
        break
      }
      case 'AWS::ApiGateway::Authorizer':
      case 'AWS::ApiGateway::Model':
      case 'AWS::ApiGateway::RequestValidator':
      case 'AWS::ApiGateway::UsagePlan':
      case 'AWS::ApiGateway::ApiKey':
      case 'AWS::ApiGateway::DomainName':
      case 'AWS::ApiGateway::BasePathMapping':
        fileNotes.push({ what: r.type, where: r.id, reason: 'not modelled' })
        break
      default:
        break
    }
  }
  // SAM functions' `Api` events: Lambda proxy methods on the referenced (or implicit) API.
  for (const r of resources) {
    if (r.type !== 'AWS::Serverless::Function') continue
    const events = own(r.props, 'Events')
    if (!isObject(events)) continue
    for (const [name, event] of Object.entries(events)) {
      const type = own(event, 'Type')
      const props = own(event, 'Properties')
      if (type === 'HttpApi') {
        sawV2 = true
        fileNotes.push({
          what: `${r.id} event ${name} (HttpApi)`,
          where: r.id,
          reason: 'HTTP APIs (API Gateway v2) are not modelled',
        })
        continue
      }
      if (type !== 'Api' || !isObject(props)) continue
      const notes = createNotes()
      const path = ctx.text(props.Path, `${r.id} ${name}`, notes) ?? '/'
      const verb = (ctx.text(props.Method, `${r.id} ${name}`, notes) ?? 'ANY').toUpperCase()
      const httpMethod = verb === 'ANY' || verb === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'ANY' : verb
      const apiId = apiOf(props.RestApiId)
      const id = methodId(httpMethod, path)
      if (apiId && samApiPaths.get(apiId)?.has(id)) continue
      const api = apiId ? byId.get(apiId) : undefined
      addMethod(
        {
          id,
          httpMethod,
          resourcePath: path,
          build: () => {
            const methodNotes = createNotes()
            methodNotes.notImported.push(...notes.notImported)
            const stageName = api ? ctx.text(api.props.StageName, api.id, methodNotes) : 'Prod'
            const uri = `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${r.id}.Arn}/invocations`
            methodNotes.notImported.push({
              what: `\${${r.id}.Arn}`,
              where: `${r.id} ${name}`,
              reason: 'the function ARN, region and partition are known only at deployment',
            })
            if (own(props, 'Auth') !== undefined)
              methodNotes.notImported.push({
                what: 'Auth',
                where: `${r.id} ${name}`,
                reason: 'authorizers are not modelled',
              })
            const method: Method = {
              httpMethod,
              resourcePath: path,
              methodIntegration: { type: 'AWS_PROXY', httpMethod: 'POST', uri },
            }
            return buildImportedScenario(method, dropUndefined({ stageName }), methodNotes)
          },
        },
        apiId,
      )
    }
  }
  if (methods.length === 0)
    throw new ImportFailure(
      sawV2
        ? 'The template defines only HTTP or WebSocket APIs (API Gateway v2); the lab models REST API methods.'
        : 'The template has no REST API method (AWS::ApiGateway::Method, a RestApi Body, an AWS::Serverless::Api DefinitionBody or a function event of type Api).',
    )
  return { format, methods, notImported: fileNotes }
}

/** SAM's `GatewayResponses`: `ResponseParameters: { Headers: { Name: "'v'" } }` etc. */
function readSamGatewayResponses(
  ctx: ReadContext,
  value: unknown,
  notes: Notes,
): Record<string, GatewayResponse> | undefined {
  if (!isObject(value)) return undefined
  const out: Record<string, GatewayResponse> = {}
  for (const [type, response] of Object.entries(value)) {
    const params: [string, string][] = []
    const groups: Record<string, string> = {
      Headers: 'header',
      Paths: 'path',
      QueryStrings: 'querystring',
    }
    for (const [group, location] of Object.entries(groups)) {
      const map = readStringMap(
        ctx,
        own(own(response, 'ResponseParameters'), group),
        `${type} ${group}`,
        notes,
      )
      for (const [name, v] of Object.entries(map ?? {}))
        params.push([`gatewayresponse.${location}.${name}`, v])
    }
    setOwn(
      out,
      type,
      dropUndefined({
        statusCode: ctx.text(own(response, 'StatusCode'), type, notes),
        responseParameters: params.length > 0 ? objectFrom(params) : undefined,
        responseTemplates: readStringMap(ctx, own(response, 'ResponseTemplates'), type, notes),
      }) as GatewayResponse,
    )
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** One `AWS::ApiGateway::Method` → the method in get-method's shape. */
function readMethodResource(
  ctx: ReadContext,
  r: Resource,
  httpMethod: string,
  path: string,
  notes: Notes,
): Method {
  const where = `${r.id} (${httpMethod} ${path})`
  const p = r.props
  const auth = ctx.text(p.AuthorizationType, where, notes)
  if (auth !== undefined && auth.toUpperCase() !== 'NONE')
    notes.notImported.push({
      what: `authorization ${auth}`,
      where,
      reason: 'method authorization is not modelled',
    })
  if (p.RequestValidatorId !== undefined)
    notes.notImported.push({
      what: 'RequestValidatorId',
      where,
      reason: 'request validation is not modelled',
    })
  if (p.RequestModels !== undefined)
    notes.notImported.push({
      what: 'RequestModels',
      where,
      reason: 'request models are not modelled',
    })
  const methodResponses: Record<string, MethodResponse> = {}
  if (Array.isArray(p.MethodResponses))
    for (const m of p.MethodResponses) {
      const code = ctx.text(own(m, 'StatusCode'), where, notes)
      if (code === undefined) continue
      setOwn(
        methodResponses,
        code,
        dropUndefined({
          statusCode: code,
          responseParameters: readFlagMap(own(m, 'ResponseParameters')),
          responseModels: readStringMap(ctx, own(m, 'ResponseModels'), where, notes),
        }) as MethodResponse,
      )
    }
  return dropUndefined({
    httpMethod,
    resourcePath: path,
    requestParameters: readFlagMap(p.RequestParameters),
    methodResponses,
    methodIntegration: readCfnIntegration(ctx, p.Integration, where, notes),
  }) as Method
}

function readCfnIntegration(
  ctx: ReadContext,
  value: unknown,
  where: string,
  notes: Notes,
): Integration {
  if (!isObject(value)) return placeholderIntegration('missing', where, notes)
  const type = (ctx.text(value.Type, where, notes) ?? '').toUpperCase()
  if (type !== 'AWS' && type !== 'AWS_PROXY')
    return placeholderIntegration(type || 'untyped', where, notes)
  for (const key of [
    'Credentials',
    'CacheKeyParameters',
    'CacheNamespace',
    'ConnectionType',
    'ConnectionId',
  ]) {
    if (own(value, key) !== undefined)
      notes.notImported.push({ what: key, where, reason: 'not modelled' })
  }
  const responses: Record<string, IntegrationResponse> = {}
  const list = own(value, 'IntegrationResponses')
  if (Array.isArray(list))
    for (const response of list) {
      const statusCode = ctx.text(own(response, 'StatusCode'), where, notes)
      if (statusCode === undefined) continue
      if (Object.prototype.hasOwnProperty.call(responses, statusCode)) {
        notes.notImported.push({
          what: `second integration response for ${statusCode}`,
          where,
          reason: 'API Gateway keeps one integration response per status code',
        })
        continue
      }
      const field = `setup.method.methodIntegration.integrationResponses.${statusCode}`
      const pattern = ctx.text(own(response, 'SelectionPattern'), where, notes)
      if (pattern && type === 'AWS')
        notes.warnings.push(
          ...checkPatternLayer(
            pattern,
            sourceOf(ctx, response, 'SelectionPattern'),
            `${field}.selectionPattern`,
          ),
        )
      setOwn(
        responses,
        statusCode,
        dropUndefined({
          statusCode,
          selectionPattern: pattern,
          responseParameters: readStringMap(ctx, own(response, 'ResponseParameters'), where, notes),
          responseTemplates: readStringMap(ctx, own(response, 'ResponseTemplates'), where, notes),
          contentHandling: readEnum(
            ctx.text(own(response, 'ContentHandling'), where, notes),
            CONTENT_HANDLING,
            'ContentHandling',
            where,
            notes,
          ),
        }) as IntegrationResponse,
      )
    }
  const timeout = Number(own(value, 'TimeoutInMillis'))
  return dropUndefined({
    type,
    httpMethod: ctx.text(own(value, 'IntegrationHttpMethod'), where, notes)?.toUpperCase(),
    uri: ctx.text(own(value, 'Uri'), where, notes),
    requestTemplates: readStringMap(ctx, own(value, 'RequestTemplates'), where, notes),
    requestParameters: readStringMap(ctx, own(value, 'RequestParameters'), where, notes),
    passthroughBehavior: readEnum(
      ctx.text(own(value, 'PassthroughBehavior'), where, notes),
      PASSTHROUGH,
      'PassthroughBehavior',
      where,
      notes,
    ),
    contentHandling: readEnum(
      ctx.text(own(value, 'ContentHandling'), where, notes),
      CONTENT_HANDLING,
      'ContentHandling',
      where,
      notes,
    ),
    timeoutInMillis:
      own(value, 'TimeoutInMillis') !== undefined && Number.isFinite(timeout) ? timeout : undefined,
    integrationResponses: responses,
  }) as Integration
}

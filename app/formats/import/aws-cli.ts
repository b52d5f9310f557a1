/**
 * `aws apigateway get-method` output (the method with its `methodIntegration`) and
 * `aws apigateway get-integration` output (the integration alone). Neither names the resource
 * path, so the method list leaves `resourcePath` undefined and the scenario places the method at
 * `/`; get-integration has no method verb either, so the method is `ANY` (any request reaches it).
 * https://docs.aws.amazon.com/cli/latest/reference/apigateway/get-method.html
 */
import type { Integration, IntegrationResponse, Method } from '../../model'
import type { Notes, Obj } from './common'
import { buildImportedScenario, createNotes, dropUndefined, isObject, own, setOwn } from './common'
import type { FormatRead } from './format-read'
import { placeholderIntegration, readEnum } from './openapi'
import { checkPatternLayer } from './patterns'
import type { ReadContext } from './read-context'
import { plainContext, readFlagMap, readStringMap } from './read-context'

export function isGetMethod(doc: unknown): boolean {
  return (
    isObject(doc) &&
    typeof own(doc, 'httpMethod') === 'string' &&
    isObject(own(doc, 'methodIntegration'))
  )
}

export function isGetIntegration(doc: unknown): boolean {
  return (
    isObject(doc) &&
    typeof own(doc, 'type') === 'string' &&
    (own(doc, 'uri') !== undefined || own(doc, 'integrationResponses') !== undefined)
  )
}

export function readAwsCli(doc: Obj): FormatRead {
  const ctx = plainContext('json')
  const whole = isGetMethod(doc)
  const httpMethod = whole ? String(own(doc, 'httpMethod')).toUpperCase() : 'ANY'
  return {
    format: 'aws-cli',
    methods: [
      {
        id: httpMethod,
        httpMethod,
        resourcePath: undefined,
        build: () => {
          const notes = createNotes()
          notes.notImported.push({
            what: 'resource path',
            where: '/',
            reason:
              'get-method and get-integration output do not name the resource; the method is placed at /',
          })
          if (!whole)
            notes.notImported.push({
              what: 'method verb',
              where: '/',
              reason: 'get-integration output has no method verb; ANY stands in',
            })
          const auth = own(doc, 'authorizationType')
          if (typeof auth === 'string' && auth !== 'NONE')
            notes.notImported.push({
              what: `authorization ${auth}`,
              where: httpMethod,
              reason: 'method authorization is not modelled',
            })
          const integration = readIntegration(
            ctx,
            whole ? own(doc, 'methodIntegration') : doc,
            httpMethod,
            notes,
          )
          const methodResponses = own(doc, 'methodResponses')
          const method = dropUndefined({
            httpMethod,
            resourcePath: '/',
            requestParameters: readFlagMap(own(doc, 'requestParameters')),
            methodResponses: isObject(methodResponses)
              ? structuredCopy(methodResponses)
              : undefined,
            methodIntegration: integration,
          }) as Method
          return buildImportedScenario(method, {}, notes)
        },
      },
    ],
    notImported: [],
  }
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function readIntegration(
  ctx: ReadContext,
  value: unknown,
  where: string,
  notes: Notes,
): Integration {
  if (!isObject(value)) return placeholderIntegration('missing', where, notes)
  const type = String(own(value, 'type') ?? '').toUpperCase()
  if (type !== 'AWS' && type !== 'AWS_PROXY')
    return placeholderIntegration(type || 'untyped', where, notes)
  const responses: Record<string, IntegrationResponse> = {}
  const list = own(value, 'integrationResponses')
  if (isObject(list))
    for (const [key, r] of Object.entries(list)) {
      const statusCode = ctx.text(own(r, 'statusCode'), where, notes) ?? key
      const pattern = ctx.text(own(r, 'selectionPattern'), where, notes)
      if (pattern && type === 'AWS')
        notes.warnings.push(
          ...checkPatternLayer(
            pattern,
            { layer: 'json' },
            `setup.method.methodIntegration.integrationResponses.${statusCode}.selectionPattern`,
          ),
        )
      setOwn(
        responses,
        statusCode,
        dropUndefined({
          statusCode,
          selectionPattern: pattern,
          responseParameters: readStringMap(ctx, own(r, 'responseParameters'), where, notes),
          responseTemplates: readStringMap(ctx, own(r, 'responseTemplates'), where, notes),
          contentHandling: readEnum(
            ctx.text(own(r, 'contentHandling'), where, notes),
            ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] as const,
            'contentHandling',
            where,
            notes,
          ),
        }) as IntegrationResponse,
      )
    }
  const timeout = Number(own(value, 'timeoutInMillis'))
  return dropUndefined({
    type,
    httpMethod: ctx.text(own(value, 'httpMethod'), where, notes),
    uri: ctx.text(own(value, 'uri'), where, notes),
    requestTemplates: readStringMap(ctx, own(value, 'requestTemplates'), where, notes),
    requestParameters: readStringMap(ctx, own(value, 'requestParameters'), where, notes),
    passthroughBehavior: readEnum(
      ctx.text(own(value, 'passthroughBehavior'), where, notes),
      ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const,
      'passthroughBehavior',
      where,
      notes,
    ),
    contentHandling: readEnum(
      ctx.text(own(value, 'contentHandling'), where, notes),
      ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] as const,
      'contentHandling',
      where,
      notes,
    ),
    timeoutInMillis:
      own(value, 'timeoutInMillis') !== undefined && Number.isFinite(timeout) ? timeout : undefined,
    integrationResponses: responses,
  }) as Integration
}

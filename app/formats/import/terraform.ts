/**
 * Terraform (HCL, or its JSON syntax) with the AWS provider's API Gateway resources:
 * `aws_api_gateway_rest_api`, `_resource`, `_method`, `_integration`, `_integration_response`,
 * `_method_response`, `_gateway_response`, `_stage`, joined through their references. Strings are
 * Terraform's after its own unescaping (`\\`, `\"`, `\n`, `\uNNNN`; heredocs keep backslashes);
 * the parser leaves `$${` and `%%{`, which read as `${` and `%{` here, and an interpolation of a
 * variable with a default or a local is resolved; anything else stays a visible `${...}`.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_integration_response
 */
import type {
  GatewayResponse,
  Integration,
  IntegrationResponse,
  Method,
  MethodResponse,
} from '../../model'
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
import { placeholderIntegration, readEnum } from './openapi'
import { checkPatternLayer } from './patterns'
import type { ReadContext } from './read-context'
import { readStringMap } from './read-context'

type Block = { type: string; name: string; attrs: Obj }

/** Text that looks like HCL: a top-level `resource "..." "..." {` or similar block. */
export function looksLikeHcl(text: string): boolean {
  return /^\s*(resource|variable|provider|terraform|locals|data|module|output)\b[^\n=]*\{/m.test(
    text,
  )
}

export function isTerraformJson(doc: unknown): boolean {
  const resource = own(doc, 'resource')
  return isObject(resource) && Object.keys(resource).some((k) => k.startsWith('aws_api_gateway_'))
}

const REFERENCE = /^\$\{\s*([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\s*\}$/

export function readTerraform(doc: Obj, source: string | undefined): FormatRead {
  const blocks: Block[] = []
  const resource = own(doc, 'resource')
  if (isObject(resource))
    for (const [type, byName] of Object.entries(resource)) {
      if (!isObject(byName)) continue
      for (const [name, bodies] of Object.entries(byName)) {
        const body = Array.isArray(bodies) ? bodies[0] : bodies
        if (isObject(body)) blocks.push({ type, name, attrs: body })
      }
    }
  // The parser lists names sorted; the source gives the file's order.
  if (source !== undefined) {
    const position = (b: Block) => {
      const at = source.search(
        new RegExp(`resource\\s+"${b.type}"\\s+"${b.name.replace(/[^A-Za-z0-9_-]/g, '')}"`),
      )
      return at < 0 ? Number.MAX_SAFE_INTEGER : at
    }
    const order = new Map(blocks.map((b) => [b, position(b)]))
    blocks.sort((a, b) => order.get(a)! - order.get(b)!)
  }
  const variables = new Map<string, unknown>()
  const variable = own(doc, 'variable')
  if (isObject(variable))
    for (const [name, bodies] of Object.entries(variable)) {
      const body = Array.isArray(bodies) ? bodies[0] : bodies
      if (own(body, 'default') !== undefined) variables.set(name, own(body, 'default'))
    }
  const locals = new Map<string, unknown>()
  const localsList = own(doc, 'locals')
  for (const l of Array.isArray(localsList) ? localsList : [localsList])
    if (isObject(l)) for (const [k, v] of Object.entries(l)) locals.set(k, v)
  const byKey = new Map(blocks.map((b) => [`${b.type}.${b.name}`, b]))
  const fileNotes: NotImported[] = []

  /** A string as Terraform reads it, `${...}` resolved where the file allows. */
  const text = (value: unknown, where: string, notes: Notes): string | undefined => {
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    if (typeof value !== 'string') return undefined
    return readTemplate(value, where, notes, 0)
  }
  const readTemplate = (value: string, where: string, notes: Notes, depth: number): string => {
    let out = ''
    for (let i = 0; i < value.length;) {
      if (value.startsWith('$${', i)) {
        out += '${'
        i += 3
      } else if (value.startsWith('%%{', i)) {
        out += '%{'
        i += 3
      } else if (value.startsWith('${', i) || value.startsWith('%{', i)) {
        const end = findClose(value, i + 2)
        const expr = value.slice(i + 2, end).trim()
        const whole = value.slice(i, end + 1)
        const resolved =
          value[i] === '$' && depth < 10 ? resolveExpression(expr, where, notes, depth) : undefined
        if (resolved !== undefined) out += resolved
        else {
          out += whole
          notes.notImported.push({
            what: whole,
            where,
            reason:
              value[i] === '%'
                ? 'template directives are not evaluated by the lab'
                : 'known only when Terraform runs; kept as a placeholder',
          })
        }
        i = end + 1
      } else {
        out += value[i]
        i++
      }
    }
    return out
  }
  const resolveExpression = (
    expr: string,
    where: string,
    notes: Notes,
    depth: number,
  ): string | undefined => {
    let m = /^var\.([A-Za-z0-9_-]+)$/.exec(expr)
    if (m) {
      const v = variables.get(m[1]!)
      return typeof v === 'string'
        ? readTemplate(v, where, notes, depth + 1)
        : typeof v === 'number'
          ? String(v)
          : undefined
    }
    m = /^local\.([A-Za-z0-9_-]+)$/.exec(expr)
    if (m) {
      const v = locals.get(m[1]!)
      return typeof v === 'string' ? readTemplate(v, where, notes, depth + 1) : undefined
    }
    m = /^([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)$/.exec(expr)
    if (
      m &&
      m[3] !== 'id' &&
      m[3] !== 'root_resource_id' &&
      m[3] !== 'arn' &&
      m[3] !== 'invoke_arn'
    ) {
      const b = byKey.get(`${m[1]}.${m[2]}`)
      const v = b ? own(b.attrs, m[3]!) : undefined
      return typeof v === 'string' || typeof v === 'number' ? text(v, where, notes) : undefined
    }
    return undefined
  }
  const ctx: ReadContext = { layer: 'hcl', text }

  const refOf = (value: unknown) => {
    const m = typeof value === 'string' ? REFERENCE.exec(value) : null
    return m ? { key: `${m[1]}.${m[2]}`, attribute: m[3]! } : undefined
  }
  const paths = new Map<string, string>()
  const pathOf = (value: unknown, seen: Set<string>, where: string): string => {
    const ref = refOf(value)
    if (!ref) {
      const notes = createNotes()
      const t = text(value, where, notes)
      fileNotes.push(...notes.notImported)
      return `/{${t ?? 'unknown resource'}}`
    }
    if (ref.key.startsWith('aws_api_gateway_rest_api.') && ref.attribute === 'root_resource_id')
      return '/'
    const b = byKey.get(ref.key)
    if (!b)
      throw new ImportFailure(
        `${where} refers to ${ref.key}, which is not in the file (is the file complete?).`,
      )
    if (b.type !== 'aws_api_gateway_resource')
      throw new ImportFailure(
        `${where} refers to ${ref.key}, which is not an aws_api_gateway_resource.`,
      )
    const known = paths.get(ref.key)
    if (known !== undefined) return known
    if (seen.has(ref.key))
      throw new ImportFailure(
        `The resources ${[...seen].join(' → ')} form a cycle through parent_id.`,
      )
    seen.add(ref.key)
    const parent = pathOf(b.attrs.parent_id, seen, `${ref.key}.parent_id`)
    const part = text(b.attrs.path_part, ref.key, createNotes()) ?? '{?}'
    const path = parent === '/' ? `/${part}` : `${parent}/${part}`
    paths.set(ref.key, path)
    return path
  }
  /** Resource path + verb: what joins a method to its integration and responses. */
  const keyOf = (b: Block) => {
    const path = pathOf(b.attrs.resource_id, new Set(), `${b.type}.${b.name}.resource_id`)
    const verb = (
      text(b.attrs.http_method, `${b.type}.${b.name}`, createNotes()) ?? ''
    ).toUpperCase()
    return { path, verb, key: `${verb} ${path}` }
  }
  const apiOf = (b: Block) => refOf(b.attrs.rest_api_id)?.key

  for (const b of blocks) {
    if (b.type.startsWith('aws_apigatewayv2_'))
      fileNotes.push({
        what: `${b.type}.${b.name}`,
        where: b.type,
        reason: 'HTTP and WebSocket APIs (API Gateway v2) are not modelled',
      })
    else if (
      [
        'aws_api_gateway_authorizer',
        'aws_api_gateway_model',
        'aws_api_gateway_request_validator',
        'aws_api_gateway_usage_plan',
        'aws_api_gateway_api_key',
        'aws_api_gateway_domain_name',
        'aws_api_gateway_base_path_mapping',
      ].includes(b.type)
    )
      fileNotes.push({ what: `${b.type}.${b.name}`, where: b.type, reason: 'not modelled' })
    else if (b.type === 'aws_api_gateway_rest_api' && b.attrs.body !== undefined)
      fileNotes.push({
        what: `${b.type}.${b.name}.body`,
        where: b.type,
        reason:
          'an inline OpenAPI body (jsonencode/file) is evaluated by Terraform; import the OpenAPI file itself',
      })
  }

  const extrasFor = (api: string | undefined): SetupExtras => {
    const extras: SetupExtras = {}
    const notes = createNotes()
    for (const b of blocks) {
      if (
        apiOf(b) !== api &&
        !(b.type === 'aws_api_gateway_rest_api' && `${b.type}.${b.name}` === api)
      )
        continue
      if (b.type === 'aws_api_gateway_rest_api') {
        const binary = b.attrs.binary_media_types
        if (Array.isArray(binary))
          extras.binaryMediaTypes = binary
            .map((t) => text(t, b.name, notes))
            .filter((t): t is string => t !== undefined)
      } else if (b.type === 'aws_api_gateway_stage') {
        const name = text(b.attrs.stage_name, b.name, notes)
        if (name !== undefined) extras.stageName = name
        const vars = readStringMap(ctx, b.attrs.variables, b.name, notes)
        if (vars) extras.stageVariables = vars
      } else if (b.type === 'aws_api_gateway_deployment' && extras.stageName === undefined) {
        const name = text(b.attrs.stage_name, b.name, notes)
        if (name !== undefined) extras.stageName = name
      } else if (b.type === 'aws_api_gateway_gateway_response') {
        const type = text(b.attrs.response_type, b.name, notes)
        if (type === undefined) continue
        extras.gatewayResponses ??= {}
        setOwn(
          extras.gatewayResponses,
          type,
          dropUndefined({
            statusCode: text(b.attrs.status_code, b.name, notes),
            responseParameters: readStringMap(ctx, b.attrs.response_parameters, b.name, notes),
            responseTemplates: readStringMap(ctx, b.attrs.response_templates, b.name, notes),
          }) as GatewayResponse,
        )
      }
    }
    return extras
  }

  const methods: MethodEntry[] = []
  for (const b of blocks) {
    if (b.type !== 'aws_api_gateway_method') continue
    const { path, verb, key } = keyOf(b)
    const api = apiOf(b)
    const related = (type: string) =>
      blocks.filter((o) => o.type === type && apiOf(o) === api && keyOf(o).key === key)
    const integration = related('aws_api_gateway_integration')[0]
    const integrationType = String(own(integration?.attrs, 'type') ?? '').toUpperCase()
    if (verb === 'OPTIONS' && integrationType === 'MOCK') {
      fileNotes.push({
        what: `OPTIONS ${path} (CORS)`,
        where: `${b.type}.${b.name}`,
        reason: 'CORS preflight (mock integration) is not modelled',
      })
      continue
    }
    let id = methodId(verb, path)
    if (methods.some((m) => m.id === id)) id = `${id} (${api ?? 'other API'})`
    methods.push({
      id,
      httpMethod: verb,
      resourcePath: path,
      build: () => {
        const notes = createNotes()
        const where = `${b.type}.${b.name}`
        const auth = text(b.attrs.authorization, where, notes)
        if (auth !== undefined && auth.toUpperCase() !== 'NONE')
          notes.notImported.push({
            what: `authorization ${auth}`,
            where,
            reason: 'method authorization is not modelled',
          })
        if (b.attrs.request_validator_id !== undefined)
          notes.notImported.push({
            what: 'request_validator_id',
            where,
            reason: 'request validation is not modelled',
          })
        const methodResponses: Record<string, MethodResponse> = {}
        for (const r of related('aws_api_gateway_method_response')) {
          const code = text(r.attrs.status_code, r.name, notes)
          if (code === undefined) continue
          setOwn(
            methodResponses,
            code,
            dropUndefined({
              statusCode: code,
              responseParameters: flags(r.attrs.response_parameters),
              responseModels: readStringMap(ctx, r.attrs.response_models, r.name, notes),
            }) as MethodResponse,
          )
        }
        const method = dropUndefined({
          httpMethod: verb,
          resourcePath: path,
          requestParameters: flags(b.attrs.request_parameters),
          methodResponses,
          methodIntegration: readIntegration(
            integration,
            related('aws_api_gateway_integration_response'),
            where,
            notes,
          ),
        }) as Method
        return buildImportedScenario(method, extrasFor(api), notes)
      },
    })
  }
  const readIntegration = (
    block: Block | undefined,
    responses: Block[],
    where: string,
    notes: Notes,
  ): Integration => {
    if (!block) return placeholderIntegration('missing', where, notes)
    const a = block.attrs
    const type = (text(a.type, where, notes) ?? '').toUpperCase()
    if (type !== 'AWS' && type !== 'AWS_PROXY')
      return placeholderIntegration(type || 'untyped', where, notes)
    for (const key of [
      'credentials',
      'cache_key_parameters',
      'cache_namespace',
      'connection_type',
      'connection_id',
    ])
      if (a[key] !== undefined)
        notes.notImported.push({
          what: key,
          where: `${block.type}.${block.name}`,
          reason: 'not modelled',
        })
    const integrationResponses: Record<string, IntegrationResponse> = {}
    for (const r of responses) {
      const statusCode = text(r.attrs.status_code, r.name, notes)
      if (statusCode === undefined) continue
      const pattern = text(r.attrs.selection_pattern, r.name, notes)
      if (pattern && type === 'AWS')
        notes.warnings.push(
          ...checkPatternLayer(
            pattern,
            { layer: 'hcl' },
            `setup.method.methodIntegration.integrationResponses.${statusCode}.selectionPattern`,
          ),
        )
      setOwn(
        integrationResponses,
        statusCode,
        dropUndefined({
          statusCode,
          selectionPattern: pattern,
          responseParameters: readStringMap(ctx, r.attrs.response_parameters, r.name, notes),
          responseTemplates: readStringMap(ctx, r.attrs.response_templates, r.name, notes),
          contentHandling: readEnum(
            text(r.attrs.content_handling, r.name, notes),
            ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] as const,
            'content_handling',
            r.name,
            notes,
          ),
        }) as IntegrationResponse,
      )
    }
    const timeout = Number(a.timeout_milliseconds)
    return dropUndefined({
      type,
      httpMethod: text(a.integration_http_method, where, notes)?.toUpperCase(),
      uri: text(a.uri, where, notes),
      requestTemplates: readStringMap(ctx, a.request_templates, where, notes),
      requestParameters: readStringMap(ctx, a.request_parameters, where, notes),
      passthroughBehavior: readEnum(
        text(a.passthrough_behavior, where, notes),
        ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const,
        'passthrough_behavior',
        where,
        notes,
      ),
      contentHandling: readEnum(
        text(a.content_handling, where, notes),
        ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] as const,
        'content_handling',
        where,
        notes,
      ),
      timeoutInMillis:
        a.timeout_milliseconds !== undefined && Number.isFinite(timeout) ? timeout : undefined,
      integrationResponses,
    }) as Integration
  }
  if (methods.length === 0)
    throw new ImportFailure(
      blocks.some((b) => b.type.startsWith('aws_apigatewayv2_'))
        ? 'The file defines only HTTP or WebSocket APIs (aws_apigatewayv2_*); the lab models REST API methods.'
        : 'The file has no aws_api_gateway_method resource (a REST API method).',
    )
  return { format: 'terraform', methods, notImported: fileNotes }
}

function flags(value: unknown): Record<string, boolean> | undefined {
  if (!isObject(value)) return undefined
  const entries = Object.entries(value).map(([k, v]): [string, boolean] => [
    k,
    v === true || v === 'true',
  ])
  return entries.length > 0 ? objectFrom(entries) : undefined
}

/** The index of the `}` closing a `${` opened before `from`, skipping quoted strings. */
function findClose(value: string, from: number): number {
  let depth = 1
  let quote = false
  for (let i = from; i < value.length; i++) {
    const ch = value[i]
    if (quote) {
      if (ch === '\\') i++
      else if (ch === '"') quote = false
    } else if (ch === '"') quote = true
    else if (ch === '{') depth++
    else if (ch === '}' && --depth === 0) return i
  }
  return value.length - 1
}

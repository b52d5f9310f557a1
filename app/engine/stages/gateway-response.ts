/**
 * Stage 6: API Gateway's own error responses: the specific type if customised, else DEFAULT_4XX or
 * DEFAULT_5XX, else the built-in one.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
import type { ClientResponse, Diagnostic, GatewayResponse, Json, TraceEntry } from '../../model'
import { formatEditorId } from '../../model'
import { DEFAULT_GATEWAY_TEMPLATE, GATEWAY_RESPONSE_DEFAULTS } from '../defaults'
import { flattenHeaders, httpDate, lastHeader, setHeader, utf8Length } from '../headers'
import type { HeaderPair } from '../headers'
import { buildTemplateContext } from '../request-context'
import type { GatewayFailure, RoutedRequest, RunContext } from '../trace'
import { diagnostic, headersJson, traceEntry } from '../trace'
import { parseQuery } from './method-request'
import { pickResponseTemplate } from './integration-response-custom'

/** Resolves a `gatewayresponse.header.*` source: `'static'` or a method request parameter. */
function resolveGatewaySource(
  ctx: RunContext,
  routed: RoutedRequest | undefined,
  source: string,
): string | undefined {
  if (source.length >= 2 && source.startsWith("'") && source.endsWith("'"))
    return source.slice(1, -1)
  const m = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(source)
  if (m) {
    const name = m[2]!
    if (m[1] === 'path') return routed?.pathParams[name]
    if (m[1] === 'header')
      return lastHeader(routed?.headers ?? flattenHeaders(ctx.scenario.request.headers), name)
    const pairs = parseQuery(ctx.scenario.request.query)
    let value: string | undefined
    for (const [n, v] of pairs) if (n === name) value = v
    return value
  }
  const sv = /^stageVariables\.(.+)$/.exec(source)
  if (sv) return ctx.scenario.setup.stageVariables?.[sv[1]!]
  return undefined
}

/** A reference a gateway-response template substitutes: `$context.a.b`, `${stageVariables.x}`. */
const REFERENCE =
  /\$(?:\{(context|stageVariables)((?:\.[A-Za-z0-9_-]+)+)\}|(context|stageVariables)((?:\.[A-Za-z_][A-Za-z0-9_]*)+))/g

/**
 * Renders a gateway-response template. AWS does not run these through VTL: it only substitutes
 * `$context.*` and `$stageVariables.*` references ("A GatewayResponse mapping template isn't
 * processed by the Velocity Template Language (VTL) engine", x-amazon-apigateway-gateway-responses
 * .responseTemplates in the API Gateway Developer Guide). Directives such as `#set` stay as text.
 */
export function substituteGatewayTemplate(
  template: string,
  context: { [key: string]: Json },
  stageVariables: Record<string, string>,
  param: (name: string) => string | undefined = () => undefined,
): { output: string; missing: string[]; params: string[] } {
  const missing: string[] = []
  const params: string[] = []
  // Method request parameters, which the guide says these templates can read too.
  const withParams = template.replace(
    /\$input\.params\(\s*(?:'([^']*)'|"([^"]*)")\s*\)/g,
    (whole, single?: string, double?: string) => {
      params.push(whole)
      return param(single ?? double ?? '') ?? ''
    },
  )
  const output = withParams.replace(
    REFERENCE,
    (whole, braceRoot?: string, bracePath?: string, root?: string, path?: string) => {
      const base = braceRoot ?? root ?? ''
      const keys = (bracePath ?? path ?? '').slice(1).split('.')
      let value: Json | undefined = base === 'context' ? context : stageVariables
      for (const key of keys)
        value =
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.hasOwn(value, key)
            ? value[key]
            : undefined
      if (value === undefined || value === null) {
        missing.push(whole)
        return ''
      }
      return typeof value === 'string' ? value : JSON.stringify(value)
    },
  )
  return { output, missing, params }
}

/** Builds the client response for a gateway error and explains where each part came from. */
export function buildGatewayResponse(
  ctx: RunContext,
  routed: RoutedRequest | undefined,
  failure: GatewayFailure,
): { response: ClientResponse; trace: TraceEntry } {
  const configured: Record<string, GatewayResponse> = ctx.scenario.setup.gatewayResponses ?? {}
  const builtIn = GATEWAY_RESPONSE_DEFAULTS[failure.type]
  const family = failure.status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX'
  const notes: string[] = []
  const diagnostics: Diagnostic[] = []
  let usedType = failure.type
  let custom = configured[failure.type]
  if (custom) notes.push(`Gateway response ${failure.type} is customised.`)
  else if (configured[family]) {
    custom = configured[family]
    usedType = family
    notes.push(`${failure.type} is not customised; the customised ${family} applies.`)
  } else
    notes.push(`${failure.type} and ${family} are not customised: API Gateway's built-in response.`)

  let status = failure.status
  if (custom?.statusCode !== undefined && custom.statusCode !== '') {
    const n = Number(custom.statusCode)
    if (Number.isInteger(n) && n >= 100 && n <= 599) {
      status = n
      notes.push(`Its statusCode ${n} replaces ${failure.status}.`)
    }
  } else if (custom) notes.push(`It sets no statusCode, so the status stays ${failure.status}.`)
  if (failure.type === 'INTEGRATION_FAILURE' && status === failure.status && failure.status !== 504)
    notes.push(
      `INTEGRATION_FAILURE's documented default is 504, but Lambda failures are observed as ${failure.status}.`,
    )

  let body = failure.literalBody
    ? `{"message": ${JSON.stringify(failure.message)}}`
    : `{"message":${JSON.stringify(failure.message)}}`
  if (failure.literalBody)
    notes.push(
      'Integration failures carry the fixed body {"message": "..."} (with a space), not the rendered template.',
    )
  else notes.push(`Default template ${DEFAULT_GATEWAY_TEMPLATE} renders the message.`)
  const templates = custom?.responseTemplates ?? {}
  const picked = pickResponseTemplate(
    templates,
    lastHeader(routed?.headers ?? flattenHeaders(ctx.scenario.request.headers), 'accept'),
  )
  if (picked) {
    const source = formatEditorId({
      kind: 'gateway-template',
      responseType: usedType,
      contentType: picked.key,
    })
    {
      const context = buildTemplateContext(ctx, routed, {
        message: failure.message,
        responseType: failure.type,
      })
      const template = templates[picked.key] ?? ''
      const rendered = substituteGatewayTemplate(
        template,
        context,
        ctx.scenario.setup.stageVariables ?? {},
        (name) =>
          resolveGatewaySource(ctx, routed, `method.request.path.${name}`) ??
          resolveGatewaySource(ctx, routed, `method.request.querystring.${name}`) ??
          resolveGatewaySource(ctx, routed, `method.request.header.${name}`),
      )
      body = rendered.output
      notes.push(
        `Body from template ${picked.key} (${picked.why}): $context.* and $stageVariables.* are substituted, $context.error.message = ${JSON.stringify(failure.message)}, $context.error.responseType = ${failure.type}.`,
      )
      if (rendered.missing.length > 0)
        notes.push(
          `Uncertain: ${rendered.missing.join(', ')} has no value and is left empty; what AWS prints for it is not recorded.`,
        )
      if (rendered.params.length > 0)
        notes.push(
          `Uncertain: ${rendered.params.join(', ')} read the method request parameter (the guide says these templates can access method request parameters; the exact syntax AWS accepts is not recorded).`,
        )
      if (/#(?:set|if|foreach|end|else)\b|\$util\./.test(template)) {
        notes.push(
          'Gateway-response templates are not run through VTL: directives and $util stay as literal text.',
        )
        diagnostics.push(
          diagnostic(
            source,
            'warning',
            'gateway.template-not-vtl',
            'Gateway-response templates only substitute $context, $stageVariables and method request parameters; VTL directives and $util are sent as written.',
          ),
        )
      }
      if (failure.literalBody)
        notes.push(
          'Uncertain: whether a customised template replaces the fixed integration-failure body is not recorded.',
        )
    }
  }

  const errorType = failure.errorType ?? builtIn?.errorType ?? 'InternalServerErrorException'
  const headers: HeaderPair[] = [
    ['Content-Type', 'application/json'],
    ['Content-Length', String(utf8Length(body))],
    ['Date', httpDate(ctx.now)],
    ['x-amzn-RequestId', ctx.requestId],
    ['x-amzn-ErrorType', errorType],
    ['x-amz-apigw-id', ctx.extendedRequestId],
  ]
  for (const [target, source] of Object.entries(custom?.responseParameters ?? {})) {
    const m = /^gatewayresponse\.header\.(.+)$/.exec(target)
    const value = m ? resolveGatewaySource(ctx, routed, String(source)) : undefined
    if (!m || value === undefined) {
      notes.push(`${target} ← ${source}: no value, not sent.`)
      continue
    }
    setHeader(headers, m[1]!, value)
    notes.push(`${m[1]} ← ${source}.`)
  }
  notes.push('Gateway responses carry x-amzn-ErrorType and no X-Amzn-Trace-Id.')
  if (
    ![
      'MISSING_AUTHENTICATION_TOKEN',
      'INTEGRATION_FAILURE',
      'API_CONFIGURATION_ERROR',
      'INTEGRATION_TIMEOUT',
    ].includes(failure.type)
  )
    notes.push(
      `The message and x-amzn-ErrorType of ${failure.type} follow LocalStack; AWS has not confirmed them.`,
    )
  return {
    response: { statusCode: status, headers, body },
    trace: traceEntry('gateway-response', 'ok', `${failure.type} → ${status}`, {
      input: { type: failure.type, status: failure.status, message: failure.message },
      output: { statusCode: status, headers: headersJson(headers), body },
      notes,
      diagnostics,
    }),
  }
}

/**
 * Stage 2 (AWS): pick the request template by Content-Type, apply passthroughBehavior when none
 * fits, render VTL.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html
 */
import type { Diagnostic, Json } from '../../model'
import { describeLimitHit, formatEditorId } from '../../model'
import { renderTemplate } from '../../vtl'
import type { TemplateInput } from '../../vtl'
import { DEFAULT_PASSTHROUGH } from '../defaults'
import { firstHeader, lastHeader, mimeOf, setHeader } from '../headers'
import { convertRequestBody, convertRequestToBinary } from './content-handling'
import type { HeaderPair } from '../headers'
import { buildTemplateContext } from '../request-context'
import type { GatewayFailure, RoutedRequest, RunContext, StageResult } from '../trace'
import { budgetStopped, configurationError, traceEntry } from '../trace'
import { applyRequestParameters } from './request-parameters'

/** The rendered (or passed-through) Invoke payload. */
export type CustomRequest = {
  payloadText: string
  template?: string
  /**
   * `integration.request.header.X-Amz-Invocation-Type` mapped to `'Event'`: asynchronous invoke.
   */
  asyncInvoke?: boolean
  /** Headers the `integration.request.header.*` mappings add to the Invoke call. */
  endpointHeaders?: HeaderPair[]
}

/** The method request as a template sees it through `$input`. */
export function templateInput(
  ctx: RunContext,
  routed: RoutedRequest,
  body: string,
  context?: { [key: string]: Json },
): TemplateInput {
  const header: Record<string, string> = {}
  for (const [n] of routed.forwardedHeaders)
    header[n] = lastHeader(routed.forwardedHeaders, n) ?? ''
  return {
    body,
    params: { path: routed.pathParams, querystring: routed.querySingle, header },
    context: context ?? buildTemplateContext(ctx, routed),
    stageVariables: ctx.scenario.setup.stageVariables ?? {},
  }
}

/**
 * Template behaviours that are reported by users but not recorded against AWS: the trace labels
 * them uncertain when a template relies on them.
 */
export function templateDoubts(template: string): string[] {
  const out: string[] = []
  // $input.path('$') of a body that is not JSON is noted by the renderer itself (vtl.uncertain).
  if (/\$util\.parseJson\(/.test(template))
    out.push(
      'Uncertain: if $util.parseJson gets text that is not JSON, AWS is reported (serverless-offline#136) to give an empty string rather than fail; not recorded.',
    )
  if (/\$util\.escapeJavaScript\(/.test(template))
    out.push(
      'Uncertain: $util.escapeJavaScript of a missing value is reported (serverless-offline#136) to give an empty string on AWS; not recorded.',
    )
  if (/\$context\.requestOverride\.querystring\[/.test(template))
    out.push(
      'Uncertain: an indexed #set on $context.requestOverride.querystring[...] is reported (LocalStack tests) to take effect on AWS, where plain Velocity 1.7 ignores it; not recorded.',
    )
  return out
}

/** A body that CONVERT_TO_BINARY could not base64-decode: 500 for the client. */
function decodeFailure(
  failure: GatewayFailure,
  input: Json,
  notes: string[],
  diagnostics: Diagnostic[],
): StageResult<CustomRequest> {
  return {
    output: undefined,
    failure,
    trace: traceEntry('integration-request', 'failed', 'Base64 decode failed: 500', {
      input,
      notes,
      diagnostics,
    }),
  }
}

/** The 415 failure of strict passthrough. */
const UNSUPPORTED = {
  type: 'UNSUPPORTED_MEDIA_TYPE',
  status: 415,
  message: 'Unsupported Media Type',
  literalBody: false,
} as const

/** Renders the request template chosen by Content-Type, or passes the body through. */
export function buildCustomRequest(
  ctx: RunContext,
  routed: RoutedRequest,
): StageResult<CustomRequest> {
  const integration = ctx.scenario.setup.method.methodIntegration
  const stageVariables = ctx.scenario.setup.stageVariables ?? {}
  const params = applyRequestParameters(integration.requestParameters, routed, stageVariables)
  const notes = [...params.notes]
  const diagnostics: Diagnostic[] = [...params.diagnostics]
  if (params.failure) {
    return {
      output: undefined,
      failure: params.failure,
      trace: traceEntry('integration-request', 'failed', 'Forbidden integration header mapping', {
        notes,
        diagnostics,
      }),
    }
  }
  const invocationType = Object.entries(params.mapped).find(
    ([target]) => target.toLowerCase() === 'integration.request.header.x-amz-invocation-type',
  )?.[1]
  const asyncInvoke = invocationType === 'Event'
  const endpointHeaders: HeaderPair[] = []
  for (const [target, value] of Object.entries(params.mapped)) {
    const m = /^integration\.request\.header\.(.+)$/i.exec(target)
    if (m && typeof value === 'string') endpointHeaders.push([m[1]!, value])
  }
  if (asyncInvoke) notes.push('X-Amz-Invocation-Type: Event — Lambda is invoked asynchronously.')
  if (Object.keys(params.mapped).length > 0)
    notes.push(
      'Integration request parameters set the endpoint request’s headers/query; templates still see the method request.',
    )

  const contentType = firstHeader(routed.headers, 'content-type')
  const mime = contentType !== undefined ? mimeOf(contentType) : 'application/json'
  notes.push(
    contentType === undefined
      ? 'No Content-Type: API Gateway assumes application/json to pick the request template.'
      : `Content-Type ${contentType} selects templates by its MIME type ${mime}.`,
  )
  const templates = integration.requestTemplates ?? {}
  const keys = Object.keys(templates)
  const key = keys.find((k) => mimeOf(k) === mime)
  const behavior = integration.passthroughBehavior ?? DEFAULT_PASSTHROUGH
  // Binary handling by Content-Type, binaryMediaTypes and contentHandling (payload encodings).
  const conversion = convertRequestBody(ctx, routed, key !== undefined)
  const body = conversion.body
  notes.push(...conversion.notes)
  const input = { contentType: mime, templates: keys, passthroughBehavior: behavior }

  if (key === undefined) {
    const reject = behavior === 'NEVER' || (behavior === 'WHEN_NO_TEMPLATES' && keys.length > 0)
    if (reject) {
      notes.push(
        behavior === 'NEVER'
          ? 'passthroughBehavior NEVER: a request without a matching template is rejected with 415.'
          : 'passthroughBehavior WHEN_NO_TEMPLATES: templates exist but none matches, so 415.',
      )
      if (routed.body === undefined)
        notes.push('Uncertain: AWS documents 415 for requests with a payload; this one has none.')
      return {
        output: undefined,
        failure: UNSUPPORTED,
        trace: traceEntry('integration-request', 'failed', `No request template for ${mime}: 415`, {
          input,
          notes,
          diagnostics,
        }),
      }
    }
    notes.push(
      keys.length === 0
        ? 'No request templates: the body passes through unchanged.'
        : `No template for ${mime}; ${behavior} passes the body through unchanged.`,
    )
    const converted = convertRequestToBinary(ctx, body, conversion)
    if (converted.note !== undefined) notes.push(converted.note)
    if ('failure' in converted) return decodeFailure(converted.failure, input, notes, diagnostics)
    if (converted.payload === '') notes.push('The payload is empty; the function receives {}.')
    return {
      output: { payloadText: converted.payload, asyncInvoke, endpointHeaders },
      trace: traceEntry('integration-request', 'ok', 'Body passed through', {
        input,
        output: converted.payload,
        notes,
        diagnostics,
      }),
    }
  }

  const source = formatEditorId({ kind: 'request-template', contentType: key })
  const template = templates[key] ?? ''
  notes.push(`Template ${key} selected.`)
  const { meter } = ctx.env
  const run = meter.evaluate(source, () =>
    renderTemplate(template, templateInput(ctx, routed, body), { source, meter }),
  )
  if (!run.ok) {
    diagnostics.push(
      budgetStopped(
        ctx,
        run.hit,
        'the template was not rendered.',
        'Simplify the template; what AWS does with it is unknown — treated as a failed transformation.',
      ),
    )
    return templateFailure(key, input, notes, diagnostics, describeLimitHit(run.hit))
  }
  const rendered = run.value
  diagnostics.push(...rendered.diagnostics)
  notes.push(...templateDoubts(template))
  if (!rendered.ok) {
    return templateFailure(
      key,
      input,
      notes,
      diagnostics,
      `template failed (${rendered.errorKind})`,
    )
  }
  let payloadText = rendered.output
  if (integration.contentHandling === 'CONVERT_TO_BINARY' && !conversion.binary) {
    const converted = convertRequestToBinary(ctx, payloadText, conversion)
    notes.push(
      'Uncertain: AWS documents CONVERT_TO_BINARY for payloads without a template; the lab decodes the rendered template output.',
    )
    if (converted.note !== undefined) notes.push(converted.note)
    if ('failure' in converted) return decodeFailure(converted.failure, input, notes, diagnostics)
    payloadText = converted.payload
  }
  if (payloadText === '') notes.push('The template rendered nothing; the function receives {}.')
  // `$context.requestOverride.header.*` is applied after the whole template, over the mappings.
  let overriddenAsync = asyncInvoke
  for (const [name, value] of Object.entries(rendered.overrides.requestHeaders)) {
    setHeader(endpointHeaders, name, value)
    notes.push(`$context.requestOverride.header.${name} sets ${name} on the Invoke call.`)
    if (name.toLowerCase() === 'x-amz-invocation-type') overriddenAsync = value === 'Event'
  }
  return {
    output: {
      payloadText,
      template: key,
      asyncInvoke: overriddenAsync,
      endpointHeaders,
    },
    trace: traceEntry('integration-request', 'ok', `Rendered request template ${key}`, {
      input,
      output: payloadText,
      notes,
      diagnostics,
    }),
  }
}

/** A request template that could not be rendered: API Gateway answers 500. */
function templateFailure(
  key: string,
  input: Json,
  notes: string[],
  diagnostics: Diagnostic[],
  why: string,
): StageResult<CustomRequest> {
  notes.push(
    'A request template that cannot be rendered is a configuration error: 500 (log wording inferred).',
  )
  return {
    output: undefined,
    failure: configurationError(
      'Execution failed due to configuration error: Unable to transform request',
    ),
    trace: traceEntry('integration-request', 'failed', `Request template ${key}: ${why}`, {
      input,
      notes,
      diagnostics,
    }),
  }
}

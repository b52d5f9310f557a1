/**
 * Stage 4 (AWS): select the integration response (rule-table.ts), map headers, render the
 * response template.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
 */
import type { Diagnostic, IntegrationResponse, Json, RuleTable, TraceEntry } from '../../model'
import { describeLimitHit, formatEditorId } from '../../model'
import { renderTemplate } from '../../vtl'
import { firstHeader, firstMediaType, mimeOf, setHeader } from '../headers'
import { buildTemplateContext } from '../request-context'
import type { InvokeResult, RoutedRequest, RunContext, StageResult } from '../trace'
import { budgetStopped, configurationError, diagnostic, traceEntry } from '../trace'
import { evaluateRuleTable } from './rule-table'
import { templateDoubts, templateInput } from './integration-request-custom'
import { mapResponseParameters } from './response-parameters'
import { binaryBody, convertResponsePayload } from './content-handling'
import type { DraftResponse } from '../trace'

/** The integration response chosen for this Invoke answer. */
export type Selection = {
  key: string
  status: string
  response: IntegrationResponse
}

type Invoked = Extract<InvokeResult, { kind: 'response' }>

/**
 * Picks the integration response from the rule table (see rule-table.ts): the table says which
 * rule matched the errorMessage (or "" on success) and which was chosen.
 */
export function selectIntegrationResponse(
  ctx: RunContext,
  invoke: Invoked,
): StageResult<Selection> & { table: RuleTable } {
  const { table, chosen } = evaluateRuleTable(ctx, invoke, true)
  const diagnostics: Diagnostic[] = table.rules.flatMap((r) => r.diagnostics)
  const notes: string[] = [table.reason]
  const subject = table.subject?.text ?? ''
  if (!chosen) {
    return {
      table,
      output: undefined,
      failure: configurationError(
        'Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: 200',
      ),
      trace: traceEntry('integration-response', 'failed', 'No integration response matched: 500', {
        input: subject,
        notes,
        diagnostics,
      }),
    }
  }
  if (!chosen.matched && invoke.functionError !== undefined)
    notes.push(
      'An unmapped Lambda error goes out through the default response with the error JSON as body.',
    )
  return {
    table,
    output: { key: chosen.key, status: chosen.status, response: chosen.response },
    trace: traceEntry(
      'integration-response',
      'ok',
      `Integration response ${chosen.status}${chosen.matched ? ' (pattern matched)' : ' (default)'}`,
      { input: subject, notes, diagnostics },
    ),
  }
}

/**
 * Picks the response template by the request's Accept header (the first media type listed; no
 * Accept means application/json).
 */
export function pickResponseTemplate(
  templates: Record<string, string>,
  accept: string | undefined,
): { key: string; why: string } | undefined {
  const keys = Object.keys(templates)
  if (keys.length === 0) return undefined
  const wanted = accept === undefined ? 'application/json' : firstMediaType(accept)
  const exact = keys.find((k) => mimeOf(k) === wanted)
  if (exact !== undefined)
    return {
      key: exact,
      why: accept === undefined ? 'no Accept header, so application/json' : `Accept ${wanted}`,
    }
  const json = keys.find((k) => mimeOf(k) === 'application/json')
  if (json !== undefined)
    return {
      key: json,
      why: `no template for ${wanted}; application/json is tried next (LocalStack-verified order; AWS docs say "first")`,
    }
  return {
    key: keys[0]!,
    why: `no template for ${wanted} or application/json; the first template is used`,
  }
}

/** Maps the selected response: header mappings, template, `$context.responseOverride`. */
export function mapIntegrationResponse(
  ctx: RunContext,
  routed: RoutedRequest,
  invoke: Invoked,
  selection: Selection,
  selectionTrace: TraceEntry,
): StageResult<DraftResponse> {
  const notes = [...selectionTrace.notes]
  const diagnostics = [...selectionTrace.diagnostics]
  const { response, key } = selection
  const methodResponse = ctx.scenario.setup.method.methodResponses?.[selection.status]
  const context = buildTemplateContext(ctx, routed)
  context.awsEndpointRequestId = invoke.lambdaRequestId
  const params = mapResponseParameters(
    ctx,
    invoke,
    response.responseParameters,
    methodResponse,
    key,
    context,
  )
  notes.push(...params.notes)
  diagnostics.push(...params.diagnostics)
  const headers = params.headers
  let status = Number(selection.status)
  // Binary support: binaryMediaTypes, first Accept type and this response's contentHandling.
  const conversion = convertResponsePayload(
    ctx,
    routed,
    invoke.payloadText,
    response.contentHandling,
  )
  notes.push(...conversion.notes)
  if (!conversion.ok)
    return {
      output: undefined,
      failure: conversion.failure,
      trace: traceEntry('integration-response', 'failed', 'Base64 decode failed: 500', {
        notes,
        diagnostics,
        input: selectionTrace.input,
      }),
    }
  let body = conversion.text
  let binary = conversion.bytes
  const picked = pickResponseTemplate(
    response.responseTemplates ?? {},
    firstHeader(routed.headers, 'accept'),
  )
  const fail = (why: string): StageResult<DraftResponse> => ({
    output: undefined,
    failure: configurationError(
      'Execution failed due to configuration error: Unable to transform response',
    ),
    trace: traceEntry('integration-response', 'failed', why, {
      notes: [
        ...notes,
        'A response template that cannot be rendered is a configuration error: 500 (log wording inferred).',
      ],
      diagnostics,
    }),
  })
  if (!picked) notes.push('No response template: the Lambda payload is passed through as the body.')
  else if (response.responseTemplates?.[picked.key] === '')
    notes.push(`Template ${picked.key} is empty: the payload passes through unmapped.`)
  else {
    const source = formatEditorId({
      kind: 'response-template',
      status: key,
      contentType: picked.key,
    })
    notes.push(`Response template ${picked.key} selected (${picked.why}).`)
    const { meter } = ctx.env
    const run = meter.evaluate(source, () =>
      renderTemplate(
        response.responseTemplates?.[picked.key] ?? '',
        templateInput(ctx, routed, conversion.text, context),
        { source, meter },
      ),
    )
    if (!run.ok) {
      diagnostics.push(
        budgetStopped(
          ctx,
          run.hit,
          'the template was not rendered.',
          'What AWS would do is unknown; treated as a failed transformation.',
        ),
      )
      return fail(`Response template ${picked.key}: ${describeLimitHit(run.hit)}`)
    }
    const rendered = run.value
    diagnostics.push(...rendered.diagnostics)
    if (!rendered.ok) return fail(`Response template ${picked.key} failed (${rendered.errorKind})`)
    body = rendered.output
    binary = undefined
    notes.push(...templateDoubts(response.responseTemplates?.[picked.key] ?? ''))
    const override = rendered.overrides.responseStatus
    if (override !== undefined) {
      const n = Number(override.trim())
      if (Number.isInteger(n) && n >= 100 && n <= 599) {
        status = n
        notes.push(
          `$context.responseOverride.status sets the status to ${n} (no method response needed for it).`,
        )
      } else {
        diagnostics.push(
          diagnostic(
            source,
            'warning',
            'override.status',
            `$context.responseOverride.status ${JSON.stringify(override)} is not an HTTP status; ignored.`,
          ),
        )
      }
    }
    for (const [name, value] of Object.entries(rendered.overrides.responseHeaders)) {
      setHeader(headers, name, value)
      notes.push(`$context.responseOverride.header.${name} sets ${name}.`)
    }
  }
  if (!headers.some(([n]) => n.toLowerCase() === 'content-type')) {
    headers.push(['Content-Type', 'application/json'])
    notes.push('No Content-Type is mapped: API Gateway sends application/json.')
  }
  const draft: DraftResponse = { statusCode: status, headers, body }
  if (binary) Object.assign(draft, binaryBody(binary))
  const output: Json = {
    statusCode: status,
    headers: headers.map(([n, v]) => [n, v]),
    body: draft.body,
  }
  return {
    output: draft,
    trace: traceEntry(
      'integration-response',
      'ok',
      `Integration response ${selection.status} → status ${status}`,
      { input: selectionTrace.input, output, notes, diagnostics },
    ),
  }
}

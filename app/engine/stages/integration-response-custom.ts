/** Stage 4 (AWS): select the integration response, map headers, render the template (§2.2, §2.3). */
import type { Diagnostic, IntegrationResponse, Json, RuleEvaluation, TraceEntry } from '../../model'
import { matchSelectionPattern } from '../../regex'
import { renderTemplate } from '../../vtl'
import { STOPPED_OUTCOME, mayEvaluate } from '../env'
import { firstHeader, firstMediaType, mimeOf, setHeader } from '../headers'
import { buildTemplateContext } from '../request-context'
import type { InvokeResult, RoutedRequest, RunContext, StageResult } from '../trace'
import { budgetStopped, configurationError, diagnostic, traceEntry } from '../trace'
import { templateInput } from './integration-request-custom'
import { mapResponseParameters } from './response-parameters'
import type { DraftResponse } from '../trace'

const VALID_STATUS = /^[1-5]\d\d$/

/** The integration response chosen for this Invoke answer. */
export type Selection = {
  key: string
  status: string
  response: IntegrationResponse
  /** Index of its entry in the trace's rule list. */
  rule: number
}

type Invoked = Extract<InvokeResult, { kind: 'response' }>

/**
 * Picks the integration response: patterns are matched against the whole errorMessage on a
 * function error and against "" on success (`custom-selection-success-uses-default-not-status-pattern`).
 */
export function selectIntegrationResponse(
  ctx: RunContext,
  invoke: Invoked,
): StageResult<Selection> {
  const options = { explain: ctx.env.explainMismatches !== false }
  const responses = ctx.scenario.setup.method.methodIntegration.integrationResponses ?? {}
  const isError = invoke.functionError !== undefined
  const subject = isError ? (invoke.errorMessage ?? '') : ''
  const rules: RuleEvaluation[] = []
  const diagnostics: Diagnostic[] = []
  const notes: string[] = [
    isError
      ? `Function error: patterns are matched against the whole errorMessage ${JSON.stringify(subject)}.`
      : 'Success: patterns are matched against an empty string, so only the default response (or a pattern that matches "") applies.',
  ]
  let matched: Selection | undefined
  let fallback: Selection | undefined
  let matchCount = 0
  for (const key of Object.keys(responses)) {
    const response = responses[key]
    if (!response || typeof response !== 'object') continue
    const status = String(response.statusCode ?? key)
    const pattern = response.selectionPattern ?? ''
    // PutIntegrationResponse only accepts [1-5]\d\d, so such a response cannot exist in AWS.
    if (!VALID_STATUS.test(status)) {
      rules.push({
        statusCode: status,
        selectionPattern: pattern,
        subject,
        outcome: 'invalid',
        explanation: `AWS rejects the status code ${JSON.stringify(status)}: it must be 100–599. This response is ignored.`,
        selected: false,
      })
      continue
    }
    if (pattern === '') {
      rules.push({
        statusCode: status,
        selectionPattern: '',
        subject,
        outcome: 'default',
        explanation: 'Empty selectionPattern: the default response, used when no pattern matches.',
        selected: false,
      })
      if (fallback) notes.push(`Several default responses; ${fallback.status} is used.`)
      else fallback = { key, status, response, rule: rules.length - 1 }
      continue
    }
    const source = `integration.responses.${key}.selectionPattern`
    if (!mayEvaluate(ctx.env, 'pattern:' + key)) {
      rules.push({
        statusCode: status,
        selectionPattern: pattern,
        subject,
        outcome: 'stopped',
        explanation: `${STOPPED_OUTCOME}; treated as not matching (what AWS would do is unknown).`,
        selected: false,
      })
      diagnostics.push(
        budgetStopped(
          source,
          'the pattern was not evaluated and counts as not matching.',
          'Simplify the pattern (nested quantifiers backtrack catastrophically).',
          { start: 0, end: pattern.length },
        ),
      )
      continue
    }
    const m = matchSelectionPattern(pattern, subject, source, options)
    diagnostics.push(...m.diagnostics)
    const rule: RuleEvaluation = {
      statusCode: status,
      selectionPattern: pattern,
      subject,
      outcome: m.outcome,
      selected: false,
    }
    if (m.explanation !== undefined) rule.explanation = m.explanation
    rules.push(rule)
    if (m.outcome === 'invalid')
      notes.push(
        `Pattern of ${status} is not a valid Java regex; AWS would not accept it. It is skipped here.`,
      )
    else if (m.outcome === 'untranslatable')
      notes.push(
        `Pattern of ${status} uses a construct this lab cannot reproduce exactly; it is treated as not matching, which AWS may not do.`,
      )
    if (m.outcome === 'matched') {
      matchCount++
      matched ??= { key, status, response, rule: rules.length - 1 }
    }
  }
  if (matchCount > 1)
    notes.push(
      `${matchCount} patterns matched. AWS does not document which wins; this lab takes the first in status-code order, as in the one AWS recording (.*four hundred.* → 405 beat .+ → 502).`,
    )
  const chosen = matched ?? fallback
  if (chosen) rules[chosen.rule]!.selected = true
  if (!chosen) {
    notes.push('No pattern matched and there is no default response (empty selectionPattern).')
    return {
      output: undefined,
      failure: configurationError(
        'Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: 200',
      ),
      trace: traceEntry('integration-response', 'failed', 'No integration response matched: 500', {
        input: subject,
        notes,
        diagnostics,
        rules,
      }),
    }
  }
  notes.push(
    matched
      ? `Pattern of ${chosen.status} matched: integration response ${chosen.status} selected.`
      : `No pattern matched: the default response ${chosen.status} is used.`,
  )
  if (!matched && isError)
    notes.push(
      'An unmapped Lambda error goes out through the default response with the error JSON as body.',
    )
  return {
    output: chosen,
    trace: traceEntry(
      'integration-response',
      'ok',
      `Integration response ${chosen.status}${matched ? ' (pattern matched)' : ' (default)'}`,
      { input: subject, notes, diagnostics, rules },
    ),
  }
}

/** Picks the response template by the request's Accept header (§2.3). */
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
  let body = invoke.payloadText
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
      rules: selectionTrace.rules,
    }),
  })
  if (!picked) notes.push('No response template: the Lambda payload is passed through as the body.')
  else if (response.responseTemplates?.[picked.key] === '')
    notes.push(`Template ${picked.key} is empty: the payload passes through unmapped.`)
  else {
    const source = `integration.responses.${key}.responseTemplates.${picked.key}`
    notes.push(`Response template ${picked.key} selected (${picked.why}).`)
    if (!mayEvaluate(ctx.env, 'template:' + source)) {
      diagnostics.push(
        budgetStopped(
          source,
          'the template was not rendered.',
          'What AWS would do is unknown; treated as a failed transformation.',
        ),
      )
      return fail(`Response template ${picked.key}: ${STOPPED_OUTCOME}`)
    }
    const rendered = renderTemplate(
      response.responseTemplates?.[picked.key] ?? '',
      templateInput(ctx, routed, invoke.payloadText, context),
      { source },
    )
    diagnostics.push(...rendered.diagnostics)
    if (!rendered.ok) return fail(`Response template ${picked.key} failed (${rendered.errorKind})`)
    body = rendered.output
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
  const output: Json = { statusCode: status, headers: headers.map(([n, v]) => [n, v]), body }
  return {
    output: { statusCode: status, headers, body },
    trace: traceEntry(
      'integration-response',
      'ok',
      `Integration response ${selection.status} → status ${status}`,
      { input: selectionTrace.input, output, notes, diagnostics, rules: selectionTrace.rules },
    ),
  }
}

/** Runs one request through the six stages of DESIGN.md and assembles the Simulation. */
import type {
  Diagnostic,
  Json,
  RuleTable,
  Scenario,
  Simulation,
  StageName,
  TraceEntry,
} from '../model'
import { describeLimitHit, formatEditorId, parseEditorId } from '../model'
import { DEFAULT_STAGE } from './defaults'
import type { EngineEnv } from './env'
import { startExecutionLog } from './log'
import { validateScenario } from './validate-scenario'
import { shortId } from './request-context'
import { buildGatewayResponse } from './stages/gateway-response'
import { buildCustomRequest } from './stages/integration-request-custom'
import type { CustomRequest } from './stages/integration-request-custom'
import { buildProxyRequest } from './stages/integration-request-proxy'
import {
  mapIntegrationResponse,
  selectIntegrationResponse,
} from './stages/integration-response-custom'
import { convertProxyResult } from './stages/integration-response-proxy'
import { invokeLambda, parsePayload } from './stages/lambda'
import { evaluateRuleTable } from './stages/rule-table'
import { routeMethodRequest } from './stages/method-request'
import { checkMethodResponse, finalizeResponse } from './stages/method-response'
import type {
  DraftResponse,
  GatewayFailure,
  InvokeResult,
  RoutedRequest,
  RunContext,
} from './trace'
import { configurationError, diagnostic, skippedEntry, traceEntry } from './trace'

const STAGES: StageName[] = [
  'method-request',
  'integration-request',
  'lambda',
  'integration-response',
  'method-response',
  'gateway-response',
]

/** `Root=1-<epoch seconds hex>-<24 hex>`, derived from the request id so runs are repeatable. */
function traceIdFor(requestId: string, now: number): string {
  const hex = requestId
    .replace(/[^0-9a-f]/gi, '')
    .toLowerCase()
    .padStart(24, '0')
    .slice(-24)
  const seconds = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0')
  return `Root=1-${seconds}-${hex}`
}

/** Stages 4–5 of a custom integration: select, check the method response, map. */
function runCustomResponse(
  ctx: RunContext,
  routed: RoutedRequest,
  answer: Extract<InvokeResult, { kind: 'response' }>,
  traces: Partial<Record<StageName, TraceEntry>>,
): { draft?: DraftResponse; failure?: GatewayFailure; table: RuleTable } {
  if (answer.functionError !== undefined)
    // Logged for any Lambda function error (recorded for proxy; inferred for custom integrations).
    ctx.log.add(
      `Lambda execution failed with status 200 due to customer function error: ${answer.errorMessage ?? ''}. Lambda request id: ${answer.lambdaRequestId}`,
    )
  const selected = selectIntegrationResponse(ctx, answer)
  const table = selected.table
  traces['integration-response'] = selected.trace
  if (!selected.output) return { failure: selected.failure, table }
  const checked = checkMethodResponse(ctx, selected.output)
  traces['method-response'] = checked.trace
  if (!checked.output) return { failure: checked.failure, table }
  const mapped = mapIntegrationResponse(ctx, routed, answer, selected.output, selected.trace)
  traces['integration-response'] = mapped.trace
  return { draft: mapped.output, failure: mapped.failure, table }
}

/** The stage whose pattern or template an evaluation key (an editor id) names. */
function stageOfEvaluation(key: string | undefined): StageName {
  const ref = key === undefined ? undefined : parseEditorId(key)
  switch (ref?.kind) {
    case 'request-template':
      return 'integration-request'
    case 'gateway-template':
      return 'gateway-response'
    case 'selection-pattern':
    case 'response-template':
      return 'integration-response'
    default:
      return 'lambda'
  }
}

/** Runs the pipeline; may throw only on engine bugs (caught by `simulate`). */
function runPipeline(scenario: Scenario, env: EngineEnv): Simulation {
  const now = env.now()
  const requestId = env.nextId()
  const hitsBefore = env.meter.hits.length
  const stage = scenario.setup.stageName || DEFAULT_STAGE
  const ctx: RunContext = {
    scenario,
    env,
    log: startExecutionLog(requestId, now),
    requestId,
    extendedRequestId: shortId(requestId, 14).replace(/^./, (c) => c.toUpperCase()) + '=',
    traceId: traceIdFor(requestId, now),
    now,
    stage,
  }
  const traces: Partial<Record<StageName, TraceEntry>> = {}
  const integration = scenario.setup.method.methodIntegration
  const isProxy = integration.type === 'AWS_PROXY'
  let failure: GatewayFailure | undefined
  let draft: DraftResponse | undefined
  let payloadText: string | undefined
  // `undefined` when the function was never invoked (the UI relies on it).
  let lambdaEvent: Json | undefined
  let table: RuleTable | undefined

  const mr = routeMethodRequest(ctx)
  traces['method-request'] = mr.trace
  const routed: RoutedRequest | undefined = mr.output
  if (!routed || mr.failure) failure = mr.failure
  else {
    const ir = isProxy ? buildProxyRequest(ctx, routed) : buildCustomRequest(ctx, routed)
    traces['integration-request'] = ir.trace
    if (!ir.output) failure = ir.failure
    else {
      payloadText = ir.output.payloadText
      // The proxy event is already an object; a custom payload is parsed once, here.
      const parsed = 'event' in ir.output ? { value: ir.output.event } : parsePayload(payloadText)
      lambdaEvent = parsed ? parsed.value : payloadText
      const custom = isProxy ? undefined : (ir.output as CustomRequest)
      const invoked = invokeLambda(ctx, payloadText, {
        payloadEditor: formatEditorId(
          custom?.template !== undefined
            ? { kind: 'request-template', contentType: custom.template }
            : { kind: 'request', field: 'body' },
        ),
        asyncInvoke: custom?.asyncInvoke === true,
        endpointHeaders: custom?.endpointHeaders ?? [],
        parsedPayload: parsed,
      })
      traces.lambda = invoked.trace
      const answer = invoked.output
      if (!answer || answer.kind === 'failure') failure = invoked.failure
      else if (isProxy) {
        table = evaluateRuleTable(ctx, answer, false).table
        const converted = convertProxyResult(ctx, routed, answer)
        traces['integration-response'] = converted.trace
        draft = converted.output
        failure = converted.failure
      } else ({ draft, failure, table } = runCustomResponse(ctx, routed, answer, traces))
    }
  }

  const rules = table ?? evaluateRuleTable(ctx, undefined, !isProxy).table

  let response: Simulation['response']
  if (draft) {
    const fin = finalizeResponse(ctx, draft, isProxy)
    response = fin.response
    const check = traces['method-response']
    traces['method-response'] = check
      ? { ...fin.trace, notes: [...check.notes, ...fin.trace.notes] }
      : fin.trace
  } else {
    const f = failure ?? configurationError()
    if (f.logLine) ctx.log.add(f.logLine)
    const gw = buildGatewayResponse(ctx, routed, f)
    response = gw.response
    traces['gateway-response'] = gw.trace
    if (routed && !f.logLine)
      gw.trace.notes.push(
        'AWS’s own log line for this failure is not recorded; the log shows only the final status.',
      )
  }

  let log: string[] = ctx.log.lines
  if (routed) ctx.log.add(`Method completed with status: ${response.statusCode}`)
  else {
    // Requests that reach no method never start an execution: there is no execution log.
    log = []
    traces['gateway-response']?.notes.push('No method was reached, so AWS writes no execution log.')
  }

  const trace = STAGES.map(
    (name) =>
      traces[name] ?? skippedEntry(name, draft || !failure ? 'Not applicable' : 'Not reached'),
  )
  // Scenario checks first (cheap, and the model promises them here), then each stage's.
  const diagnostics: Diagnostic[] =
    env.checkScenario === false ? [] : [...validateScenario(scenario).diagnostics]
  for (const entry of trace) diagnostics.push(...entry.diagnostics)
  // A table that did not choose (proxy, not reached) still reports its patterns' problems.
  if (rules.status !== 'applied') for (const r of rules.rules) diagnostics.push(...r.diagnostics)
  const sim: Simulation = { response, trace, log, lambdaEvent, diagnostics, rules }
  const hits = env.meter.hits.slice(hitsBefore)
  if (hits.length > 0) {
    sim.limits = hits
    for (const hit of hits) {
      const stage = stageOfEvaluation(hit.key)
      trace.find((t) => t.stage === stage)?.notes.push(`Limit: ${describeLimitHit(hit)}.`)
    }
  }
  if (payloadText !== undefined && traces.lambda) sim.lambdaEventText = payloadText
  return sim
}

/** Runs one request through API Gateway and Lambda. Pure, synchronous, never throws. */
export function simulate(scenario: Scenario, env: EngineEnv): Simulation {
  try {
    return runPipeline(scenario, env)
  } catch (error) {
    // Under a work allowance (the page's speculative run) an unexpected failure voids the run
    // (meter.gaveUp): the worker answers instead.
    try {
      env.meter.abandon()
    } catch {
      // Recorded in meter.gaveUp.
    }
    const message = error instanceof Error ? error.message : String(error)
    const d = diagnostic(
      'scenario',
      'error',
      'engine.internal',
      `The simulator failed on this scenario: ${message}`,
      'This is a bug in the lab or a scenario it cannot read; the response shown is a placeholder 500.',
    )
    const body = '{"message": "Internal server error"}'
    return {
      response: {
        statusCode: 500,
        headers: [
          ['Content-Type', 'application/json'],
          ['Content-Length', String(body.length)],
        ],
        body,
      },
      trace: STAGES.map((name) =>
        name === 'method-request'
          ? traceEntry(name, 'failed', 'Internal simulator error', {
              diagnostics: [d],
              notes: [message],
            })
          : skippedEntry(name, 'Not reached'),
      ),
      log: [],
      lambdaEvent: undefined,
      diagnostics: [d],
      rules: {
        status: 'not-reached',
        reason: 'The simulator failed before the integration response.',
        rules: [],
      },
    }
  }
}

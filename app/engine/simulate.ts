/** Runs one request through the six stages of DESIGN.md and assembles the Simulation. */
import type { Diagnostic, Json, Scenario, Simulation, StageName, TraceEntry } from '../model'
import { DEFAULT_STAGE } from './defaults'
import type { EngineEnv } from './env'
import { tryParseJson } from './json-text'
import { startExecutionLog } from './log'
import { shortId } from './request-context'
import { buildGatewayResponse } from './stages/gateway-response'
import { buildCustomRequest } from './stages/integration-request-custom'
import { buildProxyRequest } from './stages/integration-request-proxy'
import {
  mapIntegrationResponse,
  selectIntegrationResponse,
} from './stages/integration-response-custom'
import { convertProxyResult } from './stages/integration-response-proxy'
import { invokeLambda } from './stages/lambda'
import { routeMethodRequest } from './stages/method-request'
import { checkMethodResponse, finalizeResponse } from './stages/method-response'
import type { DraftResponse, GatewayFailure, RoutedRequest, RunContext } from './trace'
import { diagnostic, skippedEntry, traceEntry } from './trace'

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

/** Runs the pipeline; may throw only on engine bugs (caught by `simulate`). */
function runPipeline(scenario: Scenario, env: EngineEnv): Simulation {
  const now = env.now()
  const requestId = env.nextId()
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

  const mr = routeMethodRequest(ctx)
  traces['method-request'] = mr.trace
  const routed: RoutedRequest | undefined = mr.output
  if (!routed) failure = mr.failure
  else {
    const ir = isProxy ? buildProxyRequest(ctx, routed) : buildCustomRequest(ctx, routed)
    traces['integration-request'] = ir.trace
    if (!ir.output) failure = ir.failure
    else {
      payloadText = ir.output.payloadText
      const invoked = invokeLambda(ctx, payloadText)
      traces.lambda = invoked.trace
      const answer = invoked.output
      if (!answer || answer.kind === 'failure') failure = invoked.failure
      else if (isProxy) {
        const converted = convertProxyResult(ctx, routed, answer)
        traces['integration-response'] = converted.trace
        draft = converted.output
        failure = converted.failure
      } else {
        const selected = selectIntegrationResponse(ctx, answer)
        traces['integration-response'] = selected.trace
        if (!selected.output) failure = selected.failure
        else {
          const checked = checkMethodResponse(ctx, selected.output)
          traces['method-response'] = checked.trace
          if (!checked.output) failure = checked.failure
          else {
            const mapped = mapIntegrationResponse(
              ctx,
              routed,
              answer,
              selected.output,
              selected.trace,
            )
            traces['integration-response'] = mapped.trace
            draft = mapped.output
            failure = mapped.failure
          }
        }
      }
    }
  }

  let response: Simulation['response']
  if (draft) {
    const fin = finalizeResponse(ctx, draft, isProxy)
    response = fin.response
    const check = traces['method-response']
    traces['method-response'] = check
      ? { ...fin.trace, notes: [...check.notes, ...fin.trace.notes] }
      : fin.trace
  } else {
    const f = failure ?? {
      type: 'API_CONFIGURATION_ERROR',
      status: 500,
      message: 'Internal server error',
      literalBody: true,
    }
    if (f.logLine) ctx.log.add(f.logLine)
    const gw = buildGatewayResponse(ctx, routed, f)
    response = gw.response
    traces['gateway-response'] = gw.trace
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
  const diagnostics: Diagnostic[] = []
  for (const entry of trace) diagnostics.push(...entry.diagnostics)
  let lambdaEvent: Json | undefined = null
  if (payloadText !== undefined && traces.lambda) {
    lambdaEvent = payloadText === '' ? {} : (tryParseJson(payloadText)?.value ?? payloadText)
  }
  const sim: Simulation = { response, trace, log, lambdaEvent, diagnostics }
  if (payloadText !== undefined && traces.lambda) sim.lambdaEventText = payloadText
  return sim
}

/** Runs one request through API Gateway and Lambda. Pure, synchronous, never throws. */
export function simulate(scenario: Scenario, env: EngineEnv): Simulation {
  try {
    return runPipeline(scenario, env)
  } catch (error) {
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
      lambdaEvent: null,
      diagnostics: [d],
    }
  }
}

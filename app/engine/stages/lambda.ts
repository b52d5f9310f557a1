/** Stage 3: the Invoke call — endpoint request log lines and the stated function outcome. */
import type { InvokeFailure, Json, LambdaOutcome } from '../../model'
import {
  LAMBDA_PAYLOAD_LIMIT,
  LAMBDA_REQUEST_LIMIT,
  LAMBDA_REQUEST_TOO_LARGE_TEXT,
  SIMULATED_LATENCY_MS,
} from '../defaults'
import { formatJavaMap, httpDate, utf8Length } from '../headers'
import type { HeaderPair } from '../headers'
import { pythonJsonDumps, tryParseJson } from '../json-text'
import type { GatewayFailure, InvokeResult, RunContext, StageResult } from '../trace'
import { diagnostic, traceEntry } from '../trace'

/** `arn:aws:lambda:...:function:name` from the integration `uri`, stage variables resolved. */
export function functionArn(ctx: RunContext): string {
  const { env, scenario } = ctx
  const vars = scenario.setup.stageVariables ?? {}
  const uri = String(scenario.setup.method.methodIntegration.uri ?? '').replace(
    /\$\{stageVariables\.([^}]+)\}/g,
    (_, name: string) => vars[name] ?? '',
  )
  const m = /functions\/(.+?)\/invocations/.exec(uri)
  return m ? m[1]! : `arn:aws:lambda:${env.region}:${env.accountId}:function:fn`
}

/** A stand-in for the temporary credentials' session token: long, opaque, repeatable. */
function securityToken(seed: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let h = 0x811c9dc5
  let out = 'IQoJb3JpZ2luX2VjE'
  for (let i = 0; out.length < 900; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i % Math.max(1, seed.length)), 16777619) >>> 0
    out += alphabet[h % 64]
  }
  return out
}

/**
 * How each invoke failure reaches the client (status, gateway response type, log line).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
 */
const FAILURES: Record<InvokeFailure, GatewayFailure & { note: string }> = {
  timeout: {
    type: 'INTEGRATION_TIMEOUT',
    status: 504,
    message: 'Endpoint request timed out',
    literalBody: true,
    logLine: 'Execution failed due to a timeout error',
    note: 'Integration timeout (API Gateway): API Gateway stopped waiting after timeoutInMillis (default 29 000 ms) and answers 504 itself. This is not the function’s own timeout, which Lambda reports as a function error (Sandbox.Timedout).',
  },
  accessDenied: {
    type: 'INTEGRATION_FAILURE',
    status: 500,
    message: 'Internal server error',
    literalBody: true,
    logLine: 'Execution failed due to configuration error: Invalid permissions on Lambda function',
    note: 'Lambda rejected the call (no permission to invoke): invocation rejected means 500.',
  },
  throttled: {
    type: 'INTEGRATION_FAILURE',
    status: 500,
    message: 'Internal server error',
    literalBody: true,
    note: 'Lambda throttled the call (429). Sources disagree (500 per current docs, 502 in a 2018 log); 500 used. AWS’s exact log line is not recorded.',
  },
  notFound: {
    type: 'INTEGRATION_FAILURE',
    status: 500,
    message: 'Internal server error',
    literalBody: true,
    note: 'Lambda rejected the call (function not found): 500 per the Lambda docs rule. AWS’s exact log line is not recorded.',
  },
  payloadTooLarge: {
    type: 'INTEGRATION_FAILURE',
    status: 413,
    message: 'Request Too Long',
    literalBody: true,
    errorType: 'BadRequestException',
    note: `The Invoke payload exceeds Lambda’s request limit of ${LAMBDA_REQUEST_LIMIT} bytes (the response limit, 6291556, is larger): Lambda rejects the call with 413 "${LAMBDA_REQUEST_TOO_LARGE_TEXT}". The client gets 413 {"message": "Request Too Long"} (a real curl output in a user report). Uncertain: AWS's execution-log lines for this rejection are not recorded; the ones shown are inferred.`,
  },
  integrationHttpMethodNotPost: {
    type: 'INTEGRATION_FAILURE',
    status: 500,
    message: 'Internal server error',
    literalBody: true,
    note: 'Lambda must be called with POST; any other integration httpMethod fails with 500 (recorded).',
  },
}

/** What the function returns, as the Invoke response payload text. */
function responsePayload(
  outcome: LambdaOutcome,
  payloadText: string,
  event: Json,
): { text: string; functionError?: string; errorMessage?: string; requestId?: string } {
  switch (outcome.kind) {
    case 'result':
      return {
        text:
          'payloadRaw' in outcome
            ? String(outcome.payloadRaw)
            : (JSON.stringify(outcome.payload) ?? 'null'),
      }
    case 'error': {
      // The exact bytes when given (each runtime spells its errors its own way), else compact JSON.
      const raw = typeof outcome.payloadRaw === 'string' ? outcome.payloadRaw : undefined
      const p = raw !== undefined ? (tryParseJson(raw)?.value ?? outcome.payload) : outcome.payload
      const obj = p !== null && typeof p === 'object' && !Array.isArray(p) ? p : undefined
      const msg = obj?.errorMessage
      return {
        text: raw ?? JSON.stringify(p) ?? 'null',
        functionError: outcome.functionError || 'Unhandled',
        errorMessage: typeof msg === 'string' ? msg : msg === undefined ? '' : JSON.stringify(msg),
        requestId: typeof obj?.requestId === 'string' ? obj.requestId : undefined,
      }
    }
    case 'echo':
      return { text: payloadText === '' ? '{}' : JSON.stringify(event) }
    case 'proxyEcho':
      return {
        text: pythonJsonDumps({
          statusCode: 200,
          body: pythonJsonDumps(event),
          isBase64Encoded: false,
        }),
      }
    default:
      return { text: 'null' }
  }
}

/** What the function receives: an empty payload arrives as `{}`; `null` when not JSON. */
export function parsePayload(payloadText: string): { value: Json } | null {
  return payloadText === '' ? { value: {} } : (tryParseJson(payloadText) ?? null)
}

/** Byte size over a limit; the cheap length test skips the UTF-8 count for small text. */
function overLimit(text: string, limit = LAMBDA_PAYLOAD_LIMIT): boolean {
  return text.length * 3 > limit && utf8Length(text) > limit
}

/** `RequestId: <id> Error: Task timed out after N.NN seconds` (Lambda's own timeout report). */
const FUNCTION_TIMEOUT = /^RequestId: (\S+) Error: Task timed out after (\d+(?:\.\d+)?) seconds$/

/** How the integration request shapes the Invoke call. */
export type InvokeOptions = {
  /** Editor that produced the payload (for a not-JSON diagnostic). */
  payloadEditor?: string
  /** `X-Amz-Invocation-Type: Event`. */
  asyncInvoke?: boolean
  /** Headers set by `integration.request.header.*` mappings. */
  endpointHeaders?: HeaderPair[]
  /**
   * The payload already parsed (`{ value }`), or `null` when it is not JSON; parsed here if absent.
   */
  parsedPayload?: { value: Json } | null
}

/** Sends the Invoke payload and returns what Lambda answered (or the invoke failure). */
export function invokeLambda(
  ctx: RunContext,
  payloadText: string,
  options: InvokeOptions = {},
): StageResult<InvokeResult> {
  const { payloadEditor = 'request.body', asyncInvoke = false, endpointHeaders = [] } = options
  const { log, env, scenario } = ctx
  const outcome = scenario.lambda
  const integration = scenario.setup.method.methodIntegration
  const arn = functionArn(ctx)
  // Lambda is called in the function's own region, which the ARN names.
  const region = /^arn:[^:]+:lambda:([^:]+):/.exec(arn)?.[1] ?? env.region
  const url = `https://lambda.${region}.amazonaws.com/2015-03-31/functions/${arn}/invocations`
  const amzDate = new Date(ctx.now).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')
  log.value('Endpoint request URI', url)
  log.value(
    'Endpoint request headers',
    formatJavaMap([
      ['x-amzn-lambda-integration-tag', ctx.requestId],
      ['Authorization', '*'.repeat(100) + ctx.requestId.replace(/[^0-9a-f]/g, '').slice(-6)],
      ['X-Amz-Date', amzDate],
      ['x-amzn-apigateway-api-id', env.apiId],
      ['Accept', 'application/json'],
      ['User-Agent', 'AmazonAPIGateway_' + env.apiId],
      ...endpointHeaders,
      // A session token is always there and always pushes this log line past the 1000-character cut.
      ['X-Amz-Security-Token', securityToken(ctx.requestId)],
      ['Host', `lambda.${region}.amazonaws.com`],
      ['X-Amzn-Trace-Id', ctx.traceId],
      [
        'X-Amz-Source-Arn',
        `arn:aws:execute-api:${env.region}:${env.accountId}:${env.apiId}/${ctx.stage}/${scenario.request.method}${scenario.request.path}`,
      ],
    ]),
  )
  log.value('Endpoint request body after transformations', payloadText)
  log.add('Sending request to ' + url)

  const input = { functionArn: arn, payload: payloadText }
  const notPost =
    integration.httpMethod !== undefined && String(integration.httpMethod).toUpperCase() !== 'POST'
  const failure: InvokeFailure | undefined =
    outcome.kind === 'invokeFailure'
      ? outcome.failure
      : notPost
        ? 'integrationHttpMethodNotPost'
        : overLimit(payloadText, LAMBDA_REQUEST_LIMIT)
          ? 'payloadTooLarge'
          : undefined
  if (failure !== undefined) {
    const f = FAILURES[failure] ?? FAILURES.notFound
    const { note, ...gatewayFailure } = f
    if (failure === 'payloadTooLarge') {
      // Lambda's Invoke API answers 413 with its own error JSON (inferred log lines).
      log.add(`Received response. Status: 413, Integration latency: ${SIMULATED_LATENCY_MS} ms`)
      log.value(
        'Endpoint response body before transformations',
        JSON.stringify({ Type: 'User', message: LAMBDA_REQUEST_TOO_LARGE_TEXT }),
      )
    }
    return {
      output: { kind: 'failure', failure },
      failure: gatewayFailure,
      trace: traceEntry(
        'lambda',
        'failed',
        failure === 'timeout'
          ? 'Integration timeout (API Gateway): 504'
          : `Invoke failed: ${failure}`,
        { input, notes: [note] },
      ),
    }
  }

  // Lambda accepts only JSON (or an empty payload, which the function sees as `{}`).
  const parsed =
    options.parsedPayload !== undefined ? options.parsedPayload : parsePayload(payloadText)
  if (!parsed) {
    return {
      output: { kind: 'failure', failure: 'notFound' },
      failure: {
        type: 'INTEGRATION_FAILURE',
        status: 400,
        message: 'Could not parse request body into json',
        literalBody: true,
        errorType: 'BadRequestException',
      },
      trace: traceEntry('lambda', 'failed', 'Lambda rejected a payload that is not JSON: 400', {
        input,
        notes: [
          'Lambda’s Invoke API accepts only JSON. It rejects this payload (InvalidRequestContentException) and the client gets 400 "Could not parse request body into json" (user reports; AWS appends the JSON parser’s detail, which the lab does not reproduce).',
        ],
        diagnostics: [
          diagnostic(
            payloadEditor,
            'warning',
            'lambda.payload-not-json',
            'The Invoke payload is not JSON, so Lambda rejects the call.',
            'Add a request template for this Content-Type that produces JSON (escape values with $util.escapeJavaScript).',
          ),
        ],
      }),
    }
  }

  // An `Event` invocation is queued: Lambda answers 202 with no payload, whatever the function does.
  let answer: ReturnType<typeof responsePayload> = asyncInvoke
    ? { text: '' }
    : responsePayload(outcome, payloadText, parsed.value)
  // The response limit is the meter's `response-size` (Lambda's 6 MB unless a caller sets another).
  const responseLimit = env.meter.limits['response-size']
  if (
    overLimit(answer.text, responseLimit) &&
    env.meter.exceeds('response-size', utf8Length(answer.text))
  ) {
    // Lambda itself turns a result over its 6 MB response limit into a function error.
    // https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
    const errorMessage = `Response payload size exceeded maximum allowed payload size (${responseLimit} bytes).`
    answer = {
      text: JSON.stringify({ errorMessage, errorType: 'Function.ResponseSizeTooLarge' }),
      functionError: 'Unhandled',
      errorMessage,
    }
  }
  const timedOut =
    answer.functionError !== undefined ? FUNCTION_TIMEOUT.exec(answer.errorMessage ?? '') : null
  const lambdaRequestId = answer.requestId || timedOut?.[1] || env.nextId()
  log.add(
    `Received response. Status: ${asyncInvoke ? 202 : 200}, Integration latency: ${SIMULATED_LATENCY_MS} ms`,
  )
  const responseHeaders: HeaderPair[] = [
    ['Date', httpDate(ctx.now)],
    ['Content-Type', 'application/json'],
    ['Content-Length', String(utf8Length(answer.text))],
    ['Connection', 'keep-alive'],
    ['x-amzn-RequestId', lambdaRequestId],
  ]
  if (answer.functionError) responseHeaders.push(['X-Amz-Function-Error', answer.functionError])
  responseHeaders.push(
    ['x-amzn-Remapped-Content-Length', '0'],
    ['X-Amz-Executed-Version', '$LATEST'],
    ['X-Amzn-Trace-Id', ctx.traceId.replace('Root=', 'root=') + ';sampled=0'],
  )
  log.value('Endpoint response headers', formatJavaMap(responseHeaders))
  log.value('Endpoint response body before transformations', answer.text)

  const notes: string[] = []
  if (asyncInvoke)
    notes.push(
      'X-Amz-Invocation-Type is Event: Lambda queues the call and answers 202 with an empty payload; the function’s result or error never comes back.',
    )
  if (answer.functionError)
    notes.push(
      `The function failed: Invoke still answered 200, with X-Amz-Function-Error: ${answer.functionError}.`,
    )
  if (timedOut)
    notes.push(
      `Function timeout (Lambda): the function ran past its own configured timeout (${timedOut[2]} s). Lambda reports this as an unhandled function error (Sandbox.Timedout) with Invoke status 200 — a proxy integration answers 502, a custom one 200 with this JSON unless a selection pattern maps it. It is not API Gateway's integration timeout (timeoutInMillis ${integration.timeoutInMillis ?? 29000} ms), which alone gives 504.`,
    )
  if (outcome.kind === 'echo') notes.push('The function returns the event it received.')
  const result: InvokeResult = {
    kind: 'response',
    payloadText: answer.text,
    lambdaRequestId,
    responseHeaders,
    ...(answer.functionError !== undefined
      ? { functionError: answer.functionError, errorMessage: answer.errorMessage ?? '' }
      : {}),
  }
  return {
    output: result,
    trace: traceEntry(
      'lambda',
      'ok',
      timedOut
        ? `Function timeout (Lambda): Sandbox.Timedout after ${timedOut[2]} s`
        : answer.functionError
          ? `Function error: ${answer.errorMessage}`
          : 'Function returned a result',
      { input, output: { headers: responseHeaders, payload: answer.text }, notes },
    ),
  }
}

/**
 * Stage 4 (AWS_PROXY): validate the proxy result (else 502 "Malformed Lambda proxy response") and
 * turn it into the response.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
import type { Json } from '../../model'
import { decodeBase64, latin1 } from '../base64'
import { PROXY_RESULT_KEYS, REMAPPED_RESPONSE_HEADERS } from '../defaults'
import { firstHeader, firstMediaType, matchBinaryMediaType } from '../headers'
import type { HeaderPair } from '../headers'
import { tryParseJson } from '../json-text'
import type {
  DraftResponse,
  GatewayFailure,
  InvokeResult,
  RoutedRequest,
  RunContext,
  StageResult,
} from '../trace'
import { configurationError, diagnostic, headersJson, traceEntry } from '../trace'

const MALFORMED: GatewayFailure = {
  type: 'INTEGRATION_FAILURE',
  status: 502,
  message: 'Internal server error',
  literalBody: true,
  logLine: 'Execution failed due to configuration error: Malformed Lambda proxy response',
}

/** Function headers a proxy response never passes on as they are (endpoint-response rules). */
const DROPPED_PROXY_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'expect',
  'host',
  'proxy-authenticate',
  'trailer',
  'upgrade',
  'te',
])

/**
 * A header value as text: booleans and numbers are stringified (`proxy-headers-non-string-value-stringified`).
 */
function headerText(value: Json): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

type Parsed = {
  status: number
  headers: HeaderPair[]
  body: string
  isBase64Encoded: boolean
  /** `headers` entries dropped because multiValueHeaders already holds the same name and value. */
  duplicates: HeaderPair[]
  /** Lenient readings no recording confirms (the trace labels them uncertain). */
  uncertain: string[]
}

/** Checks a parsed result against the documented shape; returns why it is malformed. */
export function parseProxyResult(value: Json): Parsed | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return `the result is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : 'a ' + typeof value}, not an object`
  for (const key of Object.keys(value))
    if (!PROXY_RESULT_KEYS.has(key))
      return `unexpected key "${key}" (allowed: statusCode, headers, multiValueHeaders, body, isBase64Encoded)`
  let status = 200
  const sc = value.statusCode
  if (sc !== undefined && sc !== null) {
    const n =
      typeof sc === 'number'
        ? sc
        : typeof sc === 'string' && /^\d+$/.test(sc.trim())
          ? Number(sc)
          : NaN
    if (!Number.isInteger(n) || n < 100 || n > 599)
      return `statusCode ${JSON.stringify(sc)} is not an HTTP status`
    status = n
  }
  const headers: HeaderPair[] = []
  const duplicates: HeaderPair[] = []
  const uncertain: string[] = []
  const mvh = value.multiValueHeaders
  if (mvh !== undefined && mvh !== null) {
    if (typeof mvh !== 'object' || Array.isArray(mvh)) return 'multiValueHeaders is not an object'
    for (const name of Object.keys(mvh)) {
      const list = mvh[name]
      if (list === null) continue
      if (!Array.isArray(list)) return `multiValueHeaders.${name} is not a list`
      for (const item of list) {
        const text = headerText(item)
        if (text === undefined) return `multiValueHeaders.${name} holds a value that is not text`
        headers.push([name, text])
      }
    }
  }
  const h = value.headers
  if (h !== undefined && h !== null) {
    if (typeof h !== 'object' || Array.isArray(h)) return 'headers is not an object'
    for (const name of Object.keys(h)) {
      if (h[name] === null) continue
      const text = headerText(h[name]!)
      if (text === undefined) return `headers.${name} is not text`
      // Same name in both maps: one header, multiValueHeaders' values first, its casing kept.
      const lower = name.toLowerCase()
      // The same name and value in both maps appears once ("only the values from
      // multiValueHeaders will appear", set-up-lambda-proxy-integrations).
      if (headers.some(([n, v]) => n.toLowerCase() === lower && v === text)) {
        duplicates.push([name, text])
        continue
      }
      let last = -1
      for (let i = 0; i < headers.length; i++) if (headers[i]![0].toLowerCase() === lower) last = i
      if (last >= 0) headers.splice(last + 1, 0, [headers[last]![0], text])
      else headers.push([name, text])
    }
  }
  const body = value.body
  if (body !== undefined && body !== null && typeof body !== 'string') return 'body is not a string'
  const b64 = value.isBase64Encoded
  if (b64 !== undefined && b64 !== null && typeof b64 !== 'boolean')
    return 'isBase64Encoded is not a boolean'
  return { status, headers, body: body ?? '', isBase64Encoded: b64 === true, duplicates, uncertain }
}

/**
 * Readings of a proxy result that no recording of API Gateway decides. The AWS SAM CLI accepts
 * them "based on some trials" (aws-sam-cli PRs #2941 and #1263); the lab keeps the documented
 * contract and says the answer is uncertain.
 */
function leniencyDoubts(value: Json): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return []
  const out: string[] = []
  const why =
    'no recording of API Gateway decides it; the AWS SAM CLI accepts it "based on some trials" (aws-sam-cli #2941, #1263). The lab follows the documented contract.'
  if (typeof value.isBase64Encoded === 'string')
    out.push(
      `Uncertain: isBase64Encoded is the string ${JSON.stringify(value.isBase64Encoded)}, not a boolean — ${why}`,
    )
  if ('base64Encoded' in value)
    out.push(`Uncertain: the key base64Encoded (instead of isBase64Encoded) — ${why}`)
  if (typeof value.body === 'number') out.push(`Uncertain: body is a number, not a string — ${why}`)
  return out
}

/** Validates and converts the Invoke answer of a proxy integration. */
export function convertProxyResult(
  ctx: RunContext,
  routed: RoutedRequest,
  invoke: Extract<InvokeResult, { kind: 'response' }>,
): StageResult<DraftResponse> {
  const notes: string[] = []
  if (invoke.functionError !== undefined) {
    return {
      output: undefined,
      failure: {
        type: 'INTEGRATION_FAILURE',
        status: 502,
        message: 'Internal server error',
        literalBody: true,
        logLine: `Lambda execution failed with status 200 due to customer function error: ${invoke.errorMessage ?? ''}. Lambda request id: ${invoke.lambdaRequestId}`,
      },
      trace: traceEntry('integration-response', 'failed', 'Function error: 502', {
        input: invoke.payloadText,
        notes: [
          'With a proxy integration every function error becomes 502 {"message": "Internal server error"}; the error text never reaches the client.',
        ],
      }),
    }
  }
  const parsed = tryParseJson(invoke.payloadText)
  const result = parsed ? parseProxyResult(parsed.value) : 'the payload is not JSON'
  if (typeof result === 'string') {
    return {
      output: undefined,
      failure: MALFORMED,
      trace: traceEntry('integration-response', 'failed', 'Malformed Lambda proxy response: 502', {
        input: invoke.payloadText,
        notes: [`Malformed: ${result}.`, ...(parsed ? leniencyDoubts(parsed.value) : [])],
        diagnostics: [
          diagnostic(
            'lambda.payload',
            'error',
            'proxy.malformed',
            `Malformed Lambda proxy response: ${result}.`,
            'Return {"statusCode": 200, "headers": {...}, "body": "<string>"}.',
          ),
        ],
      }),
    }
  }
  if (parsed && typeof parsed.value === 'object' && parsed.value && !('statusCode' in parsed.value))
    notes.push('No statusCode: API Gateway uses 200.')
  for (const [name, value] of result.duplicates)
    notes.push(
      `headers.${name}: ${value} is also in multiValueHeaders; the pair is sent once (documented: only the multiValueHeaders values appear).`,
    )
  notes.push(...result.uncertain)

  const headers: HeaderPair[] = []
  for (const [name, value] of result.headers) {
    const lower = name.toLowerCase()
    if (DROPPED_PROXY_HEADERS.has(lower)) {
      notes.push(`Header ${name} from the function is not passed on.`)
    } else if (REMAPPED_RESPONSE_HEADERS.has(lower)) {
      headers.push(['x-amzn-Remapped-' + name, value])
      notes.push(`Header ${name} is sent as x-amzn-Remapped-${name} (inferred for proxy results).`)
    } else headers.push([name, value])
  }

  let body = result.body
  let bodyBase64: string | undefined
  if (result.isBase64Encoded) {
    const accept = firstHeader(routed.headers, 'accept')
    const mime = accept === undefined ? '' : firstMediaType(accept)
    const entry = ctx.scenario.setup.binaryMediaTypes?.length
      ? matchBinaryMediaType(mime, ctx.scenario.setup.binaryMediaTypes)
      : undefined
    if (entry === undefined) {
      notes.push(
        'isBase64Encoded is true but the first Accept media type is not a binary media type: the body is sent as the base64 text.',
      )
    } else {
      const bytes = decodeBase64(body)
      if (!bytes) {
        return {
          output: undefined,
          failure: configurationError(),
          trace: traceEntry('integration-response', 'failed', 'Body is not valid base64: 500', {
            input: invoke.payloadText,
            notes: [
              `Accept ${mime} matches binary media type ${entry}, but the body cannot be base64-decoded.`,
            ],
            diagnostics: [
              diagnostic(
                'lambda.payload',
                'error',
                'proxy.base64',
                'isBase64Encoded is true but body is not valid base64.',
              ),
            ],
          }),
        }
      }
      bodyBase64 = body
      body = latin1(bytes)
      notes.push(
        `Accept ${mime} matches binary media type ${entry}: the body is base64-decoded to bytes.`,
      )
    }
  }
  return {
    output: {
      statusCode: result.status,
      headers,
      body,
      ...(bodyBase64 !== undefined ? { bodyBase64 } : {}),
    },
    trace: traceEntry('integration-response', 'ok', `Proxy result: status ${result.status}`, {
      input: invoke.payloadText,
      output: { statusCode: result.status, headers: headersJson(headers), body },
      notes: [
        ...notes,
        'Proxy integration: integration responses, templates and method responses are not used.',
      ],
    }),
  }
}

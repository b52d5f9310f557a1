/**
 * Function errors exactly as each Lambda runtime (or Lambda itself) sends them back from Invoke:
 * key order, spacing and escaping included. Every shape below names where it comes from. All of
 * them arrive with `X-Amz-Function-Error: Unhandled` on current runtimes.
 */
import type { Json, LambdaOutcome } from '../model'
import { pythonJsonDumps, tryParseJson } from './json-text'
import type { RuntimeErrorSource } from './runtime-error-sources'

/** The managed runtimes the lab can imitate. */
export type LambdaRuntime = 'python' | 'nodejs' | 'java' | 'dotnet' | 'go' | 'ruby'

/** What went wrong. The last three come from Lambda itself, so every runtime gives the same. */
export type RuntimeErrorKind =
  'exception' | 'handlerNotFound' | 'runtimeExit' | 'responseTooLarge' | 'timeout'

export const LAMBDA_RUNTIMES: readonly { id: LambdaRuntime; label: string }[] = [
  { id: 'python', label: 'Python' },
  { id: 'nodejs', label: 'Node.js' },
  { id: 'java', label: 'Java' },
  { id: 'dotnet', label: '.NET' },
  { id: 'go', label: 'Go' },
  { id: 'ruby', label: 'Ruby' },
]

export const RUNTIME_ERROR_KINDS: readonly { id: RuntimeErrorKind; label: string }[] = [
  { id: 'exception', label: 'handler throws' },
  { id: 'handlerNotFound', label: 'handler not found' },
  { id: 'runtimeExit', label: 'runtime exits' },
  { id: 'responseTooLarge', label: 'response too large' },
  { id: 'timeout', label: 'function timeout (Lambda)' },
]

export type RuntimeErrorInput = {
  runtime: LambdaRuntime
  kind: RuntimeErrorKind
  /** The message the handler raised (only for `exception`). */
  message?: string
  /** Lambda's request id for this invocation. */
  requestId?: string
  /** The function's configured timeout in seconds (only for `timeout`). */
  timeoutSeconds?: number
}

export type RuntimeError = {
  /** The Invoke response payload, byte for byte. */
  payloadRaw: string
  /** The same payload, parsed. */
  payload: Json
  functionError: 'Unhandled'
  errorMessage: string
  /**
   * Where the shape comes from: a key of RUNTIME_ERROR_SOURCES (runtime-error-sources.ts, kept
   * apart so the page does not load the references at start).
   */
  source: RuntimeErrorSource
  /** True when `errorMessage` holds a line break (`.` in a selection pattern will not cross it). */
  multiline: boolean
}

/** The seed handler's message. */
export const SEED_ERROR_MESSAGE = 'Dummy error ...'

/** The seed handler's request id in its recorded error (any UUID; Lambda's own per call). */
export const SEED_REQUEST_ID = 'c0a6f2a4-3c1e-4b8e-9d6a-2f1e7b9c4d11'

/** Lambda's synchronous response limit, quoted in its own error text. */
const RESPONSE_LIMIT_TEXT = '6291556'

/** JSON.stringify's escaping plus Go's: `<`, `>`, `&`, U+2028 and U+2029 as \u escapes. */
function goString(s: string): string {
  return goEscape(JSON.stringify(s))
}

function goEscape(json: string): string {
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  )
}

/** A Python single-quoted literal, as the source line of a traceback shows it. */
function pythonLiteral(s: string): string {
  let out = "'"
  for (const ch of s) {
    if (ch === "'") out += "\\'"
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else out += ch
  }
  return out + "'"
}

/** .NET's pretty-printed exception JSON (two-space indent, `"key": value`, trailing newline). */
function dotnetJson(type: string, message: string, stack: string[]): string {
  const lines = [
    `  "errorType": ${JSON.stringify(type)}`,
    `  "errorMessage": ${JSON.stringify(message)}`,
  ]
  if (stack.length > 0)
    lines.push(
      '  "stackTrace": [\n' + stack.map((s) => '    ' + JSON.stringify(s)).join(',\n') + '\n  ]',
    )
  return '{\n' + lines.join(',\n') + '\n}\n'
}

/** The platform's own errors: the same for every runtime. */
function platformError(
  kind: RuntimeErrorKind,
  requestId: string,
  timeoutSeconds: number,
): { raw: string; source: RuntimeErrorSource } {
  if (kind === 'timeout')
    return {
      raw: JSON.stringify({
        errorType: 'Sandbox.Timedout',
        errorMessage: `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
      }),
      source: 'timeout',
    }
  if (kind === 'runtimeExit')
    return {
      raw: JSON.stringify({
        errorType: 'Runtime.ExitError',
        errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: exit status 1`,
      }),
      source: 'runtimeExit',
    }
  return {
    raw: JSON.stringify({
      errorMessage: `Response payload size exceeded maximum allowed payload size (${RESPONSE_LIMIT_TEXT} bytes).`,
      errorType: 'Function.ResponseSizeTooLarge',
    }),
    source: 'responseTooLarge',
  }
}

function exceptionError(
  runtime: LambdaRuntime,
  message: string,
  requestId: string,
): { raw: string; source: RuntimeErrorSource } {
  switch (runtime) {
    case 'python':
      return {
        raw: pythonJsonDumps({
          errorMessage: message,
          errorType: 'Exception',
          requestId,
          stackTrace: [
            `  File "/var/task/lambda_function.py", line 6, in lambda_handler\n    raise Exception(${pythonLiteral(message)})\n`,
          ],
        }),
        source: 'python',
      }
    case 'nodejs':
      return {
        raw: JSON.stringify({
          errorType: 'Error',
          errorMessage: message,
          // error.stack starts with "Error: <message>", so each line of the message is an entry.
          trace: [
            ...`Error: ${message}`.split('\n'),
            '    at Runtime.handler (file:///var/task/index.mjs:2:9)',
            '    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)',
          ],
        }),
        source: 'nodejs',
      }
    case 'java':
      return {
        raw: JSON.stringify({
          errorMessage: message,
          errorType: 'java.lang.RuntimeException',
          stackTrace: ['example.Handler.handleRequest(Handler.java:12)'],
        }),
        source: 'java',
      }
    case 'dotnet':
      return {
        raw: dotnetJson('Exception', message, [
          'at LambdaFunction.Function.FunctionHandler(String input, ILambdaContext context) in /src/Function.cs:line 12',
          'at lambda_method1(Closure, Stream, ILambdaContext, Stream)',
        ]),
        source: 'dotnet',
      }
    case 'go':
      return {
        raw: `{"errorMessage":${goString(message)},"errorType":"errorString"}`,
        source: 'go',
      }
    case 'ruby':
      return {
        raw: JSON.stringify({
          errorMessage: message,
          errorType: 'Function<RuntimeError>',
          stackTrace: ["/var/task/lambda_function.rb:2:in `lambda_handler'"],
        }),
        source: 'ruby',
      }
  }
}

function handlerNotFoundError(
  runtime: LambdaRuntime,
  requestId: string,
): { raw: string; source: RuntimeErrorSource } {
  switch (runtime) {
    case 'python':
      return {
        raw: pythonJsonDumps({
          errorMessage: "Handler 'lambda_handler' missing on module 'lambda_function'",
          errorType: 'Runtime.HandlerNotFound',
          requestId: '',
          stackTrace: [],
        }),
        source: 'pythonHandler',
      }
    case 'nodejs':
      return {
        raw: JSON.stringify({
          errorType: 'Runtime.HandlerNotFound',
          errorMessage: 'index.handler is undefined or not exported',
          trace: [
            'Runtime.HandlerNotFound: index.handler is undefined or not exported',
            '    at UserFunction.js.module.exports.load (file:///var/runtime/index.mjs:1238:15)',
          ],
        }),
        source: 'nodejsHandler',
      }
    case 'java':
      return {
        raw: JSON.stringify({
          errorMessage: 'Class not found: example.Handler',
          errorType: 'java.lang.ClassNotFoundException',
        }),
        source: 'javaHandler',
      }
    case 'dotnet':
      return {
        raw: dotnetJson(
          'LambdaValidationException',
          "Unable to load type 'LambdaFunction.Function' from assembly 'LambdaFunction'.",
          [],
        ),
        source: 'dotnetHandler',
      }
    case 'go':
      // A Go function is one binary: a missing handler fails the runtime itself.
      return platformError('runtimeExit', requestId, 0)
    case 'ruby':
      return {
        raw: JSON.stringify({
          errorMessage: "undefined method `lambda_handler' for #<LambdaHandler:0x000055b76ccebf98>",
          errorType: 'Init<NoMethodError>',
          stackTrace: [],
        }),
        source: 'rubyHandler',
      }
  }
}

/** Builds the error payload a runtime sends; pure, never throws. */
export function buildRuntimeError(input: RuntimeErrorInput): RuntimeError {
  const requestId = input.requestId ?? '00000000-0000-4000-8000-000000000000'
  const timeout =
    input.timeoutSeconds !== undefined && Number.isFinite(input.timeoutSeconds)
      ? Math.max(1, Math.min(900, input.timeoutSeconds))
      : 3
  const message = input.message ?? SEED_ERROR_MESSAGE
  let built: { raw: string; source: RuntimeErrorSource }
  if (input.kind === 'exception') built = exceptionError(input.runtime, message, requestId)
  else if (input.kind === 'handlerNotFound') built = handlerNotFoundError(input.runtime, requestId)
  else built = platformError(input.kind, requestId, timeout)
  const payload = tryParseJson(built.raw)?.value ?? null
  const errorMessage =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? String(payload.errorMessage ?? '')
      : ''
  return {
    payloadRaw: built.raw,
    payload,
    functionError: 'Unhandled',
    errorMessage,
    source: built.source,
    multiline: /[\n\r\u0085\u2028\u2029]/.test(errorMessage),
  }
}

/** The Lambda outcome of a runtime error: its payload, byte for byte, as the scenario holds it. */
export function buildRuntimeErrorOutcome(input: RuntimeErrorInput): LambdaOutcome {
  const e = buildRuntimeError(input)
  return {
    kind: 'error',
    functionError: e.functionError,
    payload: e.payload,
    payloadRaw: e.payloadRaw,
  }
}

/** How an error payload text is spelled, so an edited payload can keep its runtime's spelling. */
export type PayloadStyle = 'python' | 'compact' | 'dotnet' | 'go'

/** Guesses the spelling of an error payload text. */
export function detectPayloadStyle(raw: string): PayloadStyle {
  if (raw.startsWith('{\n  "')) return 'dotnet'
  if (/^\{"[^"]*": /.test(raw)) return 'python'
  if (/"errorType":"errorString"|\\u003[ce]|\\u0026/.test(raw)) return 'go'
  return 'compact'
}

/** Serialises an error payload in the given spelling (keys in their order). */
export function serializeErrorPayload(payload: Json, style: PayloadStyle): string {
  if (style === 'python') return pythonJsonDumps(payload)
  if (style === 'go') return goEscape(JSON.stringify(payload))
  if (style === 'dotnet') {
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
      return JSON.stringify(payload)
    const lines = Object.keys(payload).map((k) => {
      const v = payload[k]!
      if (Array.isArray(v) && v.length > 0)
        return `  ${JSON.stringify(k)}: [\n${v.map((x) => '    ' + JSON.stringify(x)).join(',\n')}\n  ]`
      return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`
    })
    return '{\n' + lines.join(',\n') + '\n}\n'
  }
  return JSON.stringify(payload)
}

/** Guesses which runtime produced an error payload (for the picker's initial value). */
export function detectRuntime(payload: Json, raw?: string): LambdaRuntime | undefined {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined
  if ('trace' in payload) return 'nodejs'
  if ('requestId' in payload) return 'python'
  const type = typeof payload.errorType === 'string' ? payload.errorType : ''
  if (/^(Function|Init)</.test(type)) return 'ruby'
  if (type === 'errorString') return 'go'
  if (raw !== undefined && raw.startsWith('{\n  "errorType"')) return 'dotnet'
  if (/^java\./.test(type)) return 'java'
  return undefined
}

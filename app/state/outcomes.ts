/**
 * The Lambda outcomes of the outcome × integration table, in one place.
 *
 * LOCAL LIST: the runtime error payloads below are written here for the compare view until the
 * shared module of exact runtime error payloads lands; at that point `LESSON_OUTCOMES` should be
 * built from it (only this file changes). The shapes follow what each managed runtime returns for
 * an unhandled error (`X-Amz-Function-Error: Unhandled`): Node.js `errorType`/`errorMessage`/
 * `trace`, Python and Ruby and Java `stackTrace`, Go `errorString`.
 */
import type { Json, LambdaOutcome } from '../model'

/** One row of the table. */
export type OutcomeCase = {
  /** Stable id (test ids use it). */
  id: string
  /** Row heading. */
  label: string
  lambda: LambdaOutcome
}

/** The message every error row throws: the seed article's. */
export const SEED_ERROR_MESSAGE = 'Dummy error ...'

function unhandled(payload: Json): LambdaOutcome {
  return { kind: 'error', functionError: 'Unhandled', payload }
}

const NODE_ERROR = unhandled({
  errorType: 'Error',
  errorMessage: SEED_ERROR_MESSAGE,
  trace: [
    `Error: ${SEED_ERROR_MESSAGE}`,
    '    at Runtime.handler (file:///var/task/index.mjs:2:9)',
    '    at Runtime.handleOnceNonStreaming (file:///var/runtime/index.mjs:1173:29)',
  ],
})

/** The rows, in table order. */
export const LESSON_OUTCOMES: readonly OutcomeCase[] = [
  {
    id: 'success',
    label: 'Success “Hello from Lambda!”',
    lambda: {
      kind: 'result',
      payload: { statusCode: 200, body: JSON.stringify('Hello from Lambda!') },
    },
  },
  { id: 'seed-error', label: 'Seed error “Dummy error ...” (Node.js)', lambda: NODE_ERROR },
  {
    id: 'function-timeout',
    label: 'Function timeout (Lambda stops the function)',
    lambda: unhandled({
      errorType: 'Sandbox.Timedout',
      errorMessage:
        'RequestId: 00000000-0000-4000-8000-000000000001 Error: Task timed out after 3.00 seconds',
    }),
  },
  {
    id: 'malformed-proxy',
    label: 'Malformed proxy output (body is an object)',
    lambda: { kind: 'result', payload: { statusCode: 200, body: { message: 'Hello' } } },
  },
  {
    id: 'python-error',
    label: 'Unhandled error, Python',
    lambda: unhandled({
      errorMessage: SEED_ERROR_MESSAGE,
      errorType: 'Exception',
      requestId: '00000000-0000-4000-8000-000000000001',
      stackTrace: [
        '  File "/var/task/lambda_function.py", line 2, in lambda_handler\n    raise Exception("Dummy error ...")\n',
      ],
    }),
  },
  {
    id: 'java-error',
    label: 'Unhandled error, Java',
    lambda: unhandled({
      errorMessage: SEED_ERROR_MESSAGE,
      errorType: 'java.lang.RuntimeException',
      stackTrace: ['example.Handler.handleRequest(Handler.java:12)'],
    }),
  },
  {
    id: 'ruby-error',
    label: 'Unhandled error, Ruby',
    lambda: unhandled({
      errorMessage: SEED_ERROR_MESSAGE,
      errorType: 'Function<RuntimeError>',
      stackTrace: ["/var/task/lambda_function.rb:2:in `lambda_handler'"],
    }),
  },
  {
    id: 'dotnet-error',
    label: 'Unhandled error, .NET',
    lambda: unhandled({
      errorType: 'Exception',
      errorMessage: SEED_ERROR_MESSAGE,
      stackTrace: ['at Example.Function.FunctionHandler(String input, ILambdaContext context)'],
    }),
  },
  {
    id: 'go-error',
    label: 'Unhandled error, Go',
    lambda: unhandled({ errorMessage: SEED_ERROR_MESSAGE, errorType: 'errorString' }),
  },
]

/**
 * The Lambda outcomes of the outcome × integration table, in one place. Every runtime error row
 * is built by the engine's runtime error module (`buildRuntimeError`), the one source of what each
 * managed runtime returns for an unhandled error (`X-Amz-Function-Error: Unhandled`).
 */
import {
  SEED_ERROR_MESSAGE,
  SEED_REQUEST_ID,
  buildRuntimeErrorOutcome,
  type LambdaRuntime,
  type RuntimeErrorKind,
} from '../engine/runtime-errors'
import type { LambdaOutcome } from '../model'

/** One row of the table. */
export type OutcomeCase = {
  /** Stable id (test ids use it). */
  id: string
  /** Row heading. */
  label: string
  lambda: LambdaOutcome
}

/** What `runtime` returns for `kind`, with the seed's message and request id. */
function runtimeError(runtime: LambdaRuntime, kind: RuntimeErrorKind = 'exception'): LambdaOutcome {
  return buildRuntimeErrorOutcome({
    runtime,
    kind,
    message: SEED_ERROR_MESSAGE,
    requestId: SEED_REQUEST_ID,
    timeoutSeconds: 3,
  })
}

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
  {
    id: 'seed-error',
    label: 'Seed error “Dummy error ...” (Python)',
    lambda: runtimeError('python'),
  },
  {
    id: 'function-timeout',
    label: 'Function timeout (Lambda stops the function)',
    lambda: runtimeError('python', 'timeout'),
  },
  {
    id: 'malformed-proxy',
    label: 'Malformed proxy output (body is an object)',
    lambda: { kind: 'result', payload: { statusCode: 200, body: { message: 'Hello' } } },
  },
  { id: 'nodejs-error', label: 'Unhandled error, Node.js', lambda: runtimeError('nodejs') },
  { id: 'java-error', label: 'Unhandled error, Java', lambda: runtimeError('java') },
  { id: 'ruby-error', label: 'Unhandled error, Ruby', lambda: runtimeError('ruby') },
  { id: 'dotnet-error', label: 'Unhandled error, .NET', lambda: runtimeError('dotnet') },
  { id: 'go-error', label: 'Unhandled error, Go', lambda: runtimeError('go') },
]

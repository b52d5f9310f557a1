import { useState } from 'react'
import {
  LAMBDA_RUNTIMES,
  RUNTIME_ERROR_KINDS,
  SEED_ERROR_MESSAGE,
  buildRuntimeErrorOutcome,
  detectRuntime,
} from '../../engine'
import type { LambdaRuntime, RuntimeErrorKind } from '../../engine'
import type { Json, LambdaOutcome } from '../../model'
import { formatJson } from '../common/json-text'
import { BoundEditor } from '../editors/BoundEditor'

type ErrorOutcome = Extract<LambdaOutcome, { kind: 'error' }>

function readField(payload: Json, key: string): string {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return ''
  const value = payload[key]
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Which kind of error a payload is, from its errorType. */
function detectKind(payload: Json): RuntimeErrorKind {
  const type = readField(payload, 'errorType')
  if (type === 'Sandbox.Timedout') return 'timeout'
  if (type === 'Runtime.ExitError') return 'runtimeExit'
  if (type === 'Function.ResponseSizeTooLarge') return 'responseTooLarge'
  if (/HandlerNotFound|ClassNotFound|LambdaValidationException|^Init</.test(type))
    return 'handlerNotFound'
  return 'exception'
}

/**
 * Writes the error payload exactly as the chosen runtime sends it (key order, spacing, stack
 * field), or as Lambda itself reports a timeout, a runtime exit or a too-large response.
 */
function RuntimePicker(props: { outcome: ErrorOutcome; onOutcome: (next: LambdaOutcome) => void }) {
  const { outcome } = props
  // What the payload itself shows wins (a preset or a link may change it); else the last pick.
  const [picked, setRuntime] = useState<LambdaRuntime>('python')
  const runtime = detectRuntime(outcome.payload, outcome.payloadRaw) ?? picked
  const kind = detectKind(outcome.payload)
  const message = readField(outcome.payload, 'errorMessage')
  const seconds = /Task timed out after (\d+(?:\.\d+)?) seconds/.exec(message)?.[1]
  const [chosenTimeout, setTimeoutSeconds] = useState<number>(3)
  const timeout = seconds ? Number(seconds) : chosenTimeout
  const write = (nextRuntime: LambdaRuntime, nextKind: RuntimeErrorKind, nextTimeout: number) => {
    const id = readField(outcome.payload, 'requestId')
    const fromTimeout = /^RequestId: (\S+) /.exec(message)?.[1]
    const requestId = UUID.test(id)
      ? id
      : fromTimeout && UUID.test(fromTimeout)
        ? fromTimeout
        : undefined
    props.onOutcome(
      buildRuntimeErrorOutcome({
        runtime: nextRuntime,
        kind: nextKind,
        message: kind === 'exception' && message !== '' ? message : SEED_ERROR_MESSAGE,
        ...(requestId ? { requestId } : {}),
        timeoutSeconds: nextTimeout,
      }),
    )
  }
  return (
    <div className="field-row" data-testid="lambda.runtime-picker">
      <label className="field">
        <span>Runtime</span>
        <select
          data-testid="lambda.runtime"
          value={runtime}
          onChange={(e) => {
            const next = e.target.value as LambdaRuntime
            setRuntime(next)
            write(next, kind, timeout)
          }}
        >
          {LAMBDA_RUNTIMES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Error</span>
        <select
          data-testid="lambda.error-kind"
          value={kind}
          onChange={(e) => write(runtime, e.target.value as RuntimeErrorKind, timeout)}
        >
          {RUNTIME_ERROR_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {kind === 'timeout' && (
        <label className="field">
          <span>Function timeout (s)</span>
          <input
            type="number"
            min={1}
            max={900}
            data-testid="lambda.function-timeout"
            value={timeout}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value))
              if (!Number.isFinite(n) || n < 1 || n > 900) return
              setTimeoutSeconds(n)
              write(runtime, kind, n)
            }}
          />
        </label>
      )}
    </div>
  )
}

/** The thrown error: a multi-line errorMessage, its type, and the whole payload as JSON. */
export function ErrorFields(props: {
  outcome: ErrorOutcome
  seed: number
  onField: (key: string, value: Json) => void
  onFunctionError: (value: string) => void
  onPayloadText: (text: string) => void
  onOutcome: (next: LambdaOutcome) => void
}) {
  const { outcome } = props
  const message = readField(outcome.payload, 'errorMessage')
  const lineCount = message.split('\n').length
  return (
    <>
      <RuntimePicker outcome={outcome} onOutcome={props.onOutcome} />
      {detectKind(outcome.payload) === 'timeout' && (
        <p className="hint" data-testid="lambda.function-timeout-hint">
          Function timeout (Lambda): an unhandled function error, so a proxy integration answers 502
          and a custom one 200 with this JSON unless a selection pattern maps it. Only API
          Gateway&apos;s integration timeout (Invoke failure) gives 504.
        </p>
      )}
      <label className="field">
        <span>
          errorMessage{' '}
          <span className="hint">
            ({lineCount} {lineCount === 1 ? 'line' : 'lines'}, {message.length} characters;
            selection patterns must match all of it)
          </span>
        </span>
        <textarea
          className="code-input"
          data-testid="lambda.error-message"
          rows={Math.min(8, Math.max(2, lineCount))}
          spellCheck={false}
          value={message}
          onChange={(e) => props.onField('errorMessage', e.target.value)}
        />
      </label>
      <div className="field-row">
        <label className="field grow">
          <span>errorType</span>
          <input
            data-testid="lambda.error-type"
            spellCheck={false}
            value={readField(outcome.payload, 'errorType')}
            onChange={(e) => props.onField('errorType', e.target.value)}
          />
        </label>
        <label className="field">
          <span>X-Amz-Function-Error</span>
          <select
            data-testid="lambda.function-error"
            value={outcome.functionError ?? 'Unhandled'}
            onChange={(e) => props.onFunctionError(e.target.value)}
          >
            <option>Unhandled</option>
            <option>Handled</option>
          </select>
        </label>
      </div>
      <div className="field">
        <span className="label">
          Whole error payload (JSON
          {outcome.payloadRaw !== undefined ? ', exactly the bytes Lambda returns' : ''})
        </span>
        <BoundEditor
          editorId="lambda.payload"
          testId="editor.lambda-payload"
          ariaLabel="Function error payload"
          language="json"
          jsonSchema="lambda-error"
          localSeed={props.seed}
          minLines={3}
          maxLines={14}
          value={outcome.payloadRaw ?? formatJson(outcome.payload)}
          onChange={props.onPayloadText}
        />
      </div>
    </>
  )
}

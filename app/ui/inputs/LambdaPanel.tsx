import { useRef, useState } from 'react'
import { buildRuntimeErrorOutcome, detectPayloadStyle, serializeErrorPayload } from '../../engine'
import type { InvokeFailure, Json, LambdaOutcome } from '../../model'
import { selectIntegrationType } from '../../state/selectors'
import { writeObjectField } from '../../state/scenario-edit'
import { useAppStore } from '../../state/store'
import { formatJson, parseJsonText } from '../common/json-text'
import { Panel } from '../common/Panel'
import { BoundEditor } from '../editors/BoundEditor'
import { ErrorFields } from './ErrorFields'

type Kind = LambdaOutcome['kind']

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'result', label: 'returns' },
  { kind: 'error', label: 'throws' },
  { kind: 'invokeFailure', label: 'fails' },
  { kind: 'echo', label: 'echoes the event' },
]

const FAILURES: { failure: InvokeFailure; label: string }[] = [
  { failure: 'timeout', label: 'integration timeout (API Gateway, timeoutInMillis) → 504' },
  { failure: 'accessDenied', label: 'access denied (no invoke permission)' },
  { failure: 'throttled', label: 'throttled (TooManyRequestsException)' },
  { failure: 'notFound', label: 'function not found' },
  { failure: 'payloadTooLarge', label: 'payload too large' },
  { failure: 'integrationHttpMethodNotPost', label: 'integration method is not POST' },
]

/** What a kind starts as when the person first picks it. */
function createOutcome(kind: Kind): LambdaOutcome {
  switch (kind) {
    case 'result':
      return { kind, payload: { statusCode: 200, body: JSON.stringify('Hello from Lambda!') } }
    case 'error':
      // The seed's Python handler error, exactly as the Python runtime sends it.
      return buildRuntimeErrorOutcome({ runtime: 'python', kind: 'exception' })
    case 'invokeFailure':
      return { kind, failure: 'timeout' }
    default:
      return { kind }
  }
}

/** What the Lambda Invoke call gives back: a result, an error, or an invoke failure. */
export function LambdaPanel() {
  const lambda = useAppStore((s) => s.scenario.lambda)
  const isProxy = useAppStore(selectIntegrationType) === 'AWS_PROXY'
  const editScenario = useAppStore((s) => s.editScenario)
  const setParseDiagnostics = useAppStore((s) => s.setParseDiagnostics)
  /** The last outcome of each kind, so switching back and forth loses nothing. */
  const memory = useRef<Partial<Record<Kind, LambdaOutcome>>>({})
  const [seed, setSeed] = useState(0)

  const setOutcome = (next: LambdaOutcome) =>
    editScenario((d) => {
      d.lambda = next
    })

  const pickKind = (kind: Kind) => {
    memory.current[lambda.kind] = lambda
    setParseDiagnostics('lambda.payload', [])
    setOutcome(memory.current[kind] ?? createOutcome(kind))
  }

  const setPayloadText = (text: string) => {
    if (lambda.kind === 'result' && 'payloadRaw' in lambda) {
      setOutcome({ kind: 'result', payloadRaw: text })
      return
    }
    const parsed = parseJsonText(text, 'lambda.payload')
    setParseDiagnostics('lambda.payload', parsed.ok ? [] : [parsed.diagnostic])
    if (!parsed.ok) return
    // An error with exact bytes keeps what was typed, byte for byte.
    if (lambda.kind === 'error')
      setOutcome(
        lambda.payloadRaw !== undefined
          ? { ...lambda, payload: parsed.value, payloadRaw: text }
          : { ...lambda, payload: parsed.value },
      )
    else setOutcome({ kind: 'result', payload: parsed.value })
  }

  const setErrorField = (key: string, value: Json) => {
    if (lambda.kind !== 'error') return
    const payload = writeObjectField(lambda.payload, key, value)
    // Exact bytes stay in their runtime's spelling (Python spacing, .NET indentation, ...).
    setOutcome(
      lambda.payloadRaw !== undefined
        ? {
            ...lambda,
            payload,
            payloadRaw: serializeErrorPayload(payload, detectPayloadStyle(lambda.payloadRaw)),
          }
        : { ...lambda, payload },
    )
    setParseDiagnostics('lambda.payload', [])
    setSeed((n) => n + 1)
  }

  const isRaw = lambda.kind === 'result' && 'payloadRaw' in lambda
  const toggleRaw = (raw: boolean) => {
    if (lambda.kind !== 'result') return
    setParseDiagnostics('lambda.payload', [])
    if (raw && 'payload' in lambda)
      setOutcome({ kind: 'result', payloadRaw: JSON.stringify(lambda.payload) })
    if (!raw && 'payloadRaw' in lambda) {
      const parsed = parseJsonText(lambda.payloadRaw, 'lambda.payload')
      setOutcome({ kind: 'result', payload: parsed.ok ? parsed.value : lambda.payloadRaw })
    }
    setSeed((n) => n + 1)
  }

  const kindValue: Kind = lambda.kind === 'proxyEcho' ? 'echo' : lambda.kind
  return (
    <Panel title="Lambda outcome" testId="panel.lambda">
      <fieldset className="segmented" data-testid="lambda.kind">
        <legend>The function</legend>
        {KINDS.map((k) => (
          <label key={k.kind} className={kindValue === k.kind ? 'selected' : ''}>
            <input
              type="radio"
              name="lambda-kind"
              checked={kindValue === k.kind}
              data-testid={`lambda.kind.${k.kind}`}
              onChange={() => pickKind(k.kind)}
            />
            {k.label}
          </label>
        ))}
      </fieldset>

      {lambda.kind === 'result' && (
        <>
          <label className="check">
            <input type="checkbox" checked={isRaw} onChange={(e) => toggleRaw(e.target.checked)} />
            Raw bytes (not JSON)
          </label>
          <p className="hint">
            {isProxy
              ? 'Proxy integration: the result must be {statusCode, headers, multiValueHeaders, body, isBase64Encoded} with body a string.'
              : 'Custom integration: the result is the integration response body as is.'}
          </p>
          <BoundEditor
            editorId="lambda.payload"
            testId="editor.lambda-payload"
            ariaLabel="Function result"
            language={isRaw ? 'plaintext' : 'json'}
            jsonSchema={isProxy && !isRaw ? 'proxy-result' : undefined}
            localSeed={seed}
            minLines={4}
            maxLines={16}
            value={'payloadRaw' in lambda ? lambda.payloadRaw : formatJson(lambda.payload)}
            onChange={setPayloadText}
          />
        </>
      )}

      {lambda.kind === 'error' && (
        <ErrorFields
          outcome={lambda}
          seed={seed}
          onField={setErrorField}
          onFunctionError={(functionError) => setOutcome({ ...lambda, functionError })}
          onOutcome={(next) => {
            setParseDiagnostics('lambda.payload', [])
            setOutcome(next)
            setSeed((n) => n + 1)
          }}
          onPayloadText={setPayloadText}
        />
      )}

      {lambda.kind === 'invokeFailure' && (
        <label className="field">
          <span>Invoke failure</span>
          <select
            data-testid="lambda.failure"
            value={lambda.failure}
            onChange={(e) =>
              setOutcome({ kind: 'invokeFailure', failure: e.target.value as InvokeFailure })
            }
          >
            {FAILURES.map((f) => (
              <option key={f.failure} value={f.failure}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
      )}

      {(lambda.kind === 'echo' || lambda.kind === 'proxyEcho') && (
        <label className="check">
          <input
            type="checkbox"
            data-testid="lambda.proxy-echo"
            checked={lambda.kind === 'proxyEcho'}
            onChange={(e) => setOutcome({ kind: e.target.checked ? 'proxyEcho' : 'echo' })}
          />
          Wrap the event as a proxy response ({'{'}statusCode: 200, body: event{'}'})
        </label>
      )}
    </Panel>
  )
}

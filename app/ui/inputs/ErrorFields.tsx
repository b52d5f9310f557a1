import type { Json, LambdaOutcome } from '../../model'
import { formatJson } from '../common/json-text'
import { BoundEditor } from '../editors/BoundEditor'

type ErrorOutcome = Extract<LambdaOutcome, { kind: 'error' }>

function readField(payload: Json, key: string): string {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return ''
  const value = payload[key]
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)
}

/** The thrown error: a multi-line errorMessage, its type, and the whole payload as JSON. */
export function ErrorFields(props: {
  outcome: ErrorOutcome
  seed: number
  onField: (key: string, value: Json) => void
  onFunctionError: (value: string) => void
  onPayloadText: (text: string) => void
}) {
  const { outcome } = props
  const message = readField(outcome.payload, 'errorMessage')
  const lineCount = message.split('\n').length
  return (
    <>
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
        <span className="label">Whole error payload (JSON)</span>
        <BoundEditor
          editorId="lambda.payload"
          testId="editor.lambda-payload"
          ariaLabel="Function error payload"
          language="json"
          jsonSchema="lambda-error"
          localSeed={props.seed}
          minLines={3}
          maxLines={14}
          value={formatJson(outcome.payload)}
          onChange={props.onPayloadText}
        />
      </div>
    </>
  )
}

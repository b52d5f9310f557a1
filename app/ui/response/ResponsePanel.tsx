import { useAppStore } from '../../state/store'
import type { AppState } from '../../state/types'
import { Panel } from '../common/Panel'
import { LongText } from '../common/LongText'

function statusClass(code: number): string {
  if (code >= 500) return 'status-5xx'
  if (code >= 400) return 'status-4xx'
  if (code >= 300) return 'status-3xx'
  return 'status-2xx'
}

function ResponseBody(props: { body: string; view: 'pretty' | 'raw' }) {
  const pretty = useAppStore((s) => s.display?.bodyPretty ?? props.body)
  const clipped = useAppStore((s) => s.display?.clipped)
  const view = props.view === 'pretty'
  return (
    <LongText
      className="body"
      testId="response.body"
      label="Response body"
      text={view ? pretty : props.body}
      fullLength={clipped?.[view ? 'bodyPretty' : 'response.body']}
      emptyText="(empty body)"
    />
  )
}

/** Editors whose text does not parse, so the scenario still holds their last valid value. */
function selectUnappliedEditors(s: AppState): string {
  return Object.entries(s.parseDiagnostics)
    .filter(([, list]) => list.some((d) => d.code === 'json.syntax'))
    .map(([editorId]) => (editorId === 'lambda.payload' ? 'the Lambda outcome JSON' : editorId))
    .join(', ')
}

/** What the HTTP client receives: status, headers in order, body pretty or raw. */
export function ResponsePanel() {
  const response = useAppStore((s) => s.simulation?.response)
  const pending = useAppStore((s) => s.pending)
  const bodyView = useAppStore((s) => s.bodyView)
  const setBodyView = useAppStore((s) => s.setBodyView)
  const unapplied = useAppStore(selectUnappliedEditors)
  const toggle = (
    <fieldset className="segmented small">
      <legend className="visually-hidden">Body view</legend>
      {(['pretty', 'raw'] as const).map((v) => (
        <label key={v} className={bodyView === v ? 'selected' : ''}>
          <input
            type="radio"
            name="body-view"
            checked={bodyView === v}
            data-testid={`response.view.${v}`}
            onChange={() => setBodyView(v)}
          />
          {v}
        </label>
      ))}
    </fieldset>
  )
  return (
    <Panel title="Client response" testId="panel.response" actions={toggle}>
      {unapplied !== '' && (
        <p className="stale-note" data-testid="response.stale">
          Showing the result of the last valid input: {unapplied} does not parse yet.
        </p>
      )}
      <div aria-live="polite" aria-busy={pending}>
        {!response ? (
          <p className="hint" data-testid="response.pending">
            {pending ? 'Simulating…' : 'The simulation did not finish within its time budget.'}
          </p>
        ) : (
          <>
            <p className="status-line">
              <span
                className={`status-badge ${statusClass(response.statusCode)}`}
                data-testid="response.status"
              >
                {response.statusCode}
              </span>
            </p>
            <table className="headers" data-testid="response.headers">
              <caption className="visually-hidden">Response headers</caption>
              <tbody>
                {response.headers.map(([name, value], i) => (
                  <tr key={i}>
                    <th scope="row">{name}</th>
                    <td>{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ResponseBody body={response.body} view={bodyView} />
          </>
        )}
      </div>
    </Panel>
  )
}

import { useAppStore } from '../../state/store'
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
  return (
    <LongText
      className="body"
      testId="response.body"
      label="Response body"
      text={props.view === 'pretty' ? pretty : props.body}
    />
  )
}

/** What the HTTP client receives: status, headers in order, body pretty or raw. */
export function ResponsePanel() {
  const response = useAppStore((s) => s.simulation?.response)
  const pending = useAppStore((s) => s.pending)
  const bodyView = useAppStore((s) => s.bodyView)
  const setBodyView = useAppStore((s) => s.setBodyView)
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

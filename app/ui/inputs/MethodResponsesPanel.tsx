import type { MethodResponse } from '../../model'
import { findFreeStatus } from '../../state/scenario-edit'
import { useAppStore } from '../../state/store'
import { Panel } from '../common/Panel'

/** Header names a method response declares, as "X-A, X-B" text. */
function formatDeclaredHeaders(response: MethodResponse): string {
  return Object.keys(response.responseParameters ?? {})
    .map((k) => k.replace(/^method\.response\.header\./, ''))
    .join(', ')
}

function parseDeclaredHeaders(text: string): Record<string, boolean> | undefined {
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
  if (names.length === 0) return undefined
  return Object.fromEntries(names.map((n) => [`method.response.header.${n}`, false]))
}

/** The method responses: which status codes (and headers) the method declares. */
export function MethodResponsesPanel() {
  const responses = useAppStore((s) => s.scenario.setup.method.methodResponses)
  const editScenario = useAppStore((s) => s.editScenario)
  const current = responses ?? {}
  const write = (next: Record<string, MethodResponse>) =>
    editScenario((d) => {
      d.setup.method.methodResponses = next
    })
  return (
    <Panel title="Method responses" testId="panel.method-responses">
      <table className="compact">
        <caption className="visually-hidden">Declared method responses</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Declared headers</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(current).map(([status, response]) => (
            <tr key={status} data-testid={`method-response.${status}`}>
              <th scope="row">{status}</th>
              <td>
                <label className="field">
                  <span className="visually-hidden">Declared headers of {status}</span>
                  <input
                    spellCheck={false}
                    placeholder="X-Error-Type, ..."
                    data-testid={`method-response.${status}.headers`}
                    value={formatDeclaredHeaders(response)}
                    onChange={(e) => {
                      const responseParameters = parseDeclaredHeaders(e.target.value)
                      const next: MethodResponse = { statusCode: response.statusCode }
                      if (responseParameters) next.responseParameters = responseParameters
                      if (response.responseModels) next.responseModels = response.responseModels
                      write({ ...current, [status]: next })
                    }}
                  />
                </label>
              </td>
              <td>
                <button
                  type="button"
                  className="quiet"
                  aria-label={`Remove method response ${status}`}
                  onClick={() => {
                    const { [status]: _removed, ...rest } = current
                    write(rest)
                  }}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddStatus
        onAdd={(status) => write({ ...current, [status]: { statusCode: status } })}
        suggestion={findFreeStatus(current)}
      />
    </Panel>
  )
}

function AddStatus(props: { suggestion: string; onAdd: (status: string) => void }) {
  return (
    <button type="button" className="quiet" onClick={() => props.onAdd(props.suggestion)}>
      Add method response {props.suggestion}
    </button>
  )
}

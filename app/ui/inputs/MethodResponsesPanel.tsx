import { useId, useState } from 'react'
import type { MethodResponse } from '../../model'
import { findFreeStatus, renameStatusEntry } from '../../state/scenario-edit'
import { useAppStore } from '../../state/store'
import { CommitInput } from '../common/CommitInput'
import { keepFocusAcrossRename } from '../common/focus'
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

/** One method response: its status (renamed on commit) and the headers it declares. */
function MethodResponseRow(props: {
  status: string
  response: MethodResponse
  onRename: (to: string) => string | undefined
  onChange: (next: MethodResponse) => void
  onRemove: () => void
}) {
  const { status, response } = props
  const [message, setMessage] = useState<string | undefined>(undefined)
  const messageId = useId()
  const prefix = `method-response.${status}`
  return (
    <>
      <tr data-testid={prefix}>
        <td>
          <CommitInput
            hideLabel
            label={`Status code of method response ${status}`}
            testId={`${prefix}.status`}
            size={4}
            value={status}
            onCommit={props.onRename}
            messageId={messageId}
            onMessage={setMessage}
          />
        </td>
        <td>
          <label className="field">
            <span className="visually-hidden">Declared headers of {status}</span>
            <input
              spellCheck={false}
              placeholder="X-Error-Type, ..."
              data-testid={`${prefix}.headers`}
              value={formatDeclaredHeaders(response)}
              onChange={(e) => {
                const responseParameters = parseDeclaredHeaders(e.target.value)
                const next: MethodResponse = { statusCode: response.statusCode }
                if (responseParameters) next.responseParameters = responseParameters
                if (response.responseModels) next.responseModels = response.responseModels
                props.onChange(next)
              }}
            />
          </label>
        </td>
        <td>
          <button
            type="button"
            className="quiet"
            aria-label={`Remove method response ${status}`}
            onClick={props.onRemove}
          >
            Remove
          </button>
        </td>
      </tr>
      {message !== undefined && (
        <tr>
          <td colSpan={3}>
            <p
              className="field-error"
              id={messageId}
              role="alert"
              data-testid={`${prefix}.status.error`}
            >
              {message}
            </p>
          </td>
        </tr>
      )}
    </>
  )
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
  const rename = (status: string, to: string) => {
    const renamed = renameStatusEntry(current, status, to, 'method response')
    if (!renamed.ok) return renamed.message
    if (renamed.entries !== current) {
      keepFocusAcrossRename(
        `method-response.${status}.status`,
        `method-response.${to.trim()}.status`,
      )
      write(renamed.entries)
    }
    return undefined
  }
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
            <MethodResponseRow
              key={status}
              status={status}
              response={response}
              onRename={(to) => rename(status, to)}
              onChange={(next) => write({ ...current, [status]: next })}
              onRemove={() => {
                const { [status]: _removed, ...rest } = current
                write(rest)
              }}
            />
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

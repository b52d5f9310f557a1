import type { Diagnostic } from '../../model'
import { formatHeaderLines, parseHeaderLines } from '../../state/scenario-edit'
import { useAppStore } from '../../state/store'
import { Panel } from '../common/Panel'
import { BoundEditor } from '../editors/BoundEditor'

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']

/** Offsets of each 1-based line, for placing a diagnostic on a line. */
function spanOfLine(text: string, line: number) {
  const lines = text.split('\n')
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0)
  return { start, end: start + (lines[line - 1]?.length ?? 0) }
}

/** JSON highlighting when the body is (or, with no Content-Type, is taken as) JSON. */
function bodyLanguage(
  headers: Record<string, string | string[]> | undefined,
): 'json' | 'plaintext' {
  const value = Object.entries(headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1]
  const contentType = Array.isArray(value) ? value[0] : value
  return contentType === undefined || /json/i.test(contentType) ? 'json' : 'plaintext'
}

/** The API method (resource and verb) and the client's request. */
export function RequestPanel() {
  // The two fields shown, not the method: editing its integration must not re-render this panel.
  const httpMethod = useAppStore((s) => s.scenario.setup.method.httpMethod)
  const resourcePath = useAppStore((s) => s.scenario.setup.method.resourcePath)
  const request = useAppStore((s) => s.scenario.request)
  const editScenario = useAppStore((s) => s.editScenario)
  const setParseDiagnostics = useAppStore((s) => s.setParseDiagnostics)

  const setHeaders = (text: string) => {
    const { headers, badLines } = parseHeaderLines(text)
    const diagnostics: Diagnostic[] = badLines.map((line) => ({
      source: 'request.headers',
      severity: 'error',
      code: 'headers.syntax',
      message: `Line ${line} is not "Name: value"; it is ignored.`,
      span: spanOfLine(text, line),
    }))
    setParseDiagnostics('request.headers', diagnostics)
    editScenario((draft) => {
      if (Object.keys(headers).length === 0) delete draft.request.headers
      else draft.request.headers = headers
    })
  }

  return (
    <Panel title="Method and client request" testId="panel.request">
      <h3 className="subhead">The API's method</h3>
      <div className="field-row">
        <label className="field">
          <span>HTTP method</span>
          <select
            data-testid="method.http-method"
            value={httpMethod}
            onChange={(e) =>
              editScenario((d) => {
                d.setup.method.httpMethod = e.target.value
              })
            }
          >
            {['ANY', ...HTTP_METHODS].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Resource path</span>
          <input
            data-testid="method.resource-path"
            value={resourcePath}
            spellCheck={false}
            onChange={(e) =>
              editScenario((d) => {
                d.setup.method.resourcePath = e.target.value
              })
            }
          />
        </label>
      </div>
      <h3 className="subhead">What the client sends</h3>
      <div className="field-row">
        <label className="field">
          <span>Method</span>
          <select
            data-testid="request.method"
            value={request.method}
            onChange={(e) =>
              editScenario((d) => {
                d.request.method = e.target.value
              })
            }
          >
            {HTTP_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Path</span>
          <input
            data-testid="request.path"
            value={request.path}
            spellCheck={false}
            onChange={(e) =>
              editScenario((d) => {
                d.request.path = e.target.value
              })
            }
          />
        </label>
        <label className="field grow">
          <span>Query string</span>
          <input
            data-testid="request.query"
            value={request.query ?? ''}
            placeholder="a=1&b=2"
            spellCheck={false}
            onChange={(e) =>
              editScenario((d) => {
                if (e.target.value === '') delete d.request.query
                else d.request.query = e.target.value
              })
            }
          />
        </label>
      </div>
      <div className="field">
        <span className="label">Headers (one “Name: value” per line)</span>
        <BoundEditor
          editorId="request.headers"
          testId="editor.request-headers"
          ariaLabel="Request headers"
          placeholder="Content-Type: application/json"
          language="plaintext"
          minLines={2}
          maxLines={8}
          value={formatHeaderLines(request.headers)}
          onChange={setHeaders}
        />
      </div>
      <div className="field">
        <span className="label">Body</span>
        <BoundEditor
          editorId="request.body"
          testId="editor.request-body"
          ariaLabel="Request body"
          placeholder="(no body)"
          language={bodyLanguage(request.headers)}
          minLines={2}
          maxLines={12}
          value={request.body ?? ''}
          onChange={(text) =>
            editScenario((d) => {
              if (text === '') delete d.request.body
              else d.request.body = text
            })
          }
        />
      </div>
    </Panel>
  )
}

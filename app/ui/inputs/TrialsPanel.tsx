import { useAppStore } from '../../state/store'
import { Panel } from '../common/Panel'

/** Shows a message on one line, with its line breaks made visible. */
function showMessage(message: string): string {
  return message.replace(/\n/g, '⏎')
}

/** Tries many errorMessages at once against the same integration responses. */
export function TrialsPanel() {
  const text = useAppStore((s) => s.trialMessages)
  const setText = useAppStore((s) => s.setTrialMessages)
  const trials = useAppStore((s) => s.trials)
  const isProxy = useAppStore((s) => s.scenario.setup.method.methodIntegration.type === 'AWS_PROXY')
  return (
    <Panel title="Try other error messages" testId="panel.trials">
      <label className="field">
        <span>errorMessages the function might throw, separated by a line holding only ---</span>
        <textarea
          className="code-input"
          data-testid="trials.input"
          rows={4}
          spellCheck={false}
          placeholder={'Dummy error: disk full\n---\nValidation failed:\nname is required'}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {isProxy && trials.length > 0 && (
        <p className="hint">Lambda proxy: every thrown error becomes a 502.</p>
      )}
      {trials.length > 0 && (
        <table className="compact" data-testid="trials.results">
          <caption className="visually-hidden">What each message leads to</caption>
          <thead>
            <tr>
              <th scope="col">errorMessage</th>
              <th scope="col">Integration response</th>
              <th scope="col">Client status</th>
            </tr>
          </thead>
          <tbody>
            {trials.map((t, i) => (
              <tr key={i} data-testid={`trials.row.${i}`}>
                <td>
                  <code>{showMessage(t.message)}</code>
                </td>
                <td data-testid={`trials.row.${i}.selected`}>{t.selected ?? '—'}</td>
                <td data-testid={`trials.row.${i}.status`}>{t.statusCode}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  )
}

import { Suspense, lazy, useDeferredValue } from 'react'
import { useAppStore } from '../../state/store'
import { Panel } from '../common/Panel'
import { MatrixSources } from '../matrix/MatrixSources'
import '../matrix/matrix.css'

/** Loaded on first use, so the page's first chunk does not carry it. */
const MatrixTable = lazy(() =>
  import('../matrix/MatrixTable').then((m) => ({ default: m.MatrixTable })),
)

/**
 * Tries many errorMessages at once: the outcome matrix. Each message goes through the three
 * integrations and against each rule, in the worker (see worker/run-lesson.ts).
 */
export function TrialsPanel() {
  const text = useAppStore((s) => s.trialMessages)
  const setText = useAppStore((s) => s.setTrialMessages)
  const answer = useDeferredValue(useAppStore((s) => s.matrix))
  const current = useAppStore((s) =>
    s.scenario.setup.method.methodIntegration.type === 'AWS_PROXY' ? 'proxy' : 'custom-rules',
  )
  const matrix = text !== '' && answer?.kind === 'ok' ? answer.result : undefined
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
      <MatrixSources />
      {text !== '' && answer?.kind === 'stopped' && (
        <p className="hint" data-testid="matrix.stopped">
          The matrix stopped: it exceeded its time budget (a pattern backtracks badly on some
          message). Edit the messages or the patterns to run it again.
        </p>
      )}
      {matrix && answer?.kind === 'ok' && (
        <>
          <p className="hint" data-testid="matrix.summary">
            {matrix.rows.length} messages × {matrix.rules.length} rules, computed in the worker in{' '}
            <span data-testid="matrix.elapsed">{answer.elapsedMs.toFixed(1)}</span> ms
            {matrix.omitted > 0 ? ` (${matrix.omitted} more left out)` : ''}.
            {current === 'proxy' ? ' Lambda proxy: every thrown error becomes a 502.' : ''}
          </p>
          <Suspense fallback={null}>
            <MatrixTable matrix={matrix} current={current} />
          </Suspense>
        </>
      )}
    </Panel>
  )
}

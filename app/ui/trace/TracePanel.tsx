import { memo, useDeferredValue, useMemo } from 'react'
import type { Json, RuleEvaluation, TraceEntry } from '../../model'
import { useAppStore } from '../../state/store'
import { LongText } from '../common/LongText'
import { Panel } from '../common/Panel'
import { STAGE_LABELS } from '../common/stages'
import { StageWhy } from './StageWhy'

function JsonBlock(props: { title: string; stage: string; value: Json | undefined }) {
  const { value } = props
  const text = useMemo(
    () =>
      value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2),
    [value],
  )
  if (value === undefined) return null
  return (
    <div className="trace-io">
      <p className="io-title">{props.title}</p>
      <LongText label={`${props.stage} ${props.title.toLowerCase()}`} text={text} />
    </div>
  )
}

function RuleTable(props: { rules: RuleEvaluation[] }) {
  return (
    <table className="compact rule-evaluations">
      <caption>Selection patterns, in the order tried</caption>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Pattern</th>
          <th scope="col">Outcome</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {props.rules.map((r) => (
          <tr key={r.statusCode} className={r.selected ? 'rule-selected' : ''}>
            <th scope="row">{r.statusCode}</th>
            <td>
              <code>{r.selectionPattern === '' ? '(default)' : r.selectionPattern}</code>
            </td>
            <td>
              {r.outcome}
              {r.selected ? ' — selected' : ''}
            </td>
            <td>{r.explanation ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** One stage; memoised because a new simulation often repeats most entries' content. */
const TraceStage = memo(function TraceStage({
  entry,
  proxy,
}: {
  entry: TraceEntry
  proxy: boolean
}) {
  return (
    <li className={`trace-stage stage-${entry.status}`} id={`trace-${entry.stage}`}>
      <details open={entry.status !== 'skipped'} data-testid={`trace.stage.${entry.stage}`}>
        <summary>
          <span className="stage-name">{STAGE_LABELS[entry.stage]}</span>{' '}
          <span className={`badge badge-stage-${entry.status}`}>{entry.status}</span>{' '}
          <span className="stage-summary">{entry.summary}</span>
        </summary>
        <StageWhy stage={entry.stage} proxy={proxy} />
        {entry.notes.length > 0 && (
          <ul className="notes">
            {entry.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
        {entry.rules && entry.rules.length > 0 && <RuleTable rules={entry.rules} />}
        {entry.diagnostics.length > 0 && (
          <ul className="notes diagnostics">
            {entry.diagnostics.map((d, i) => (
              <li key={i} className={`diagnostic diagnostic-${d.severity}`}>
                {d.source}: {d.message}
              </li>
            ))}
          </ul>
        )}
        <div className="trace-io-pair">
          <JsonBlock title="Input" stage={STAGE_LABELS[entry.stage]} value={entry.input} />
          <JsonBlock title="Output" stage={STAGE_LABELS[entry.stage]} value={entry.output} />
        </div>
      </details>
    </li>
  )
})

/**
 * Every stage's decision, notes, rule evaluations, input and output. Deferred: a new answer
 * shows the client response first and renders the trace in a following task.
 */
export function TracePanel() {
  const trace = useDeferredValue(useAppStore((s) => s.simulation?.trace))
  const proxy = useAppStore((s) => s.scenario.setup.method.methodIntegration.type === 'AWS_PROXY')
  return <TraceView trace={trace} proxy={proxy} />
}

const TraceView = memo(function TraceView({
  trace,
  proxy,
}: {
  trace: TraceEntry[] | undefined
  proxy: boolean
}) {
  return (
    <Panel title="Trace" testId="panel.trace">
      {!trace || trace.length === 0 ? (
        <p className="hint">No trace yet.</p>
      ) : (
        <ol className="trace">
          {trace.map((entry) => (
            <TraceStage key={entry.stage} entry={entry} proxy={proxy} />
          ))}
        </ol>
      )}
    </Panel>
  )
})

import { memo, useDeferredValue, useMemo } from 'react'
import type { Json, RuleTable as RuleTableData, TraceEntry } from '../../model'
import { useAppStore } from '../../state/store'
import { LongText } from '../common/LongText'
import { Panel } from '../common/Panel'
import { STAGE_LABELS } from '../common/stages'
import { clippedTraceKey } from '../worker/clipped-key'
import { StageWhy } from './StageWhy'

/**
 * Characters of each stage input and output shown before "Show all": a dozen boxes of wrapped
 * text are laid out whenever the trace changes, and this fills each box (360 px) already.
 */
const TRACE_TEXT_PREVIEW = 1_500

function JsonBlock(props: {
  title: string
  stage: string
  value: Json | undefined
  /** The text's full length when the worker cut it for display. */
  fullLength?: number | undefined
}) {
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
      <LongText
        label={`${props.stage} ${props.title.toLowerCase()}`}
        text={text}
        preview={TRACE_TEXT_PREVIEW}
        fullLength={props.fullLength}
      />
    </div>
  )
}

/** The engine's integration response table, as it is: the page works nothing out itself. */
function RuleTable(props: { table: RuleTableData }) {
  const { table } = props
  return (
    <table
      className="compact rule-evaluations"
      data-testid="trace.rule-table"
      data-status={table.status}
    >
      <caption>
        Selection patterns, in the order tried ({table.status}
        {table.choice === 'uncertain' ? '; choice uncertain' : ''}): {table.reason}
      </caption>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Pattern</th>
          <th scope="col">Outcome</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {table.rules.map((r) => (
          <tr key={r.key} className={r.selected ? 'rule-selected' : ''}>
            <th scope="row">{r.statusCode}</th>
            <td>
              <code>{r.selectionPattern === '' ? '(default)' : r.selectionPattern}</code>
            </td>
            <td>
              {r.outcome}
              {r.selected ? ` — selected${table.choice === 'uncertain' ? ' (uncertain)' : ''}` : ''}
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
  table,
  proxy,
  inputLength,
  outputLength,
}: {
  entry: TraceEntry
  /** The rule table, shown under the integration response stage. */
  table?: RuleTableData
  proxy: boolean
  /** Full lengths of this stage's input and output when they were cut for display. */
  inputLength: number | undefined
  outputLength: number | undefined
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
        {table && table.rules.length > 0 && <RuleTable table={table} />}
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
          <JsonBlock
            title="Input"
            stage={STAGE_LABELS[entry.stage]}
            value={entry.input}
            fullLength={inputLength}
          />
          <JsonBlock
            title="Output"
            stage={STAGE_LABELS[entry.stage]}
            value={entry.output}
            fullLength={outputLength}
          />
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
  const table = useDeferredValue(useAppStore((s) => s.simulation?.rules))
  const proxy = useAppStore((s) => s.scenario.setup.method.methodIntegration.type === 'AWS_PROXY')
  const clipped = useDeferredValue(useAppStore((s) => s.display?.clipped))
  return <TraceView trace={trace} table={table} proxy={proxy} clipped={clipped} />
}

const TraceView = memo(function TraceView({
  trace,
  table,
  proxy,
  clipped,
}: {
  trace: TraceEntry[] | undefined
  table: RuleTableData | undefined
  proxy: boolean
  clipped: Readonly<Record<string, number>> | undefined
}) {
  return (
    <Panel title="Trace" testId="panel.trace">
      {!trace || trace.length === 0 ? (
        <p className="hint">No trace yet.</p>
      ) : (
        <ol className="trace">
          {trace.map((entry, i) => (
            <TraceStage
              key={entry.stage}
              entry={entry}
              table={entry.stage === 'integration-response' ? table : undefined}
              proxy={proxy}
              inputLength={clipped?.[clippedTraceKey(i, 'input')]}
              outputLength={clipped?.[clippedTraceKey(i, 'output')]}
            />
          ))}
        </ol>
      )}
    </Panel>
  )
})

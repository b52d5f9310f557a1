import { memo, useDeferredValue } from 'react'
import type { RuleTable, StageName, TraceEntry } from '../../model'
import { useAppStore } from '../../state/store'
import { STAGE_LABELS } from '../common/stages'

const MAIN_PATH: StageName[] = [
  'method-request',
  'integration-request',
  'lambda',
  'integration-response',
  'method-response',
]

/** The winning rule of the integration response stage, as a short label. */
function describeWinner(table: RuleTable | undefined): string | undefined {
  const winner = table?.rules.find((r) => r.selected)
  if (!winner) return undefined
  return winner.selectionPattern === ''
    ? `default → ${winner.statusCode}`
    : `${winner.selectionPattern} → ${winner.statusCode}`
}

/**
 * The pipeline with the path taken, failures, and the winning rule highlighted. Deferred: a new
 * answer shows the client response first and redraws the pipeline in a following task.
 */
export function PipelineDiagram() {
  const trace = useDeferredValue(useAppStore((s) => s.simulation?.trace))
  const status = useDeferredValue(useAppStore((s) => s.simulation?.response.statusCode))
  const table = useDeferredValue(useAppStore((s) => s.simulation?.rules))
  return <PipelineView trace={trace} status={status} table={table} />
}

const PipelineView = memo(function PipelineView(props: {
  trace: TraceEntry[] | undefined
  status: number | undefined
  table: RuleTable | undefined
}) {
  const { trace, status, table } = props
  const find = (stage: StageName) => trace?.find((t) => t.stage === stage)
  const gateway = find('gateway-response')
  const usedGateway = gateway !== undefined && gateway.status !== 'skipped'
  const winner = describeWinner(table)
  return (
    <nav className="pipeline" aria-label="Pipeline" data-testid="pipeline">
      <ol>
        {MAIN_PATH.map((stage) => {
          const entry = find(stage)
          const state = entry?.status ?? 'skipped'
          return (
            <li
              key={stage}
              className={`pipeline-node node-${state}`}
              data-testid={`pipeline.${stage}`}
              data-status={state}
            >
              <a href={`#trace-${stage}`}>{STAGE_LABELS[stage]}</a>
              {stage === 'integration-response' && winner && (
                <span className="winner" data-testid="pipeline.winner">
                  {winner}
                </span>
              )}
            </li>
          )
        })}
        {usedGateway && (
          <li
            className={`pipeline-node node-${gateway.status} node-gateway`}
            data-testid="pipeline.gateway-response"
            data-status={gateway.status}
          >
            <a href="#trace-gateway-response">{STAGE_LABELS['gateway-response']}</a>
          </li>
        )}
        <li
          className={`pipeline-node node-client ${status === undefined ? '' : `status-${Math.floor(status / 100)}xx`}`}
          data-testid="pipeline.client"
        >
          Client {status !== undefined && <strong>{status}</strong>}
        </li>
      </ol>
    </nav>
  )
})

import { useDeferredValue, useMemo } from 'react'
import { findColumnDifferences } from '../../state/compare'
import { useAppStore } from '../../state/store'
import { Panel } from '../common/Panel'
import { CompareColumnView } from './CompareColumnView'
import { OutcomeTable } from './OutcomeTable'
import './compare.css'

/**
 * The current Lambda outcome through a proxy integration, a custom one with no rules, and the
 * custom one with the person's rules, side by side; then every outcome × integration. Computed
 * in the worker (see worker/run-lesson.ts); hidden until Compare is pressed.
 */
export function CompareView() {
  const open = useAppStore((s) => s.compareOpen)
  const compare = useDeferredValue(useAppStore((s) => s.compare))
  const diffs = useMemo(() => (compare ? findColumnDifferences(compare.columns) : []), [compare])
  if (!open) return null
  return (
    <div id="compare-view">
      <Panel title="Compare integrations" testId="compare.view" className="compare-panel">
        {!compare ? (
          <p className="hint" data-testid="compare.pending">
            Simulating the three integrations…
          </p>
        ) : (
          <>
            <div className="compare-columns" aria-live="polite">
              {compare.columns.map((column, i) => (
                <CompareColumnView key={column.variant} column={column} diff={diffs[i]} />
              ))}
            </div>
            <OutcomeTable rows={compare.table} />
          </>
        )}
      </Panel>
    </div>
  )
}

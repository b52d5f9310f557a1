import { memo } from 'react'
import {
  INTEGRATION_VARIANTS,
  buildOutcomeScenario,
  type IntegrationVariant,
} from '../../state/compare'
import type { OutcomeRow } from '../../state/lesson'
import { useAppStore } from '../../state/store'
import { readStatusClass } from './status'

function loadCase(outcomeId: string, variant: IntegrationVariant) {
  const state = useAppStore.getState()
  const scenario = buildOutcomeScenario(state.scenario, outcomeId, variant)
  if (scenario) state.loadScenario(scenario)
}

/** Rows are Lambda outcomes, columns the three integrations; a cell loads that case. */
export const OutcomeTable = memo(function OutcomeTable(props: { rows: OutcomeRow[] }) {
  return (
    <table className="compact outcome-table" data-testid="outcomes.table">
      <caption>Each Lambda outcome through each integration (select a cell to load it)</caption>
      <thead>
        <tr>
          <th scope="col">Lambda outcome</th>
          {INTEGRATION_VARIANTS.map((v) => (
            <th key={v.kind} scope="col">
              {v.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell, i) => {
              const variant = INTEGRATION_VARIANTS[i]!
              return (
                <td key={cell.variant}>
                  <button
                    type="button"
                    className={`status-cell ${readStatusClass(cell.statusCode)}`}
                    data-testid={`outcomes.cell.${row.id}.${cell.variant}`}
                    aria-label={`${row.label} through ${variant.label}: ${cell.statusCode}. Load this case`}
                    onClick={() => loadCase(row.id, cell.variant)}
                  >
                    {cell.statusCode}
                  </button>
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
})

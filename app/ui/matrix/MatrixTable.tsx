import { memo, useState } from 'react'
import { INTEGRATION_VARIANTS, type IntegrationVariant } from '../../state/compare'
import type { MatrixResult } from '../../state/matrix'
import { readStatusClass } from '../compare/status'

/** Rows shown at once: a thousand rows would be a long task on the page's thread. */
export const MATRIX_PAGE_SIZE = 50

/** Shows a message on one line, with its line breaks made visible. */
function showMessage(message: string): string {
  return message.replace(/\n/g, '⏎')
}

const OUTCOME_TEXT: Record<string, string> = {
  matched: '✓ matches',
  'not-matched': '✗',
  default: 'default',
  invalid: 'invalid',
  untranslatable: 'cannot tell',
  stopped: 'stopped',
}

/**
 * Messages × (integration variants, then each rule). Variant cells show the client's status and
 * the integration response chosen; rule cells whether the rule's pattern matches the message.
 * The current integration's column carries the trial test ids the older trials table had.
 */
export const MatrixTable = memo(function MatrixTable(props: {
  matrix: MatrixResult
  current: IntegrationVariant
}) {
  const { matrix, current } = props
  const [page, setPage] = useState(0)
  const pages = Math.max(1, Math.ceil(matrix.rows.length / MATRIX_PAGE_SIZE))
  const shown = Math.min(page, pages - 1)
  const first = shown * MATRIX_PAGE_SIZE
  const rows = matrix.rows.slice(first, first + MATRIX_PAGE_SIZE)
  return (
    <>
      <div className="matrix-scroll" role="region" aria-label="Outcome matrix" tabIndex={0}>
        <table className="compact matrix" data-testid="matrix.table">
          <caption className="visually-hidden">
            What each message leads to through each integration, and which rules match it
          </caption>
          <thead>
            <tr>
              <th scope="col">errorMessage</th>
              {INTEGRATION_VARIANTS.map((v) => (
                <th key={v.kind} scope="col" className={v.kind === current ? 'matrix-current' : ''}>
                  {v.label}
                </th>
              ))}
              {matrix.rules.map((r) => (
                <th key={r.key} scope="col" className="matrix-rule">
                  {r.statusCode}
                  <br />
                  <code>{r.selectionPattern === '' ? '(default)' : r.selectionPattern}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, j) => {
              const i = first + j
              const chosen = row.cells[2]?.rule
              return (
                <tr key={i} data-testid={`matrix.row.${i}`}>
                  <th scope="row">
                    <code>{showMessage(row.message)}</code>
                  </th>
                  {row.cells.map((cell, c) => {
                    const variant = matrix.variants[c]
                    const own = variant === current
                    return (
                      <td
                        key={c}
                        className={own ? 'matrix-current' : ''}
                        data-testid={`matrix.row.${i}.${variant}`}
                      >
                        <span
                          className={`status-badge ${readStatusClass(cell.statusCode)}`}
                          data-testid={own ? `trials.row.${i}.status` : undefined}
                        >
                          {cell.statusCode}
                        </span>{' '}
                        <span
                          className="matrix-chosen"
                          data-testid={own ? `trials.row.${i}.selected` : undefined}
                        >
                          {cell.rule ?? '—'}
                        </span>
                      </td>
                    )
                  })}
                  {row.outcomes.map((outcome, r) => {
                    const rule = matrix.rules[r]
                    const selected = rule !== undefined && rule.key === chosen
                    return (
                      <td
                        key={r}
                        className={`matrix-outcome outcome-${outcome}${selected ? ' rule-selected' : ''}`}
                        data-testid={`matrix.row.${i}.rule.${rule?.key ?? r}`}
                      >
                        {OUTCOME_TEXT[outcome] ?? outcome}
                        {selected ? ' (chosen)' : ''}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="matrix-pager" aria-label="Matrix pages">
          <button type="button" disabled={shown === 0} onClick={() => setPage(shown - 1)}>
            Previous rows
          </button>
          <span data-testid="matrix.page">
            Rows {first + 1}–{first + rows.length} of {matrix.rows.length}
          </span>
          <button
            type="button"
            data-testid="matrix.next"
            disabled={shown >= pages - 1}
            onClick={() => setPage(shown + 1)}
          >
            Next rows
          </button>
        </nav>
      )}
    </>
  )
})

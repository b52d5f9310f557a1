import { memo } from 'react'
import { INTEGRATION_VARIANTS, readShortTrace } from '../../state/compare'
import type { BodyDifference, CompareColumn } from '../../state/compare'
import { STAGE_LABELS } from '../common/stages'
import { readStatusClass } from './status'

/** The body with the part that differs from the other columns marked. */
function MarkedBody(props: { body: string; diff: BodyDifference | undefined; testId: string }) {
  const { body, diff } = props
  if (body === '')
    return (
      <pre className="compare-body" data-testid={props.testId}>
        <span className="hint">(empty body)</span>
      </pre>
    )
  if (!diff)
    return (
      <pre className="compare-body" data-testid={props.testId}>
        {body}
      </pre>
    )
  return (
    <pre className="compare-body" data-testid={props.testId}>
      {body.slice(0, diff.start)}
      <mark data-testid={`${props.testId}.diff`} title="Differs from another column">
        {body.slice(diff.start, diff.endA)}
      </mark>
      {body.slice(diff.endA)}
    </pre>
  )
}

/** One integration variant: status, headers, body, rule, short trace, full trace on demand. */
export const CompareColumnView = memo(function CompareColumnView(props: {
  column: CompareColumn
  diff: BodyDifference | undefined
}) {
  const { column, diff } = props
  const id = `compare.column.${column.variant}`
  const meta = INTEGRATION_VARIANTS.find((v) => v.kind === column.variant)
  const { response, rule } = column
  return (
    <article className="compare-column" data-testid={id} aria-label={meta?.label}>
      <h3>{meta?.label}</h3>
      <p className="hint">{meta?.detail}</p>
      <p className="status-line">
        <span
          className={`status-badge ${readStatusClass(response.statusCode)}`}
          data-testid={`${id}.status`}
        >
          {response.statusCode}
        </span>
      </p>
      <p className="compare-rule" data-testid={`${id}.rule`}>
        {rule.kind === 'matched' || rule.kind === 'default' ? (
          <>
            <strong>
              Integration response {rule.statusCode}
              {rule.kind === 'default' ? ' (default)' : ''}
            </strong>
            {rule.kind === 'matched' && (
              <>
                {' '}
                <code>{rule.selectionPattern}</code>
              </>
            )}
            <br />
          </>
        ) : (
          <>
            <strong>{rule.kind === 'none' ? 'No rule matched' : 'No rule'}</strong>
            <br />
          </>
        )}
        <span>{rule.why}</span>
      </p>
      <details className="compare-headers">
        <summary>Headers ({response.headers.length})</summary>
        <table className="headers">
          <caption className="visually-hidden">Response headers</caption>
          <tbody>
            {response.headers.map(([name, value], i) => (
              <tr key={i}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <MarkedBody body={response.body} diff={diff} testId={`${id}.body`} />
      <ol className="compare-trace" data-testid={`${id}.trace`} aria-label="Short trace">
        {readShortTrace(column).map((step) => (
          <li key={step.stage} className={`stage-${step.status}`}>
            <span className="stage-name">{STAGE_LABELS[step.stage]}</span>: {step.summary}
          </li>
        ))}
      </ol>
      <details className="compare-full-trace" data-testid={`${id}.full`}>
        <summary>Full trace</summary>
        <ol>
          {column.trace.map((step) => (
            <li key={step.stage}>
              <strong>{STAGE_LABELS[step.stage]}</strong> ({step.status}): {step.summary}
              {step.notes.length > 0 && (
                <ul className="notes">
                  {step.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </details>
    </article>
  )
})

import type { Diagnostic } from '../../model'

/** How many messages are listed before "and N more" (the markers still show every one). */
const SHOWN = 5

/**
 * The diagnostics of one editor as text under it, so a problem is readable without hovering a
 * marker (and by a screen reader, through aria-describedby on the plain editor).
 */
export function DiagnosticList(props: { id: string; testId: string; diagnostics: Diagnostic[] }) {
  const { diagnostics } = props
  if (diagnostics.length === 0) return null
  const rest = diagnostics.length - SHOWN
  return (
    <ul className="editor-diagnostics" id={props.id} data-testid={props.testId}>
      {diagnostics.slice(0, SHOWN).map((d, i) => (
        <li key={i} className={`diagnostic diagnostic-${d.severity}`}>
          {d.message}
          {d.hint ? ` — ${d.hint}` : ''}
        </li>
      ))}
      {rest > 0 && <li className="diagnostic diagnostic-info">and {rest} more</li>}
    </ul>
  )
}

import { useId } from 'react'
import type { CodeEditorProps } from './editor-props'

/**
 * The editor before (or without) Monaco: a native textarea or input. Like Monaco it is
 * uncontrolled, seeded from `value` and reseeded when `loadId` changes.
 */
export function PlainEditor(props: CodeEditorProps) {
  const { testId, ariaLabel, value, onChange, diagnostics, singleLine, loadId } = props
  const messagesId = useId()
  const hasError = diagnostics.some((d) => d.severity === 'error')
  const describedBy = diagnostics.length > 0 ? messagesId : undefined
  const rows = Math.min(
    props.maxLines ?? 12,
    Math.max(props.minLines ?? 3, value.split('\n').length),
  )
  return (
    <div className="plain-editor">
      {singleLine ? (
        <input
          key={loadId}
          className="code-input"
          data-testid={testId}
          aria-label={ariaLabel}
          aria-invalid={hasError || undefined}
          aria-describedby={describedBy}
          defaultValue={value}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <textarea
          key={loadId}
          className="code-input"
          data-testid={testId}
          aria-label={ariaLabel}
          aria-invalid={hasError || undefined}
          aria-describedby={describedBy}
          defaultValue={value}
          rows={rows}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {diagnostics.length > 0 && (
        <ul className="editor-diagnostics" id={messagesId} data-testid={`${testId}.diagnostics`}>
          {diagnostics.map((d, i) => (
            <li key={i} className={`diagnostic diagnostic-${d.severity}`}>
              {d.message}
              {d.hint ? ` — ${d.hint}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

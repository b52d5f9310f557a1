import type { CodeEditorProps } from './editor-props'

/**
 * The editor before (or without) Monaco: a native textarea or input. Like Monaco it is
 * uncontrolled, seeded from `value` and reseeded when `loadId` changes.
 */
export function PlainEditor(props: CodeEditorProps & { describedBy?: string }) {
  const { testId, ariaLabel, value, onChange, diagnostics, singleLine, loadId } = props
  const hasError = diagnostics.some((d) => d.severity === 'error')
  const describedBy = diagnostics.length > 0 ? props.describedBy : undefined
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
          placeholder={props.placeholder}
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
          placeholder={props.placeholder}
          defaultValue={value}
          rows={rows}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  )
}

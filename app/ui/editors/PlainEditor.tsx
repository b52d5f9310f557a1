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
  // Attributes both native controls share; only the element and `rows` differ.
  const shared = {
    className: 'code-input',
    'data-testid': testId,
    'aria-label': ariaLabel,
    'aria-invalid': hasError || undefined,
    'aria-describedby': describedBy,
    placeholder: props.placeholder,
    defaultValue: value,
    spellCheck: false,
    autoComplete: 'off',
  }
  return (
    <div className="plain-editor">
      {singleLine ? (
        <input key={loadId} {...shared} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <textarea key={loadId} {...shared} rows={rows} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  )
}

import type { Integration } from '../../model'

export type ContentHandling = NonNullable<Integration['contentHandling']>

const OPTIONS: { value: ContentHandling | ''; label: string }[] = [
  { value: '', label: 'not set (passthrough)' },
  { value: 'CONVERT_TO_TEXT', label: 'CONVERT_TO_TEXT — binary to base64 text' },
  { value: 'CONVERT_TO_BINARY', label: 'CONVERT_TO_BINARY — base64 text to binary' },
]

/** A `contentHandling` picker (integration request or one integration response). */
export function ContentHandlingSelect(props: {
  label: string
  testId: string
  value: ContentHandling | undefined
  onChange: (value: ContentHandling | undefined) => void
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select
        data-testid={props.testId}
        value={props.value ?? ''}
        onChange={(e) =>
          props.onChange(e.target.value === '' ? undefined : (e.target.value as ContentHandling))
        }
      >
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}

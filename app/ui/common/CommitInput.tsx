import { useState } from 'react'

/**
 * A text input that reports its value on blur or Enter, for values that are keys (status codes,
 * content types): renaming a key on every keystroke would remount the row being typed in.
 */
export function CommitInput(props: {
  label: string
  testId: string
  value: string
  onCommit: (value: string) => void
  size?: number
  hideLabel?: boolean
}) {
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft !== null && draft !== props.value) props.onCommit(draft)
    setDraft(null)
  }
  return (
    <label className="field">
      <span className={props.hideLabel ? 'visually-hidden' : undefined}>{props.label}</span>
      <input
        data-testid={props.testId}
        size={props.size}
        spellCheck={false}
        value={draft ?? props.value}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          if (e.key === 'Escape') setDraft(null)
        }}
      />
    </label>
  )
}

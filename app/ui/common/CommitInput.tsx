import { useState } from 'react'

/**
 * A text input that reports its value on blur or Enter, for values that are keys (status codes,
 * content types): renaming a key on every keystroke would remount the row being typed in.
 *
 * `onCommit` may refuse the text by returning why. The field then keeps what was typed (so it
 * can be corrected, not retyped), is marked invalid and points at the element `messageId`, where
 * the parent shows the message it is told about through `onMessage`: the parent places it,
 * because a narrow table cell is no place for a sentence.
 */
export function CommitInput(props: {
  label: string
  testId: string
  value: string
  onCommit: (value: string) => string | void
  size?: number
  hideLabel?: boolean
  messageId?: string
  onMessage?: (message: string | undefined) => void
}) {
  const [draft, setDraft] = useState<string | null>(null)
  const [message, setMessage] = useState<string | undefined>(undefined)
  const report = (next: string | undefined) => {
    setMessage(next)
    if (next !== message) props.onMessage?.(next)
  }
  const reset = () => {
    setDraft(null)
    report(undefined)
  }
  const commit = () => {
    if (draft === null || draft === props.value) return reset()
    const refusal = props.onCommit(draft)
    if (typeof refusal === 'string') report(refusal)
    else reset()
  }
  return (
    <label className="field">
      <span className={props.hideLabel ? 'visually-hidden' : undefined}>{props.label}</span>
      <input
        data-testid={props.testId}
        size={props.size}
        spellCheck={false}
        value={draft ?? props.value}
        aria-invalid={message !== undefined ? true : undefined}
        aria-describedby={message !== undefined ? props.messageId : undefined}
        onChange={(e) => {
          setDraft(e.target.value)
          report(undefined)
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          if (e.key === 'Escape') reset()
        }}
      />
    </label>
  )
}

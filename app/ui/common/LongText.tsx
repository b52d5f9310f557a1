import { useState } from 'react'

/** Characters shown before "Show all": laying out megabytes of text would freeze the page. */
export const LONG_TEXT_PREVIEW = 4_000

/** A read-only block of text that shows a preview of huge texts until asked for all of it. */
export function LongText(props: {
  text: string
  label: string
  testId?: string
  className?: string
  /** Characters shown before "Show all"; default LONG_TEXT_PREVIEW. */
  preview?: number
  /** Shown (muted) instead of an empty box when the text is empty. */
  emptyText?: string
}) {
  const [expandedFor, setExpandedFor] = useState<string | null>(null)
  const { text } = props
  const expanded = expandedFor === text
  const preview = props.preview ?? LONG_TEXT_PREVIEW
  const cut = !expanded && text.length > preview
  return (
    <>
      <pre
        className={props.className}
        data-testid={props.testId}
        tabIndex={0}
        role="region"
        aria-label={props.label}
      >
        {text === '' ? (
          <span className="empty-text">{props.emptyText ?? '(empty)'}</span>
        ) : cut ? (
          text.slice(0, preview)
        ) : (
          text
        )}
      </pre>
      {cut && (
        <button type="button" className="quiet" onClick={() => setExpandedFor(text)}>
          Show all {text.length.toLocaleString('en-US')} characters
        </button>
      )}
    </>
  )
}

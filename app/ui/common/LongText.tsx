import { useState } from 'react'

/** Characters shown before "Show all": laying out megabytes of text would freeze the page. */
export const LONG_TEXT_PREVIEW = 4_000

/**
 * `12345678` as `12,345,678`. Not `toLocaleString`: its first call sets up the browser's number
 * formatting, about 40 ms in the task that first shows a cut text.
 */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

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
  /** The whole text's length when `text` is only its beginning (cut before reaching the page). */
  fullLength?: number
}) {
  const [expandedFor, setExpandedFor] = useState<string | null>(null)
  const { text } = props
  const expanded = expandedFor === text
  const preview = props.preview ?? LONG_TEXT_PREVIEW
  const cut = !expanded && text.length > preview
  const full =
    props.fullLength !== undefined && props.fullLength > text.length ? props.fullLength : 0
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
          {full > 0
            ? `Show the first ${formatCount(text.length)} of ${formatCount(full)} characters`
            : `Show all ${formatCount(text.length)} characters`}
        </button>
      )}
      {full > 0 && (
        <p className="hint" data-testid={props.testId && `${props.testId}.clipped`}>
          {formatCount(full)} characters in all: the page receives the first{' '}
          {formatCount(text.length)}.
        </p>
      )}
    </>
  )
}

/**
 * Texts longer than HUGE_TEXT characters are not put into an editor at first: Monaco (or a
 * textarea) takes hundreds of milliseconds of the page's thread to lay out megabytes, and the page
 * would freeze when such a file is imported or a link opened. The text stays whole in the scenario
 * (the simulation uses all of it); the person sees its size and its start, and can still choose
 * to edit it.
 */

/** Characters above which a text is shown as a summary until the person asks to edit it. */
export const HUGE_TEXT = 1_000_000

/** Characters of the text shown in the summary. */
const PREVIEW = 2000

/** "6.1 MB" or "950 KB" for a text's UTF-16 length (close enough for a label). */
function describeSize(length: number): string {
  return length >= 1_000_000
    ? `${(length / 1_000_000).toFixed(1)} MB`
    : `${Math.round(length / 1000)} KB`
}

/** The summary of a huge text, with the way to edit it anyway. */
export function HugeText(props: {
  testId: string
  ariaLabel: string
  value: string
  onEdit: () => void
}) {
  const { value } = props
  return (
    <div className="huge-text" data-testid={props.testId} role="group" aria-label={props.ariaLabel}>
      <p className="hint" data-testid={`${props.testId}.huge`}>
        {describeSize(value.length)} of text: too large to edit here without slowing the page. The
        simulation uses all of it.{' '}
        <button type="button" onClick={props.onEdit}>
          Edit anyway
        </button>
      </p>
      <pre className="huge-text-preview">{`${value.slice(0, PREVIEW)}…`}</pre>
    </div>
  )
}

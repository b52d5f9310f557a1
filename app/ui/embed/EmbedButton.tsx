import { useRef, useState } from 'react'
import { buildEmbedSnippet, buildEmbedUrl } from '../../state/embed'
import { useAppStore } from '../../state/store'

/** Offers an `<iframe>` snippet that shows the current scenario read-only on another page. */
export function EmbedButton() {
  const [snippet, setSnippet] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const buttonRef = useRef<HTMLButtonElement>(null)
  const close = () => {
    setSnippet(null)
    buttonRef.current?.focus()
  }
  const open = async () => {
    // The share codec loads on first use; the click's user activation outlasts it.
    const { writeShareFragment } = await import('../../state/share-link')
    const url = buildEmbedUrl(
      window.location.href,
      writeShareFragment(useAppStore.getState().scenario),
    )
    const text = buildEmbedSnippet(url)
    setSnippet(text)
    try {
      await navigator.clipboard.writeText(text)
      setStatus('Snippet copied to the clipboard.')
    } catch {
      setStatus('Copy the snippet below (the clipboard is not available).')
    }
  }
  return (
    <div className="share">
      <button
        ref={buttonRef}
        type="button"
        data-testid="embed"
        aria-expanded={snippet !== null}
        onClick={() => void open()}
      >
        Embed
      </button>
      {snippet !== null && (
        <div
          className="share-popover"
          role="group"
          aria-label="Embed snippet"
          data-testid="embed.popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close()
          }}
        >
          <p role="status" data-testid="embed.status">
            {status}
          </p>
          <textarea
            readOnly
            rows={4}
            aria-label="Embed snippet"
            data-testid="embed.snippet"
            value={snippet}
            autoFocus
            onFocus={(e) => e.target.select()}
          />
          <p className="hint">
            Paste it into any page: no script needed, and the frame loads only from this site.
          </p>
          <button type="button" data-testid="embed.close" onClick={close}>
            Close
          </button>
        </div>
      )}
    </div>
  )
}

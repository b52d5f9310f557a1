import { useRef, useState } from 'react'
import { useAppStore } from '../../state/store'

/** One click: builds the share URL, copies it, and shows it for manual copying too. */
export function ShareButton() {
  const [url, setUrl] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const buttonRef = useRef<HTMLButtonElement>(null)
  const close = () => {
    setUrl(null)
    buttonRef.current?.focus()
  }
  const share = async () => {
    // The codec loads on first use; the click's user activation outlasts it.
    const { buildShareUrl } = await import('../../state/share-link')
    const link = buildShareUrl(window.location.href, useAppStore.getState().scenario)
    setUrl(link)
    try {
      await navigator.clipboard.writeText(link)
      setStatus('Link copied to the clipboard.')
    } catch {
      setStatus('Copy the link below (the clipboard is not available).')
    }
  }
  return (
    <div className="share">
      <button
        ref={buttonRef}
        type="button"
        data-testid="share"
        aria-expanded={url !== null}
        onClick={() => void share()}
      >
        Share
      </button>
      {url !== null && (
        <div
          className="share-popover"
          role="group"
          aria-label="Share link"
          data-testid="share.popover"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close()
          }}
        >
          <p role="status" data-testid="share.status">
            {status}
          </p>
          <input
            readOnly
            aria-label="Share link"
            data-testid="share.url"
            value={url}
            autoFocus
            onFocus={(e) => e.target.select()}
          />
          <button type="button" data-testid="share.close" onClick={close}>
            Close
          </button>
        </div>
      )}
    </div>
  )
}

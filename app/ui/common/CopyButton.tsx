import { useState } from 'react'

/** Copies text to the clipboard and says so (politely, for screen readers). */
export function CopyButton(props: { text: string; label: string; testId: string }) {
  const [done, setDone] = useState<'' | 'copied' | 'failed'>('')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text)
      setDone('copied')
    } catch {
      setDone('failed')
    }
  }
  return (
    <>
      <button
        type="button"
        className="quiet"
        data-testid={props.testId}
        onClick={() => void copy()}
      >
        {props.label}
      </button>
      <span role="status" className="copy-status">
        {done === 'copied' ? 'Copied' : done === 'failed' ? 'Copy failed' : ''}
      </span>
    </>
  )
}

import { useEffect, useState } from 'react'
import type { ExportFormatId } from '../../formats/export'
import { useAppStore } from '../../state/store'
import './import.css'

type Exported = { text: string; cannotHold: string[]; fileName: string; mediaType: string }

/** The scenario's setup as a real configuration format, to copy or download. */
export function ExportDialog({ format, onClose }: { format: ExportFormatId; onClose: () => void }) {
  const scenario = useAppStore((s) => s.scenario)
  const [exported, setExported] = useState<Exported | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    import('../../formats/export').then(
      ({ exportScenario, EXPORT_FORMATS }) => {
        if (!live) return
        const meta = EXPORT_FORMATS.find((f) => f.id === format)
        try {
          const result = exportScenario(scenario, format)
          setExported({
            ...result,
            fileName: meta?.fileName ?? 'export.txt',
            mediaType: meta?.mediaType ?? 'text/plain',
          })
          setError(null)
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e))
        }
      },
      () => live && setError('The exporter could not be loaded.'),
    )
    return () => {
      live = false
    }
  }, [scenario, format])

  const download = () => {
    if (!exported) return
    const url = URL.createObjectURL(new Blob([exported.text], { type: exported.mediaType }))
    const link = document.createElement('a')
    link.href = url
    link.download = exported.fileName
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  return (
    <section
      className="import-dialog"
      role="dialog"
      aria-label="Export the setup"
      data-testid="export.dialog"
    >
      <header className="import-dialog-head">
        <h2>Export as {exported?.fileName ?? format}</h2>
        <button type="button" onClick={onClose} data-testid="export.close">
          Close
        </button>
      </header>
      {error && (
        <p className="import-error" role="alert">
          {error}
        </p>
      )}
      <label className="import-text">
        <span>Exported text</span>
        <textarea
          readOnly
          value={exported?.text ?? ''}
          rows={14}
          spellCheck={false}
          data-testid="export.text"
        />
      </label>
      <div className="import-actions">
        <button type="button" disabled={!exported} onClick={download} data-testid="export.download">
          Download {exported?.fileName}
        </button>
      </div>
      {exported && exported.cannotHold.length > 0 && (
        <div className="import-notes" data-testid="export.cannot-hold">
          <h3>This format cannot hold</h3>
          <ul>
            {exported.cannotHold.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

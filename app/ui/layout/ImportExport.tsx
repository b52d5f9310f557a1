import { Suspense, lazy, useEffect, useRef, useState } from 'react'
import { writeScenarioFile } from '../../state/import-export'
import { useAppStore } from '../../state/store'
import type { ExportFormatId } from '../../formats/export'
import type { ImportSource } from '../import/ImportDialog'

/** The formats of the export menu (ids of `EXPORT_FORMATS`; labels kept here so the menu costs no load). */
const EXPORT_MENU: [ExportFormatId, string][] = [
  ['openapi', 'OpenAPI 3 (JSON)'],
  ['openapi-yaml', 'OpenAPI 3 (YAML)'],
  ['cloudformation', 'CloudFormation (YAML)'],
  ['cloudformation-json', 'CloudFormation (JSON)'],
  ['sam', 'SAM'],
  ['terraform', 'Terraform'],
  ['serverless', 'Serverless Framework'],
  ['aws-cli', 'AWS CLI commands'],
]

const ExportDialog = lazy(() =>
  import('../import/ExportDialog').then((m) => ({ default: m.ExportDialog })),
)
const ImportDialog = lazy(() =>
  import('../import/ImportDialog').then((m) => ({ default: m.ImportDialog })),
)

/** True when a drag carries files (not text dragged within the page). */
function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/**
 * Import / Export. Import takes the lab's own scenario JSON directly; any other file (OpenAPI,
 * CloudFormation, SAM, Terraform, serverless.yml, get-method output), pasted text or a file
 * dropped on the page opens the import dialog, which lists the file's methods.
 */
/** Resolves in a new task (after the browser had a chance to paint and handle input). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export function ImportExport() {
  const inputRef = useRef<HTMLInputElement>(null)
  const [source, setSource] = useState<ImportSource | null>(null)
  const [exportFormat, setExportFormat] = useState<ExportFormatId | null>(null)
  const loadScenario = useAppStore((s) => s.loadScenario)
  const dismissBanner = useAppStore((s) => s.dismissBanner)
  const showBanner = useAppStore((s) => s.showBanner)

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault()
    }
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0]
      if (!file) return
      event.preventDefault()
      setExportFormat(null)
      setSource({ kind: 'file', file })
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])

  const exportFile = () => {
    const text = writeScenarioFile(useAppStore.getState().scenario)
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = 'scenario.json'
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }

  const importFile = async (file: File | undefined) => {
    if (inputRef.current) inputRef.current.value = ''
    if (!file) return
    // The lab's own JSON (a scenario or a case file) loads at once, read in the import worker
    // (a large one would hold the page's thread); anything else goes through the import dialog.
    if (/^\s*\{/.test(await file.slice(0, 64).text())) {
      const { askImportWorker } = await import('../import/import-client')
      const reply = await askImportWorker({ type: 'own', file })
      if (reply.type === 'own' && reply.own) {
        const result = reply.result
        // The reply (megabytes, for a large file) was received in this task: the scenario is
        // loaded and rendered in the next one, so neither task holds the page for long.
        await nextTask()
        if (result.ok) {
          loadScenario(result.scenario)
          dismissBanner()
        } else showBanner({ kind: 'error', message: `Import failed: ${result.message}` })
        return
      }
      if (reply.type === 'read' && !reply.ok) {
        showBanner({ kind: 'error', message: `Import failed: ${reply.message}` })
        return
      }
    }
    setExportFormat(null)
    setSource({ kind: 'file', file })
  }

  return (
    <div className="import-export">
      <button type="button" onClick={() => inputRef.current?.click()} data-testid="import">
        Import
      </button>
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Import scenario or configuration file"
        data-testid="import.file"
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      <button
        type="button"
        onClick={() => {
          setExportFormat(null)
          setSource({ kind: 'paste' })
        }}
        data-testid="import.paste"
      >
        Paste config
      </button>
      <button type="button" onClick={exportFile} data-testid="export">
        Export
      </button>
      <select
        aria-label="Export as a configuration format"
        value=""
        onChange={(e) => {
          setSource(null)
          setExportFormat(e.target.value as ExportFormatId)
        }}
        data-testid="export.format"
      >
        <option value="" disabled>
          Export as…
        </option>
        {EXPORT_MENU.map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
      {exportFormat && (
        <Suspense fallback={null}>
          <ExportDialog format={exportFormat} onClose={() => setExportFormat(null)} />
        </Suspense>
      )}
      {source && (
        <Suspense fallback={null}>
          <ImportDialog source={source} onClose={() => setSource(null)} />
        </Suspense>
      )}
    </div>
  )
}

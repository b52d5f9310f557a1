import { useRef } from 'react'
import { readScenarioFile, writeScenarioFile } from '../../state/import-export'
import { useAppStore } from '../../state/store'

/** Import / Export of the scenario as a JSON file in the shared case format. */
export function ImportExport() {
  const inputRef = useRef<HTMLInputElement>(null)
  const loadScenario = useAppStore((s) => s.loadScenario)
  const showBanner = useAppStore((s) => s.showBanner)
  const dismissBanner = useAppStore((s) => s.dismissBanner)

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
    if (!file) return
    const result = readScenarioFile(await file.text())
    if (result.ok) {
      loadScenario(result.scenario)
      dismissBanner()
    } else {
      showBanner({ kind: 'error', message: `Import failed: ${result.message}` })
    }
    if (inputRef.current) inputRef.current.value = ''
  }

  return (
    <div className="import-export">
      <button type="button" onClick={() => inputRef.current?.click()} data-testid="import">
        Import
      </button>
      <input
        ref={inputRef}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Import scenario file"
        data-testid="import.file"
        onChange={(e) => void importFile(e.target.files?.[0])}
      />
      <button type="button" onClick={exportFile} data-testid="export">
        Export
      </button>
    </div>
  )
}

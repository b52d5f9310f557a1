import { useEffect, useRef, useState } from 'react'
import type { ImportedMethod, ImportedScenario, NotImported } from '../../formats'
import { MAX_TEXT_LENGTH } from '../../formats/import/text-checks'
import type { Scenario } from '../../model'
import { useAppStore } from '../../state/store'
import { askImportWorker } from './import-client'
import './import.css'

/** What the dialog was opened with: nothing (paste), or a chosen or dropped file. */
export type ImportSource = { kind: 'paste' } | { kind: 'file'; file: File }

type Listed = { format: string; methods: ImportedMethod[]; notImported: NotImported[] }
type Loaded = { id: string; previous: Scenario; imported: ImportedScenario }

const FORMAT_LABELS: Record<string, string> = {
  openapi: 'OpenAPI 3 (JSON)',
  'openapi-yaml': 'OpenAPI 3 (YAML)',
  swagger: 'Swagger 2.0',
  cloudformation: 'CloudFormation (YAML)',
  'cloudformation-json': 'CloudFormation (JSON)',
  sam: 'SAM',
  terraform: 'Terraform',
  serverless: 'Serverless Framework',
  'aws-cli': 'aws apigateway get-method',
}

/**
 * Import from a real configuration: paste text, choose or drop a file, pick a method, load it.
 * Reading happens in the import worker; the current scenario stays until a method is loaded,
 * and "Undo import" brings it back.
 */
export function ImportDialog({ source, onClose }: { source: ImportSource; onClose: () => void }) {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [listed, setListed] = useState<Listed | null>(null)
  const [selected, setSelected] = useState('')
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const fileRef = useRef<HTMLInputElement>(null)
  const loadScenario = useAppStore((s) => s.loadScenario)

  const read = async (content: string) => {
    setBusy(true)
    setError(null)
    setListed(null)
    setLoaded(null)
    const reply = await askImportWorker({ type: 'read', text: content })
    setBusy(false)
    if (reply.type !== 'read') return
    if (!reply.ok) {
      setError(reply.message)
      return
    }
    setListed({ format: reply.format, methods: reply.methods, notImported: reply.notImported })
    setSelected(reply.methods[0]?.id ?? '')
  }

  const readFile = async (file: File) => {
    if (file.size > MAX_TEXT_LENGTH) {
      setError(
        `The file is too large (${(file.size / (1024 * 1024)).toFixed(1)} MB); the lab reads files up to ${MAX_TEXT_LENGTH / (1024 * 1024)} MB.`,
      )
      return
    }
    const content = await file.text()
    setText(content.length > 200_000 ? '' : content)
    await read(content)
  }

  useEffect(() => {
    if (source.kind === 'file') void readFile(source.file)
    // Runs once per source: a new drop opens the dialog with a new source object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source])

  const load = async () => {
    if (!selected) return
    setBusy(true)
    const reply = await askImportWorker({ type: 'scenario', methodId: selected })
    setBusy(false)
    if (reply.type !== 'scenario') return
    if (!reply.ok) {
      setError(reply.message)
      return
    }
    const previous = useAppStore.getState().scenario
    loadScenario(reply.imported.scenario)
    setLoaded({ id: selected, previous, imported: reply.imported })
  }

  const undo = () => {
    if (!loaded) return
    loadScenario(loaded.previous)
    setLoaded(null)
  }

  const notImported = [...(listed?.notImported ?? []), ...(loaded?.imported.notImported ?? [])]
  return (
    <section
      className="import-dialog"
      role="dialog"
      aria-label="Import a configuration"
      data-testid="import.dialog"
    >
      <header className="import-dialog-head">
        <h2>Import a configuration</h2>
        <button type="button" onClick={onClose} data-testid="import.close">
          Close
        </button>
      </header>
      <p className="import-hint">
        OpenAPI / Swagger with API Gateway extensions, CloudFormation, SAM, CDK output, Terraform,
        serverless.yml or <code>aws apigateway get-method</code> output. Paste it, choose a file, or
        drop a file anywhere on the page.
      </p>
      <label className="import-text">
        <span>Configuration text</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          spellCheck={false}
          data-testid="import.text"
        />
      </label>
      <div className="import-actions">
        <button
          type="button"
          disabled={busy || text.trim() === ''}
          onClick={() => void read(text)}
          data-testid="import.read"
        >
          Read methods
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Choose file…
        </button>
        <input
          ref={fileRef}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Configuration file"
          data-testid="import.config-file"
          onChange={(e) => {
            const file = e.target.files?.[0]
            if (file) void readFile(file)
            e.target.value = ''
          }}
        />
        {busy && <span role="status">Reading…</span>}
      </div>
      {error && (
        <p className="import-error" role="alert" data-testid="import.error">
          {error}
        </p>
      )}
      {listed && (
        <div className="import-methods">
          <label>
            <span>
              {FORMAT_LABELS[listed.format] ?? listed.format}: {listed.methods.length} method
              {listed.methods.length === 1 ? '' : 's'}
            </span>
            <select
              value={selected}
              onChange={(e) => setSelected(e.target.value)}
              size={Math.min(8, Math.max(2, listed.methods.length))}
              data-testid="import.method"
            >
              {listed.methods.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.resourcePath === undefined ? `${m.id} (no resource path: loads at /)` : m.id}
                </option>
              ))}
            </select>
          </label>
          <div className="import-actions">
            <button
              type="button"
              disabled={busy || !selected}
              onClick={() => void load()}
              data-testid="import.load"
            >
              Load method
            </button>
            {loaded && (
              <button type="button" onClick={undo} data-testid="import.undo">
                Undo import
              </button>
            )}
          </div>
        </div>
      )}
      {loaded && (
        <p role="status" data-testid="import.loaded">
          Loaded {loaded.id}. The function throws the seed’s “Dummy error ...”; change it under
          Lambda.
        </p>
      )}
      {loaded && loaded.imported.warnings.length > 0 && (
        <div className="import-notes" data-testid="import.warnings">
          <h3>Warnings</h3>
          <ul>
            {loaded.imported.warnings.map((w, i) => (
              <li key={i}>
                <code>{w.field.replace('setup.method.methodIntegration.', '')}</code>: {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {notImported.length > 0 && (
        <div className="import-notes" data-testid="import.not-imported">
          <h3>Not imported</h3>
          <ul>
            {notImported.map((n, i) => (
              <li key={i}>
                <code>{n.what}</code> ({n.where}): {n.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

/// <reference lib="webworker" />
/**
 * The import worker: configuration files and the lab's own scenario files are parsed here (JSON,
 * YAML, HCL in WebAssembly), never on the page's thread. It keeps the last file read, so a method's scenario is built on request.
 */
import wasmUrl from '@cdktf/hcl2json/main.wasm.gz?url'
import type { ImportResult } from '../../formats'
import { createHclParser, importText } from '../../formats'
import { readScenarioFile } from '../../state/import-export'
import type { ImportReply, ImportRequest } from './import-protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope
const post = (reply: ImportReply) => scope.postMessage(reply)
const parseHcl = createHclParser(async () => {
  const response = await fetch(wasmUrl)
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.arrayBuffer()
})
let current: ImportResult | undefined

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const request = event.data
  if (request.type === 'own') {
    // The lab's own file, however large, is parsed and validated here, not on the page's thread.
    let text: string
    try {
      text = await request.file.text()
    } catch {
      post({ type: 'own', seq: request.seq, own: false })
      return
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      value = undefined
    }
    // A scenario or a case file, complete or not (readScenarioFile says what is missing).
    const own =
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      ('setup' in value || 'cases' in value)
    if (own) post({ type: 'own', seq: request.seq, own: true, result: readScenarioFile(text) })
    else post({ type: 'own', seq: request.seq, own: false })
    return
  }
  if (request.type === 'read') {
    current = await importText(request.text, { parseHcl })
    if (current.ok) {
      const { format, methods, notImported } = current
      post({ type: 'read', seq: request.seq, ok: true, format, methods, notImported })
    } else post({ type: 'read', seq: request.seq, ok: false, message: current.message })
    return
  }
  if (!current?.ok) {
    post({ type: 'scenario', seq: request.seq, ok: false, message: 'No file has been read.' })
    return
  }
  try {
    post({
      type: 'scenario',
      seq: request.seq,
      ok: true,
      imported: current.scenarioFor(request.methodId),
    })
  } catch (error) {
    post({
      type: 'scenario',
      seq: request.seq,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    })
  }
}

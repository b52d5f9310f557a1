/** The page's side of the import worker: one request at a time, answered by a promise. */
import type { ImportReply, ImportRequest } from './import-protocol'

type Pending = { seq: number; resolve: (reply: ImportReply) => void }
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

let worker: Worker | undefined
let seq = 0
const pending: Pending[] = []

function start(): Worker {
  const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })
  w.onmessage = (event: MessageEvent<ImportReply>) => {
    const at = pending.findIndex((p) => p.seq === event.data.seq)
    if (at >= 0) pending.splice(at, 1)[0]!.resolve(event.data)
  }
  w.onerror = () => {
    // A crashed worker answers nothing more: fail what waits, start afresh next time.
    for (const p of pending.splice(0))
      p.resolve({ type: 'read', seq: p.seq, ok: false, message: 'The import worker stopped.' })
    worker?.terminate()
    worker = undefined
  }
  return w
}

/** Sends one request to the import worker. */
export function askImportWorker(
  request: DistributiveOmit<ImportRequest, 'seq'>,
): Promise<ImportReply> {
  worker ??= start()
  const message = { ...request, seq: ++seq } as ImportRequest
  return new Promise((resolve) => {
    pending.push({ seq: message.seq, resolve })
    worker!.postMessage(message)
  })
}

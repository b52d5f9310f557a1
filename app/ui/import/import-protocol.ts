/** Messages between the page and the import worker (plain JSON, so they survive postMessage). */
import type { FormatId, ImportedMethod, ImportedScenario, NotImported } from '../../formats'

export type ImportRequest =
  { type: 'read'; seq: number; text: string } | { type: 'scenario'; seq: number; methodId: string }

export type ImportReply =
  | {
      type: 'read'
      seq: number
      ok: true
      format: FormatId
      methods: ImportedMethod[]
      notImported: NotImported[]
    }
  | { type: 'read'; seq: number; ok: false; message: string }
  | { type: 'scenario'; seq: number; ok: true; imported: ImportedScenario }
  | { type: 'scenario'; seq: number; ok: false; message: string }

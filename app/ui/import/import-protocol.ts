/** Messages between the page and the import worker (plain JSON and Blobs: both survive postMessage). */
import type { FormatId, ImportedMethod, ImportedScenario, NotImported } from '../../formats'
import type { ImportResult as OwnFileResult } from '../../state/import-export'

export type ImportRequest =
  | { type: 'read'; seq: number; text: string }
  | { type: 'scenario'; seq: number; methodId: string }
  /**
   * A JSON file that may be the lab's own scenario: read (decoded, parsed, validated) here if it
   * is. The file itself crosses (a handle, not its bytes), so the page never decodes megabytes.
   */
  | { type: 'own'; seq: number; file: Blob }

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
  /** `own: false`: not the lab's own file (the page opens the import dialog for it instead). */
  | { type: 'own'; seq: number; own: true; result: OwnFileResult }
  | { type: 'own'; seq: number; own: false }

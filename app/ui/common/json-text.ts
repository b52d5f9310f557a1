import type { Diagnostic, EditorId, Json } from '../../model'

/** Pretty JSON for an editor. */
export function formatJson(value: Json | undefined): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2)
}

/**
 * Parses editor text as JSON. A syntax error becomes a diagnostic placed at the offset the
 * browser's parser names, when it names one.
 */
export function parseJsonText(
  text: string,
  source: EditorId,
): { ok: true; value: Json } | { ok: false; diagnostic: Diagnostic } {
  try {
    return { ok: true, value: JSON.parse(text) as Json }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const at = /position (\d+)/.exec(message)
    const start = at ? Math.min(Number(at[1]), text.length) : 0
    return {
      ok: false,
      diagnostic: {
        source,
        severity: 'error',
        code: 'json.syntax',
        message: `Not valid JSON: ${message}`,
        span: { start, end: Math.min(start + 1, text.length) },
        hint: 'The scenario keeps the last valid value until this parses.',
      },
    }
  }
}

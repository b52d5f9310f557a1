/**
 * Diagnostics → Monaco marker data. Pure (no Monaco import), so it runs in unit tests with a fake
 * model; the editor component passes the result to `monaco.editor.setModelMarkers`.
 */
import type { Diagnostic } from '../../model'

/** The marker owner every editor uses for the simulation's diagnostics. */
export const MARKER_OWNER = 'api-gateway-lab'

/** Monaco's `MarkerSeverity` values (Hint 1, Info 2, Warning 4, Error 8). */
export const MARKER_SEVERITY = { info: 2, warning: 4, error: 8 } as const

/** The part of a Monaco text model this module needs: offset → 1-based line and column. */
export type PositionModel = {
  getPositionAt(offset: number): { lineNumber: number; column: number }
}

/** One marker, shaped like Monaco's `editor.IMarkerData`. */
export type MarkerData = {
  /** Monaco severity number, from `MARKER_SEVERITY`. */
  severity: (typeof MARKER_SEVERITY)[keyof typeof MARKER_SEVERITY]
  /** The diagnostic's message, followed by its hint on a new line. */
  message: string
  /** The diagnostic's stable code, shown next to the message in the hover. */
  code: string
  /** 1-based line of the first character. */
  startLineNumber: number
  /** 1-based column of the first character. */
  startColumn: number
  /** 1-based line just past the last character. */
  endLineNumber: number
  /** 1-based column just past the last character. */
  endColumn: number
}

type Position = { lineNumber: number; column: number }

function isSamePosition(a: Position, b: Position): boolean {
  return a.lineNumber === b.lineNumber && a.column === b.column
}

/** A visible one-character range on one line, for spans that cover nothing. */
function widenEmptySpan(offset: number, model: PositionModel): [Position, Position] {
  const here = model.getPositionAt(offset)
  // Prefer the character after the offset; at the end of a line (or of the text) that would be
  // the line break or nothing, so fall back to the character before it.
  const next = model.getPositionAt(offset + 1)
  if (next.lineNumber === here.lineNumber && next.column > here.column) return [here, next]
  if (offset > 0) {
    const previous = model.getPositionAt(offset - 1)
    if (previous.lineNumber === here.lineNumber && previous.column < here.column) {
      return [previous, here]
    }
  }
  return [here, isSamePosition(next, here) ? here : next]
}

function toOffset(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

/** Converts diagnostics (UTF-16 offset spans) into marker data for one model. */
export function toMarkerData(diags: readonly Diagnostic[], model: PositionModel): MarkerData[] {
  return diags.map((diag) => {
    const start = toOffset(diag.span.start)
    const end = Math.max(start, toOffset(diag.span.end))
    const [from, to] =
      end === start
        ? widenEmptySpan(start, model)
        : [model.getPositionAt(start), model.getPositionAt(end)]
    return {
      severity: MARKER_SEVERITY[diag.severity] ?? MARKER_SEVERITY.error,
      message: diag.hint ? `${diag.message}\n${diag.hint}` : diag.message,
      code: diag.code,
      startLineNumber: from.lineNumber,
      startColumn: from.column,
      endLineNumber: to.lineNumber,
      endColumn: to.column,
    }
  })
}

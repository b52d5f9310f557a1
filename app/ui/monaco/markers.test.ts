import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../model'
import { MARKER_SEVERITY, toMarkerData } from './markers'
import type { PositionModel } from './markers'

/** A stand-in for a Monaco text model: same clamping and 1-based positions. */
function fakeModel(text: string): PositionModel {
  return {
    getPositionAt(offset: number) {
      const clamped = Math.max(0, Math.min(offset, text.length))
      const before = text.slice(0, clamped)
      const lines = before.split('\n')
      return { lineNumber: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 }
    },
  }
}

function diag(start: number, end: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return {
    source: 'lambda.payload',
    severity: 'error',
    code: 'test.code',
    message: 'Something is wrong',
    span: { start, end },
    ...extra,
  }
}

type Range = [number, number, number, number]

function range(text: string, d: Diagnostic): Range {
  const [m] = toMarkerData([d], fakeModel(text))
  if (!m) throw new Error('no marker')
  return [m.startLineNumber, m.startColumn, m.endLineNumber, m.endColumn]
}

describe('toMarkerData', () => {
  it('maps spans to 1-based ranges, across lines', () => {
    const text = '{\n  "a": 1,\n  "b": x\n}'
    const cases: Array<[number, number, Range]> = [
      [0, 1, [1, 1, 1, 2]],
      [4, 7, [2, 3, 2, 6]],
      [2, 12, [2, 1, 3, 1]],
      [text.indexOf('x'), text.indexOf('x') + 1, [3, 8, 3, 9]],
    ]
    for (const [start, end, expected] of cases) {
      expect(range(text, diag(start, end)), `${start}-${end}`).toEqual(expected)
    }
  })

  it('gives zero-width spans a one-character range on the same line', () => {
    const text = 'ab\ncd'
    const cases: Array<[number, Range]> = [
      [0, [1, 1, 1, 2]], // start of text: the character after
      [1, [1, 2, 1, 3]],
      [2, [1, 2, 1, 3]], // end of line 1: the character before, not the line break
      [3, [2, 1, 2, 2]],
      [5, [2, 2, 2, 3]], // end of text: the last character
    ]
    for (const [offset, expected] of cases) {
      expect(range(text, diag(offset, offset)), `offset ${offset}`).toEqual(expected)
    }
  })

  it('keeps an empty text from producing an inverted range', () => {
    expect(range('', diag(0, 0))).toEqual([1, 1, 1, 1])
  })

  it('clamps out-of-range and reversed spans instead of throwing', () => {
    expect(range('abc', diag(-5, 2))).toEqual([1, 1, 1, 3])
    expect(range('abc', diag(2, 1))).toEqual([1, 3, 1, 4])
    expect(range('abc', diag(1, 99))).toEqual([1, 2, 1, 4])
    expect(range('abc', diag(Number.NaN, Number.NaN))).toEqual([1, 1, 1, 2])
  })

  it('maps severities and appends the hint to the message', () => {
    const markers = toMarkerData(
      [
        diag(0, 1, { severity: 'error', code: 'vtl.parse', hint: 'Close the #if with #end.' }),
        diag(0, 1, { severity: 'warning', code: 'regex.syntax' }),
        diag(0, 1, { severity: 'info', code: 'x.info' }),
      ],
      fakeModel('abc'),
    )
    expect(markers.map((m) => m.severity)).toEqual([
      MARKER_SEVERITY.error,
      MARKER_SEVERITY.warning,
      MARKER_SEVERITY.info,
    ])
    expect(markers.map((m) => m.code)).toEqual(['vtl.parse', 'regex.syntax', 'x.info'])
    expect(markers[0]?.message).toBe('Something is wrong\nClose the #if with #end.')
    expect(markers[1]?.message).toBe('Something is wrong')
  })

  it('counts offsets in UTF-16 code units', () => {
    // '😀' is two code units; the marker on 'x' must start after both.
    const text = '😀x'
    expect(range(text, diag(2, 3))).toEqual([1, 3, 1, 4])
  })
})

import { describe, expect, it } from 'vitest'
import { formatCompactJson } from './compact-json'

describe('compact JSON layout', () => {
  it('keeps short values on one line', () => {
    expect(formatCompactJson({ headers: [['Content-Type', 'application/json']] })).toBe(
      '{"headers": [["Content-Type", "application/json"]]}',
    )
    expect(formatCompactJson({})).toBe('{}')
    expect(formatCompactJson('text')).toBe('"text"')
  })

  it('breaks long values one member per line and still parses to the same value', () => {
    const value = {
      message: 'x'.repeat(70),
      list: ['short', 'y'.repeat(90)],
      nested: { a: 1, b: [true, null] },
    }
    const text = formatCompactJson(value)
    expect(text).toBe(
      [
        '{',
        `  "message": "${'x'.repeat(70)}",`,
        '  "list": [',
        '    "short",',
        `    "${'y'.repeat(90)}"`,
        '  ],',
        '  "nested": {"a": 1, "b": [true, null]}',
        '}',
      ].join('\n'),
    )
    expect(JSON.parse(text)).toEqual(value)
  })

  it('drops what JSON cannot hold', () => {
    expect(formatCompactJson(undefined)).toBe('')
    expect(formatCompactJson({ a: undefined, b: 1 })).toBe('{"b": 1}')
  })
})

import { describe, expect, it } from 'vitest'
import { decodeBase64, encodeBase64, utf8Bytes } from './base64'
import type { HeaderPair } from './headers'
import {
  firstMediaType,
  formatJavaMap,
  matchBinaryMediaType,
  mimeOf,
  setHeader,
  utf8Length,
} from './headers'
import { pythonJsonDumps } from './json-text'

describe('media types', () => {
  it('keeps only the MIME type, and only the first of an Accept list', () => {
    expect(mimeOf(' Application/JSON; charset=UTF-8')).toBe('application/json')
    expect(firstMediaType('image/webp,image/png,*/*;q=0.8')).toBe('image/webp')
  })

  it('matches binary media types like API Gateway (exact type/subtype, or a type/* entry)', () => {
    const table: [string, string[], boolean][] = [
      ['image/png', ['image/png'], true],
      ['image/png', ['image/*'], true],
      ['image/*', ['image/*'], true],
      ['application/whatever', ['application/*'], true],
      ['random/test', ['*/test'], false],
      ['*/test', ['*/test'], false],
      ['*/*', ['image/png'], false],
      ['image/*', ['image/png'], false],
      ['application', ['application/*'], false],
      ['', ['image/png'], false],
    ]
    for (const [mime, list, expected] of table)
      expect(matchBinaryMediaType(mime, list) !== undefined, `${mime} in ${list}`).toBe(expected)
  })
})

describe('setHeader', () => {
  it('replaces the first header of that name in place, taking the new casing', () => {
    const headers: HeaderPair[] = [
      ['A', '1'],
      ['x-thing', 'old'],
      ['X-Thing', 'second'],
    ]
    setHeader(headers, 'X-THING', 'new')
    expect(headers).toEqual([
      ['A', '1'],
      ['X-THING', 'new'],
      ['X-Thing', 'second'],
    ])
  })

  it('appends a header it does not find', () => {
    const headers: HeaderPair[] = [['A', '1']]
    setHeader(headers, 'B', '2')
    expect(headers).toEqual([
      ['A', '1'],
      ['B', '2'],
    ])
  })
})

describe('text helpers', () => {
  it('prints Java maps and counts UTF-8 bytes', () => {
    expect(formatJavaMap([])).toBe('{}')
    expect(
      formatJavaMap([
        ['a', '1'],
        ['b', '2'],
      ]),
    ).toBe('{a=1, b=2}')
    expect(utf8Length('{"message": "Internal server error"}')).toBe(36)
    expect(utf8Length('é✓😀')).toBe(2 + 3 + 4)
  })

  it('round-trips base64 and rejects invalid text', () => {
    expect(encodeBase64(utf8Bytes('test-data'))).toBe('dGVzdC1kYXRh')
    expect(decodeBase64('dGVzdC1kYXRh')).toEqual(utf8Bytes('test-data'))
    expect(decodeBase64('èé+à)(')).toBeUndefined()
    expect(decodeBase64('a')).toBeUndefined()
  })

  it('serialises like Python json.dumps', () => {
    expect(pythonJsonDumps({ a: [1, 'x'], b: null, c: 'é\n' })).toBe(
      '{"a": [1, "x"], "b": null, "c": "\\u00e9\\n"}',
    )
  })
})

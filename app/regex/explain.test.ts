import { describe, expect, it } from 'vitest'
import { matchSelectionPattern, mayBacktrackCatastrophically } from './index'

describe('explanations for a pattern that does not match', () => {
  const rows: [string, string, RegExp[]][] = [
    [
      'Dummy error',
      'Dummy error: details',
      [/first 11 characters/, /whole errorMessage/, /\.\*Dummy error\.\*/],
    ],
    ['.*Dummy error.*', 'line1\nDummy error', [/offset 5/, /line break/, /\(\?s\)/]],
    ['.*not found.*', 'Not Found', [/\(\?i\)/]],
    ['\\[404\\].*', 'Error: [404] Not found', [/offsets 7–22/, /whole errorMessage/]],
    ['abc', 'xyz', [/does not match even the start/]],
  ]
  it('says how far it got and the usual cause', () => {
    for (const [p, s, expected] of rows) {
      const m = matchSelectionPattern(p, s)
      expect(m.outcome).toBe('not-matched')
      for (const re of expected) expect(m.explanation, `${p} / ${s}`).toMatch(re)
    }
  })

  it('gives the same explanation when asked again, and a new one for another message', () => {
    const first = matchSelectionPattern('.+', 'a\nb').explanation
    expect(first).toMatch(/\(\?s\)/)
    expect(matchSelectionPattern('.+', 'a\nb').explanation).toBe(first)
    expect(matchSelectionPattern('.+', 'a\rb').explanation).toMatch(/offset 1/)
    expect(matchSelectionPattern('.+', 'a\nb').explanation).toBe(first)
  })

  it('confirms a corrected pattern only when Java would accept it', () => {
    // `(?s)` cannot rescue an invalid or unreproducible pattern.
    expect(matchSelectionPattern('(?c)[a].', 'a\n').outcome).toBe('untranslatable')
    expect(matchSelectionPattern('[a].', 'a\n').explanation).toMatch(/\(\?s\)/)
  })

  it('has no explanation when it matched', () => {
    expect(matchSelectionPattern('a', 'a').explanation).toBeUndefined()
  })
})

describe('mayBacktrackCatastrophically', () => {
  it('flags nested quantifiers only', () => {
    expect(mayBacktrackCatastrophically('(a+)+$')).toBe(true)
    expect(mayBacktrackCatastrophically('(\\w*\\s?)*x')).toBe(true)
    expect(mayBacktrackCatastrophically('a+b+')).toBe(false)
    expect(mayBacktrackCatastrophically('(?:ab)+')).toBe(false)
    expect(mayBacktrackCatastrophically('(a++)+')).toBe(false)
    expect(mayBacktrackCatastrophically('(')).toBe(false)
  })
})

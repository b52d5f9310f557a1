import { describe, expect, it } from 'vitest'
import { createMeter } from '../model'
import { compileJavaPattern } from './compile'
import { matchPreparedOutcome, matchSelectionPattern, prepareSelectionPattern } from './index'
import { findRequiredText } from './required-text'
import { wholeMatch } from './run'

const required = (pattern: string) => {
  const c = compileJavaPattern(pattern)
  if (c.kind !== 'ok') throw new Error(pattern)
  return findRequiredText(c.parsed.root)
}

const PATTERNS = [
  '.*\\[418\\].*',
  '.*Dummy error.*',
  '(?i).*Dummy error.*',
  '.*(Dummy) (error).*',
  '.*(?:a|b)cd.*',
  'x(?=abc).*',
  '\\Qa.b\\E.*',
  '.*😀!.*',
  '[a-z]+ [0-9]+',
  '(?s).*Error.*',
  '',
]

const SUBJECTS = [
  '[418] Request failed',
  'Error: [418] stack\n    at handler',
  'Dummy error 3: disk full',
  'dummy ERROR',
  'acd',
  'xabc',
  'a.b rest',
  'axb',
  'smile 😀! now',
  'word 42',
  'Error\nline two',
  '',
]

describe('the text every match consumes', () => {
  it('is the longest case-sensitive literal run, through groups', () => {
    expect(required('.*\\[418\\].*')).toBe('[418]')
    expect(required('.*Dummy error.*')).toBe('Dummy error')
    expect(required('.*(Dummy) (error).*')).toBe('Dummy error')
    expect(required('^Not found: (\\d+) at .*$')).toBe('Not found: ')
    expect(required('\\Qa.b\\E.*')).toBe('a.b')
    expect(required('.*😀!.*')).toBe('😀!')
  })

  it('is empty when no literal is certain', () => {
    expect(required('(?i).*Dummy error.*')).toBe('')
    expect(required('.*(?:abc|abd).*')).toBe('')
    expect(required('(?:abc)?x*')).toBe('')
    expect(required('[a-z]+')).toBe('')
  })

  it('never changes an answer of the RegExp it stands in for', () => {
    const meter = createMeter()
    for (const pattern of PATTERNS) {
      const c = compileJavaPattern(pattern)
      if (c.kind !== 'ok') throw new Error(pattern)
      const prepared = prepareSelectionPattern(pattern)
      for (const subject of SUBJECTS) {
        const native = c.whole.exec(subject) !== null
        const ours = wholeMatch(c, subject, meter)
        expect({ pattern, subject, matched: ours !== null }).toEqual({
          pattern,
          subject,
          matched: native,
        })
        expect(matchPreparedOutcome(prepared, subject, meter)).toBe(
          matchSelectionPattern(pattern, subject, 'pattern', meter, { explain: false }).outcome,
        )
      }
    }
  })

  it('prepares invalid patterns as their outcome', () => {
    expect(matchPreparedOutcome(prepareSelectionPattern('('), 'x', createMeter())).toBe('invalid')
  })
})

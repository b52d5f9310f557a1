import { describe, expect, it } from 'vitest'
import { modelMatches, printRegex } from './regex-model'
import type { RegexCase, RegexNode } from './regex-model'

const ch = (c: string): RegexNode => ({ kind: 'char', c })
const any: RegexNode = { kind: 'any' }
const rc = (root: RegexNode, flags = ''): RegexCase => ({
  root,
  caseInsensitive: flags.includes('i'),
  dotAll: flags.includes('s'),
})

// Java's own answers (shared/oracle/regex run on each pattern/input), where JavaScript differs.
const TABLE: [RegexCase, string, string, boolean][] = [
  [rc(any), '\u0085', '.', false],
  [rc(any, 's'), '\u0085', '(?s).', true],
  [rc(any), '😀', '.', true],
  [rc({ kind: 'seq', items: [any, any] }), '😀', '..', false],
  [rc({ kind: 'shorthand', name: 's' }), '\u00a0', '\\s', false],
  [rc({ kind: 'shorthand', name: 's' }), '\u000b', '\\s', true],
  [rc({ kind: 'shorthand', name: 'W' }), 'é', '\\W', true],
  [rc(ch('é'), 'i'), 'É', '(?i)é', false],
  [rc(ch('K'), 'i'), '\u212a', '(?i)K', false],
  [rc({ kind: 'class', negated: true, items: ['a'] }, 'i'), 'A', '(?i)[^a]', false],
  [
    rc(
      {
        kind: 'repeat',
        body: { kind: 'class', negated: false, items: [['a', 'z']] },
        min: 1,
        max: Infinity,
        lazy: false,
      },
      'i',
    ),
    'AbZ',
    '(?i)[a-z]+',
    true,
  ],
  [
    rc({
      kind: 'seq',
      items: [
        {
          kind: 'repeat',
          body: { kind: 'group', body: ch('a'), capture: false },
          min: 0,
          max: 3,
          lazy: false,
        },
        ch('b'),
      ],
    }),
    'ab',
    '(?:a){0,3}b',
    true,
  ],
  [
    rc({
      kind: 'seq',
      items: [{ kind: 'repeat', body: ch('a'), min: 0, max: 0, lazy: true }, ch('b')],
    }),
    'b',
    'a{0}?b',
    true,
  ],
  [rc({ kind: 'class', negated: false, items: [['à', 'ÿ'], '-', '.'] }), 'é', '[à-ÿ\\-\\.]', true],
]

describe('regex model (java.util.regex subset)', () => {
  it('prints Java syntax and answers as Java does', () => {
    for (const [c, subject, text, java] of TABLE) {
      expect(printRegex(c)).toBe(text)
      expect([text, subject, modelMatches(c, subject)]).toEqual([text, subject, java])
    }
  })
})

import { describe, expect, it } from 'vitest'
import { JAVA_REGEX_MONARCH } from './java-regex-monarch'
import { styledTokens } from './monarch-harness'
import type { TestToken } from './monarch-harness'

const tokens = (pattern: string) => styledTokens('java-regex', JAVA_REGEX_MONARCH, pattern)

describe('JAVA_REGEX_MONARCH', () => {
  it('tokenizes groups, flags, quantifiers and anchors', () => {
    const table: Array<[string, TestToken[]]> = [
      ['(?i)abc', [['(?i)', 'keyword.flow']]],
      [
        '(?s-m:a)',
        [
          ['(?s-m:', 'keyword.flow'],
          [')', 'keyword'],
        ],
      ],
      [
        '(?<code>\\d{3})|(?:x)',
        [
          ['(?<code>', 'keyword'],
          ['\\d', 'type'],
          ['{3}', 'number'],
          [')|(?:', 'keyword'],
          [')', 'keyword'],
        ],
      ],
      [
        '(?=a)(?<!b)(?>c)',
        [
          ['(?=', 'keyword'],
          [')(?<!', 'keyword'],
          [')(?>', 'keyword'],
          [')', 'keyword'],
        ],
      ],
      [
        'a*?b++c{2,}?',
        [
          ['*?', 'number'],
          ['++', 'number'],
          ['{2,}?', 'number'],
        ],
      ],
      [
        '^.*Error.*$',
        [
          ['^.', 'variable.predefined'],
          ['*', 'number'],
          ['.', 'variable.predefined'],
          ['*', 'number'],
          ['$', 'variable.predefined'],
        ],
      ],
    ]
    for (const [pattern, expected] of table) expect(tokens(pattern), pattern).toEqual(expected)
  })

  it('tokenizes character classes, including nested classes and intersections', () => {
    expect(tokens('[a-z&&[^aeiou]]')).toEqual([
      ['[', 'constant'],
      ['-', 'delimiter'],
      ['&&[^', 'constant'],
      [']]', 'constant'],
    ])
    expect(tokens('[\\w.-]+')).toEqual([
      ['[', 'constant'],
      ['\\w', 'type'],
      ['-', 'delimiter'],
      [']', 'constant'],
      ['+', 'number'],
    ])
  })

  it('tokenizes escapes and quoting', () => {
    const table: Array<[string, TestToken[]]> = [
      [
        '\\Q.*(\\E.',
        [
          ['\\Q', 'regexp'],
          ['.*(', 'string'],
          ['\\E', 'regexp'],
          ['.', 'variable.predefined'],
        ],
      ],
      ['\\p{Lu}\\P{IsAlphabetic}\\pL', [['\\p{Lu}\\P{IsAlphabetic}\\pL', 'type']]],
      [
        '\\bx\\z',
        [
          ['\\b', 'variable.predefined'],
          ['\\z', 'variable.predefined'],
        ],
      ],
      [
        '(a)\\1\\k<n>',
        [
          ['(', 'keyword'],
          [')', 'keyword'],
          ['\\1\\k<n>', 'variable'],
        ],
      ],
      ['\\x41\\u00e9\\t\\.', [['\\x41\\u00e9\\t\\.', 'regexp']]],
      ['\\y', [['\\y', 'invalid']]],
      ['abc\\', [['\\', 'invalid']]],
    ]
    for (const [pattern, expected] of table) expect(tokens(pattern), pattern).toEqual(expected)
  })
})

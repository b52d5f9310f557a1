import { describe, expect, it } from 'vitest'
import { matchSelectionPattern, translateJavaRegex } from './index'

/** Java pattern → JavaScript source, and what Java's Matcher.matches() says on some subjects. */
const TABLE: {
  java: string
  js?: string
  yes?: string[]
  no?: string[]
}[] = [
  { java: 'abc', js: 'abc', yes: ['abc'], no: ['ab', 'abcd', 'ABC'] },
  { java: '(?i)ab', js: '[Aa][Bb]', yes: ['aB', 'AB'], no: ['ac'] },
  { java: '(?i)k', js: '[Kk]', yes: ['K'], no: ['\u212a'] },
  { java: '(?iu)k', yes: ['K', '\u212a'] },
  { java: '(?i)é', yes: ['é'], no: ['É'] },
  { java: '(?iu)é', yes: ['É'] },
  { java: 'a.c', yes: ['abc'], no: ['a\nc', 'a\rc', 'a\u0085c', 'a\u2028c'] },
  { java: '(?s)a.c', yes: ['a\nc'] },
  { java: '(?d)a.c', yes: ['a\rc'], no: ['a\nc'] },
  { java: 'a$', yes: ['a'], no: ['a\n'] },
  { java: 'a$\\R?', yes: ['a', 'a\n', 'a\r\n', 'a\u2028'], no: ['a\n\n'] },
  { java: 'a\\z', yes: ['a'], no: ['a\n'] },
  { java: '(?m)a$\\n^b', yes: ['a\nb'] },
  { java: '\\Aa\\Z\\n?', yes: ['a', 'a\n'], no: ['a\n\n'] },
  { java: '\\Q.*\\E', js: '\\x2E\\x2A', yes: ['.*'], no: ['ab'] },
  { java: 'a*+a', no: ['aaa'] },
  { java: '(?>a|ab)c', yes: ['ac'], no: ['abc'] },
  // A digit after a possessive quantifier or atomic group is a literal, not part of `\N`.
  { java: 'x++1', js: '(?=((?:x)+))(?:\\1)1', yes: ['x1', 'xx1'], no: ['x11', 'x'] },
  { java: '(?>ab|a)2', yes: ['ab2', 'a2'], no: ['ab'] },
  { java: '(?>a|ab)2', yes: ['a2'], no: ['ab2'] },
  { java: '[0-9]*+0', no: ['0', '120'] },
  { java: '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)x++1', yes: ['abcdefghijkxx1'], no: ['abcdefghijkx'] },
  {
    java: '[a-z&&[^aeiou]]+',
    js: '[[a-z]&&[\\p{Any}--[aeiou]]]+',
    yes: ['bcd'],
    no: ['bad'],
  },
  { java: '[a-d[m-p]]+', yes: ['amp'], no: ['z'] },
  { java: '[^a[b]]', yes: ['c'], no: ['a', 'b'] },
  { java: '\\p{Lu}\\p{javaLowerCase}', js: '\\p{Lu}\\p{Lowercase}', yes: ['Ab'], no: ['AB'] },
  { java: '\\p{Punct}', yes: ['!'], no: ['¿'] },
  { java: '(?U)\\p{Punct}', yes: ['¿'] },
  { java: '\\p{InGreek}\\p{IsLatin}', yes: ['αa'] },
  { java: '\\w', yes: ['_'], no: ['é'] },
  { java: '\\h\\v', yes: [' \n'] },
  { java: '\\R', yes: ['\r\n', '\n', '\u2029'], no: ['\n\n'] },
  { java: '\\0101\\x{42}\\u0043\\cA\\e', yes: ['ABC\u0001\u001b'] },
  { java: '(?<y>\\d{4})-\\k<y>', yes: ['2024-2024'], no: ['2024-2025'] },
  { java: '(a)\\10', yes: ['aa0'], no: ['aa'] },
  { java: '(a)?\\1b', no: ['b'] },
  { java: '(?i)(ab)\\1', yes: ['abAB'] },
  { java: '{2}a', yes: ['a'] },
  { java: 'a|', yes: ['', 'a'] },
  { java: '\\bfoo\\b', yes: ['foo'] },
  { java: '.*(?<=ab+)c', yes: ['abbc'], no: ['ac'] },
  // Fuzz regressions. U+10028 once read as '(' (its low 16 bits) and looped until out of memory.
  { java: '\u{10028}', js: '\\u{10028}', yes: ['\u{10028}'], no: ['(', ''] },
  { java: '[\u{10028}-\u{1002A}]+', yes: ['\u{10029}\u{10028}'], no: ['(', ')'] },
  { java: '(?i)\u{1005C}\u{1007C}', yes: ['\u{1005C}\u{1007C}'], no: ['\\|'] },
  { java: '(?iu)\u{10400}+', yes: ['\u{10428}\u{10400}'], no: ['\u{10401}'] },
  { java: '(?iu)[^\u{10400}]', yes: ['a'], no: ['\u{10428}'] },
  // V8 mis-compiles a top-level [^…] in v mode inside an unrolled quantified group.
  { java: '(?:x[^a])+', yes: ['x1', 'xbx2'], no: ['xa', 'x1xa'] },
  { java: '(?:x[^\\w]){2}', yes: ['x-x-'], no: ['x-xa'] },
  { java: '(?is)(?:\\.[^0-9]\\W){2}', yes: ['.a-.a-'], no: ['.1-.a-'] },
  { java: '(?:x\\S)+', yes: ['xax1'], no: ['x '] },
  { java: '(?:x.)+', yes: ['xaxb'], no: ['x\n'] },
]

describe('translateJavaRegex', () => {
  it('translates each Java pattern to the expected JavaScript source', () => {
    for (const row of TABLE) {
      const t = translateJavaRegex(row.java)
      expect(t.ok, row.java).toBe(true)
      if (t.ok && row.js) expect(t.value.source, row.java).toBe(row.js)
      if (t.ok) expect(t.value.flags).toBe('v')
    }
  })

  it('round-trips: the translation matches like Java does', () => {
    for (const row of TABLE) {
      for (const s of row.yes ?? [])
        expect(
          matchSelectionPattern(row.java, s).outcome,
          `${row.java} ~ ${JSON.stringify(s)}`,
        ).toBe('matched')
      for (const s of row.no ?? [])
        expect(
          matchSelectionPattern(row.java, s).outcome,
          `${row.java} !~ ${JSON.stringify(s)}`,
        ).toBe('not-matched')
    }
  })

  it('reports groups like Java, including captures kept across repetitions', () => {
    expect(matchSelectionPattern('(\\d+)-(x)?(\\w+)', '12-ab').groups).toEqual(['12', null, 'ab'])
    expect(matchSelectionPattern('(?:(a)|b)+', 'ab').groups).toEqual(['a'])
    expect(matchSelectionPattern('(a*)*', 'aa').groups).toEqual([''])
    expect(matchSelectionPattern('(c|\\1x)+', 'ccx').groups).toEqual(['cx'])
    // Java keeps a repetition that matched nothing (and its capture); JavaScript drops it.
    expect(matchSelectionPattern('(?:(a{0})|a){0,2}', '').groups).toEqual([''])
    expect(matchSelectionPattern('(?:(a?)|b)*', 'b').groups).toEqual([''])
  })
})

describe('invalid and untranslatable patterns', () => {
  const INVALID: [string, string, number][] = [
    ['(abc', 'Unclosed group', 4],
    ['abc)', "Unmatched closing ')'", 2],
    ['*a', "Dangling meta character '*'", 0],
    ['a{2,1}', 'Illegal repetition range', 5],
    ['a{', 'Illegal repetition', 2],
    ['[z-a]', 'Illegal character range', 3],
    ['[abc', 'Unclosed character class', 3],
    ['\\p{Nope}', 'Unknown character property name {Nope}', 7],
    ['(?<a>x)\\k<b>', 'named capturing group <b> does not exist', 11],
    ['(?<=a\\1)', 'Look-behind group does not have an obvious maximum length', 6],
    ['\\i', 'Illegal/unsupported escape sequence', 1],
    ['x\\', 'Unexpected internal error', 2],
    ['\\N{NO SUCH NAME}', 'Unknown character name [NO SUCH NAME]', 15],
    ['(?i\u{10069})a', 'Unknown inline modifier', 3],
  ]
  it("gives Java's message and index, with a span", () => {
    for (const [p, message, index] of INVALID) {
      const m = matchSelectionPattern(p, 'x', 'integration.responses.400.selectionPattern')
      expect(m.outcome, p).toBe('invalid')
      const d = m.diagnostics[0]
      expect(d?.message, p).toBe(`${message} near index ${index}`)
      expect(d?.code).toBe('regex.syntax')
      expect(d?.source).toBe('integration.responses.400.selectionPattern')
      expect(d?.span.start, p).toBe(index)
    }
  })

  it('never throws on odd input', () => {
    for (const p of [
      '(?',
      '[',
      '\\',
      '(?<',
      '\\p{',
      '[a-\\',
      '\\x{',
      '(?x)#',
      '\\Q',
      '\\E',
      '(?<=\\X)',
    ])
      expect(() => matchSelectionPattern(p, 'abc')).not.toThrow()
  })

  it('reports an undecidable \\N{name} as untranslatable, with a hint', () => {
    const m = matchSelectionPattern('\\N{NOT A NAME}', 'x')
    expect(m.outcome).toBe('untranslatable')
    expect(m.diagnostics[0]?.hint).toMatch(/\\x\{/)
  })
})

describe('exactness and caching', () => {
  it('marks translations that Java semantics would contradict, and still matches like Java', () => {
    const t = translateJavaRegex('(a)?\\1b')
    expect(t.ok && t.value.exact).toBe(false)
    expect(t.ok && t.value.inexactReason).toMatch(/back-reference/)
    // Java keeps the empty repetition's capture: the RegExp would give null, so it is not exact.
    const empty = translateJavaRegex('(?:(a{0})|a){0,2}')
    expect(empty.ok && empty.value.exact).toBe(false)
    expect(translateJavaRegex('a+b').ok && translateJavaRegex('a+b')).toMatchObject({
      value: { exact: true },
    })
  })

  it('never emits [^…], which V8 mis-compiles in v mode inside unrolled quantifiers', () => {
    for (const p of [
      '[^a]',
      '\\W',
      '\\D',
      '\\S',
      '\\H',
      '\\V',
      '.',
      '(?d).',
      '[^a&&[^b]]',
      '\\p{Graph}',
      '\\X',
    ])
      expect(translateJavaRegex(p).ok && translateJavaRegex(p), p).not.toMatchObject({
        value: { source: expect.stringContaining('[^') as unknown },
      })
  })

  it('reuses a compiled pattern (the UI matches on every keystroke)', () => {
    const first = translateJavaRegex('(?i)cache-me')
    const again = translateJavaRegex('(?i)cache-me')
    expect(first.ok && again.ok && first.value.groupMap === again.value.groupMap).toBe(true)
  })
})

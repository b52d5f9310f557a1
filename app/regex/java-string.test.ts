import { describe, expect, it } from 'vitest'
import { javaReplaceAll, javaReplaceFirst, javaSplit, javaStringMatches } from './index'

// Expected values were produced by JDK 17's String.split / replaceAll / replaceFirst.
describe('Java String regex methods', () => {
  it('split: limits, trailing empties and the zero-width leading match rule', () => {
    const rows: [string, string, number, string[]][] = [
      ['a,b,,c,,', ',', 0, ['a', 'b', '', 'c']],
      ['a,b,,c,,', ',', -1, ['a', 'b', '', 'c', '', '']],
      ['a,b,,c,,', ',', 2, ['a', 'b,,c,,']],
      ['abc', '', 0, ['a', 'b', 'c']],
      ['', ',', 0, ['']],
      [',a', ',', 0, ['', 'a']],
      ['a1b22c', '(?=\\d)', 0, ['a', '1b', '2', '2c']],
      ['boo:and:foo', 'o', 0, ['b', '', ':and:f']],
      ['boo:and:foo', 'o', 5, ['b', '', ':and:f', '', '']],
      ['a\r\nb\nc', '\\R', 0, ['a', 'b', 'c']],
      ['  a  b ', '\\s+', 0, ['', 'a', 'b']],
    ]
    for (const [input, p, limit, expected] of rows)
      expect(javaSplit(input, p, limit), `${input} / ${p} / ${limit}`).toEqual({
        ok: true,
        value: expected,
      })
  })

  it('replaceAll / replaceFirst: $n, ${name}, escapes, empty matches, \\G', () => {
    const rows: [string, string, string, string][] = [
      ['hello world', '(o)', '[$1]', 'hell[o] w[o]rld'],
      ['abc', '', '-', '-a-b-c-'],
      ['aaa', 'a*', 'X', 'XX'],
      ['x', '(?<n>x)', '${n}${n}', 'xx'],
      ['aab', '\\Ga', 'X', 'XXb'],
      ['2024-05-01', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1', '01/05/2024'],
      ['abc', '(b)', '$10', 'ab0c'],
      ['abc', '(x)?b', '[$1]', 'a[]c'],
      ['a\nb\n', '(?m)$', '<', 'a<\nb<\n<'],
      ['aaa', 'a??', '-', '-a-a-a-'],
    ]
    for (const [input, p, r, expected] of rows)
      expect(javaReplaceAll(input, p, r), `${input} / ${p} / ${r}`).toEqual({
        ok: true,
        value: expected,
      })
    expect(javaReplaceFirst('a.b.c', '\\.', '\\$')).toEqual({ ok: true, value: 'a$b.c' })
  })

  it('reports bad replacements like Java, but only when something matched', () => {
    expect(javaReplaceAll('x', 'x', '$2')).toEqual({
      ok: false,
      error: 'replacement',
      message: 'No group 2',
    })
    expect(javaReplaceAll('x', 'x', '$')).toMatchObject({ ok: false, error: 'replacement' })
    expect(javaReplaceAll('x', 'x', '${zz}')).toMatchObject({ message: 'No group with name {zz}' })
    expect(javaReplaceAll('y', 'x', '$9')).toEqual({ ok: true, value: 'y' })
  })

  it('matches and invalid patterns', () => {
    expect(javaStringMatches('abc', 'a.c')).toEqual({ ok: true, value: true })
    expect(javaStringMatches('abcd', 'a.c')).toEqual({ ok: true, value: false })
    expect(javaSplit('a', '(')).toMatchObject({ ok: false, error: 'invalid' })
  })
})

import { describe, expect, it } from 'vitest'
import { TokenManager, type TokenKind } from './lexer'

function kinds(src: string): [TokenKind, string][] {
  const lx = new TokenManager(src)
  const out: [TokenKind, string][] = []
  for (;;) {
    const t = lx.next()
    if (t.kind === 'EOF') return out
    out.push([t.kind, t.special + t.image])
  }
}

describe('lexer: Velocity 1.7 token states', () => {
  it('tokenizes a table of inputs like JavaCC would', () => {
    const table: [string, [TokenKind, string][]][] = [
      [
        'a $b c',
        [
          ['TEXT', 'a '],
          ['IDENTIFIER', '$b'],
          ['TEXT', ' c'],
        ],
      ],
      ['$1.50', [['TEXT', '$1.50']]],
      ['\\$a', [['IDENTIFIER', '\\$a']]],
      ['#$a', [['IDENTIFIER', '#$a']]],
      [
        '$!{a}',
        [
          ['LCURLY', '$!{'],
          ['IDENTIFIER', 'a'],
          ['RCURLY', '}'],
        ],
      ],
      ['  #set(', [['SET_DIRECTIVE', '  #set(']]],
      [
        '#end \nx',
        [
          ['END', '#end \n'],
          ['TEXT', 'x'],
        ],
      ],
      [
        '#{else}y',
        [
          ['ELSE_DIRECTIVE', '#{else}'],
          ['TEXT', 'y'],
        ],
      ],
      [
        '## c\nx',
        [
          ['SINGLE_LINE_COMMENT_START', '##'],
          ['SINGLE_LINE_COMMENT', '\n'],
          ['TEXT', 'x'],
        ],
      ],
      ['#[[$a]]#', [['TEXTBLOCK', '#[[$a]]#']]],
      ['\\#if', [['ESCAPE_DIRECTIVE', '\\#if']]],
      [
        '$a.b(1)',
        [
          ['IDENTIFIER', '$a'],
          ['DOT', '.'],
          ['IDENTIFIER', 'b'],
          ['LPAREN', '('],
          ['INTEGER_LITERAL', '1'],
          ['REFMOD2_RPAREN', ')'],
        ],
      ],
    ]
    for (const [src, expected] of table) expect([src, kinds(src)]).toEqual([src, expected])
  })
  it('gobbles the newline after a directive closing parenthesis', () => {
    expect(kinds('#if(true)  \nx').map((k) => k[1])).toEqual(['#if', '(', 'true', ')  \n', 'x'])
  })
})

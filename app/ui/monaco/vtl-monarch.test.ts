import { describe, expect, it } from 'vitest'
import { styledTokens, tokenizeWith } from './monarch-harness'
import type { TestToken } from './monarch-harness'
import { VTL_MONARCH } from './vtl-monarch'

const tokens = (line: string) => styledTokens('vtl', VTL_MONARCH, line)

describe('VTL_MONARCH', () => {
  it('tokenizes directives, references and expressions', () => {
    const table: Array<[string, TestToken[]]> = [
      [
        '#if($a == "b")x#end',
        [
          ['#if', 'keyword'],
          ['(', 'delimiter.parenthesis'],
          ['$a', 'variable'],
          ['==', 'operator'],
          ['"b"', 'string'],
          [')', 'delimiter.parenthesis'],
          ['#end', 'keyword'],
        ],
      ],
      [
        "$input.path('$.x').size()",
        [
          ['$input', 'variable'],
          ['.', 'delimiter'],
          ['path', 'variable.predefined'],
          ['(', 'delimiter.parenthesis'],
          ["'$.x'", 'string'],
          [')', 'delimiter.parenthesis'],
          ['.', 'delimiter'],
          ['size', 'variable.predefined'],
          ['()', 'delimiter.parenthesis'],
        ],
      ],
      [
        '#foreach($i in [1..3])',
        [
          ['#foreach', 'keyword'],
          ['(', 'delimiter.parenthesis'],
          ['$i', 'variable'],
          ['in', 'keyword'],
          ['[', 'delimiter.bracket'],
          ['1', 'number'],
          ['..', 'operator'],
          ['3', 'number'],
          [']', 'delimiter.bracket'],
          [')', 'delimiter.parenthesis'],
        ],
      ],
      [
        '#set($m = {"k": $x.y})',
        [
          ['#set', 'keyword'],
          ['(', 'delimiter.parenthesis'],
          ['$m', 'variable'],
          ['=', 'operator'],
          ['{', 'delimiter.bracket'],
          ['"k"', 'string'],
          [':', 'delimiter'],
          ['$x', 'variable'],
          ['.', 'delimiter'],
          ['y', 'variable'],
          ['}', 'delimiter.bracket'],
          [')', 'delimiter.parenthesis'],
        ],
      ],
      [
        '"v": "$!{context.stage}"',
        [
          ['$!{context', 'variable'],
          ['.', 'delimiter'],
          ['stage}', 'variable'],
        ],
      ],
      [
        'a#{else}b #{end}',
        [
          ['#{else}', 'keyword'],
          ['#{end}', 'keyword'],
        ],
      ],
      [
        '#break #stop',
        [
          ['#break', 'keyword'],
          ['#stop', 'keyword'],
        ],
      ],
      [
        '#mymacro($a)',
        [
          ['#mymacro', 'type'],
          ['(', 'delimiter.parenthesis'],
          ['$a', 'variable'],
          [')', 'delimiter.parenthesis'],
        ],
      ],
      [
        '"s": "$x[0]"',
        [
          ['$x', 'variable'],
          ['[', 'delimiter.bracket'],
          ['0', 'number'],
          [']', 'delimiter.bracket'],
        ],
      ],
    ]
    for (const [line, expected] of table) expect(tokens(line), line).toEqual(expected)
  })

  it('tokenizes comments, unparsed blocks and escapes', () => {
    const table: Array<[string, TestToken[]]> = [
      ['x ## $not.a.ref', [['## $not.a.ref', 'comment']]],
      [
        '#* $a *# $b',
        [
          ['#* $a *#', 'comment'],
          ['$b', 'variable'],
        ],
      ],
      ['#[[ #if $raw ]]#', [['#[[ #if $raw ]]#', 'string.unparsed']]],
      [
        '\\$escaped \\#if',
        [
          ['\\$escaped', 'string.escape'],
          ['\\#if', 'string.escape'],
        ],
      ],
    ]
    for (const [line, expected] of table) expect(tokens(line), line).toEqual(expected)
  })

  it('leaves template text and look-alikes unstyled', () => {
    expect(tokens('{"price": 10, "tag": "#endless", "cost": "$5"}')).toEqual([])
    expect(tokens('$input.body.')).toEqual([
      ['$input', 'variable'],
      ['.', 'delimiter'],
      ['body', 'variable'],
    ])
  })

  it('carries block comments and directive arguments across lines', () => {
    const lines = tokenizeWith('vtl', VTL_MONARCH, '#* one\n two *# $a\n#if(\n $b )\n#end')
    const styled = lines.map((line) => line.filter(([text, type]) => text.trim() && type))
    expect(styled).toEqual([
      [['#* one', 'comment']],
      [
        [' two *#', 'comment'],
        ['$a', 'variable'],
      ],
      [
        ['#if', 'keyword'],
        ['(', 'delimiter.parenthesis'],
      ],
      [
        ['$b', 'variable'],
        [')', 'delimiter.parenthesis'],
      ],
      [['#end', 'keyword']],
    ])
  })
})

import { describe, it } from 'vitest'
import { expectRender } from './test-helper'

describe('references', () => {
  it('prints undefined and null as empty like API Gateway', () => {
    expectRender('[$a][$!a][${a}][$a.b.c()]', {}, '[][][][]')
    expectRender('#set($m = {})$m.put("a", 1)|$m', {}, '|{a=1}')
  })
  it('applies escapes', () => {
    expectRender('#set($a = "x")\\$a \\\\$a', {}, '$a \\x')
    expectRender('Price: $1.50 $$ x', {}, 'Price: $1.50 $$ x')
  })
  it('prints Java values', () => {
    expectRender(
      '#set($d = 1e3)$d|#set($r = 7 / 2)$r|#set($b = 2147483647 + 1)$b',
      {},
      '1000.0|3|2147483648',
    )
    expectRender(
      '#set($m = {"a": [1, "x"]})$m $m.keySet() $m.entrySet()',
      {},
      '{a=[1, x]} [a] [a=[1, x]]',
    )
  })
  it('reads $input, $context and $stageVariables', () => {
    expectRender(
      "$input.json('$.a')|$input.path('$.b')|$input.params('id')",
      {
        body: '{"a":[1,{"x":true}],"b":2.0}',
        params: { path: { id: '7' }, querystring: {}, header: {} },
      },
      '[1,{"x":true}]|2.0|7',
    )
    expectRender(
      '$context.stage $stageVariables.env',
      { context: { stage: 'prod' }, stageVariables: { env: 'e' } },
      'prod e',
    )
  })
})

describe('hostile templates stay inside the sandbox', () => {
  it('cannot reach JavaScript objects', () => {
    expectRender(
      '#set($x = "s")[$x.constructor][$x.__proto__][$x.getClass()][$x.constructor.name]',
      {},
      '[][s.__proto__][][]',
    )
    expectRender('#set($m = {})[$m["__proto__"]][$m.constructor][$m.toString.call()]', {}, '[][][]')
    expectRender('[$input.constructor][$util.prototype][$context.constructor]', {}, '[][][]')
  })
  it('can store odd keys as ordinary data', () => {
    expectRender(
      '#set($m = {})#set($x = $m.put("__proto__", 1))$m $m.get("__proto__") $m.__proto__',
      {},
      '{__proto__=1} 1 {__proto__=1}.__proto__',
    )
  })
})

describe('number methods', () => {
  it('narrows like Java: byteValue, shortValue, intValue of a Long, saturating longValue', () => {
    expectRender(
      '#set($l = 9000000000)$l.intValue() $l.byteValue() $l.shortValue() $l.hashCode()',
      {},
      '410065408 0 6656 410065410',
    )
    expectRender('#set($i = 300)$i.byteValue() $i.shortValue()', {}, '44 300')
    expectRender('#set($d = 1e20)$d.byteValue() $d.longValue()', {}, '-1 9223372036854775807')
    expectRender('#set($b = 99999999999999999999)$b.hashCode()', {}, '1882487351')
  })
})

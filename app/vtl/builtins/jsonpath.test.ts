import { describe, expect, it } from 'vitest'
import type { Json } from '../../model'
import {
  JavaNumber,
  formatJavaDouble,
  evaluateJsonPath,
  evaluateJsonPathValue,
  formatInputJson,
  parseJsonBody,
  parseJsonBodyValue,
} from './jsonpath'

/** `$input.json(path)` on `body`, or `<missing>` / `<error>` like the oracle harness prints. */
function inputJson(body: string, path: string): string {
  const parsed = parseJsonBodyValue(body)
  if (!parsed.ok) return '<error>'
  const result = evaluateJsonPathValue(parsed.value, path)
  if (!result.ok) return '<error>'
  return result.value === undefined ? '<missing>' : formatInputJson(result.value)
}

describe('$input.json as the conformance corpus records it (api-gateway.jsonl)', () => {
  const rows: [body: string, path: string, printed: string][] = [
    ['{"errorMessage":"Missing id","errorType":"BadRequest"}', '$.errorMessage', '"Missing id"'],
    ['{"a":1,"b":[true,null,"x"],"c":{"d":2.5}}', '$', '{"a":1,"b":[true,null,"x"],"c":{"d":2.5}}'],
    ['{"a":1}', '$.a', '1'],
    [
      '[{"id":1,"type":"dog","price":249.99},{"id":2,"type":"cat","price":124.99},{"id":3,"type":"fish","price":0.99}]',
      '$[1]',
      '{"id":2,"type":"cat","price":124.99}',
    ],
    ['{"a":1,"b":2}', '$.*', '[1,2]'],
    ['{"my key":"v"}', "$['my key']", '"v"'],
    ['{"a":1.50}', '$.a', '1.5'],
    ['{"big":12345678901234567890}', '$.big', '12345678901234567890'],
    ['', '$', '{}'],
    ['{"a":{"b":{"c":"x\\ny"}}}', '$.a.b', '{"c":"x\\ny"}'],
    ['{"n":null}', '$.n', 'null'],
    ['{"items":[]}', '$.items', '[]'],
  ]
  it.each(rows)('%s %s → %s', (body, path, printed) => {
    expect(inputJson(body, path)).toBe(printed)
  })

  it('prints nothing for a missing path', () => {
    const parsed = parseJsonBodyValue('{"a":1}')
    expect(parsed.ok && evaluateJsonPathValue(parsed.value, '$.missing')).toEqual({
      ok: true,
      value: undefined,
    })
    expect(formatInputJson(undefined)).toBe('')
  })
})

describe('numbers keep their Java type', () => {
  const rows: [body: string, printed: string][] = [
    ['{"x":2.0,"y":1e2,"z":1e20}', '{"x":2.0,"y":100.0,"z":1.0E20}'],
    ['[12345678.5,0.0001,0.001,-0.0,1.5e300]', '[1.23456785E7,1.0E-4,0.001,0.0,1.5E300]'],
    [
      '[2147483647,2147483648,-9223372036854775808,9223372036854775808]',
      '[2147483647,2147483648,-9223372036854775808,9223372036854775808]',
    ],
    ['[1e400,-0]', '[null,0]'],
  ]
  it.each(rows)('%s', (body, printed) => {
    expect(inputJson(body, '$')).toBe(printed)
  })

  it('types each number like the oracle (Integer, Long, BigInteger, Double)', () => {
    const parsed = parseJsonBodyValue('[1, 3000000000, 99999999999999999999, 1.0]')
    if (!parsed.ok || !Array.isArray(parsed.value)) throw new Error('parse failed')
    expect(parsed.value.map((n) => (n instanceof JavaNumber ? [n.type, n.text] : n))).toEqual([
      ['Integer', '1'],
      ['Long', '3000000000'],
      ['BigInteger', '99999999999999999999'],
      ['Double', '1.0'],
    ])
  })
})

describe('formatJavaDouble is JDK 17 Double.toString', () => {
  // Outputs of JDK 17's Double.toString; 20000 random doubles agreed when this was written,
  // including whole numbers above 2^53 where JDK 17 prints more digits than the shortest form.
  const rows: [input: string, java: string][] = [
    ['3.725743740797043e-14', '3.725743740797043E-14'],
    ['8.38088e+3', '8380.88'],
    ['7.2245025635e+8', '7.2245025635E8'],
    ['4.67010382743473e-184', '4.67010382743473E-184'],
    ['4.642060995101929e-16', '4.642060995101929E-16'],
    ['6.3967e+2', '639.67'],
    ['8.48603487014771e+8', '8.48603487014771E8'],
    ['3.871925010578695e+269', '3.871925010578695E269'],
    ['-3.159205913543701e+8', '-3.159205913543701E8'],
    ['8.83399e-2', '0.0883399'],
    ['3.08330059052e+8', '3.08330059052E8'],
    ['-7.962077652550723e+38', '-7.962077652550723E38'],
    ['4.6393623255501815e+231', '4.6393623255501815E231'],
    ['-2.8698600349961346e-41', '-2.8698600349961346E-41'],
    ['2.6715776978030534e+300', '2.6715776978030534E300'],
    ['-1.2679686882938832e-271', '-1.2679686882938832E-271'],
    ['-2.825435896550477e+250', '-2.825435896550477E250'],
    ['-2.113318209741217e+55', '-2.113318209741217E55'],
    ['5.555042504827308e+176', '5.555042504827308E176'],
    ['-3.1687974705301264e+45', '-3.1687974705301264E45'],
    ['-2.93376577262573e-14', '-2.93376577262573E-14'],
    ['6.91798288138769e-8', '6.91798288138769E-8'],
    ['-1.5435160744595323e+238', '-1.5435160744595323E238'],
    ['-1.2968842122093352e+230', '-1.2968842122093352E230'],
    ['3.0231459053084498e-142', '3.0231459053084498E-142'],
    ['1.7475128173828124e+18', '1.74751281738281242E18'],
    ['-2.9246821726352375e+175', '-2.9246821726352375E175'],
    ['-1.3838143836544372e+176', '-1.3838143836544372E176'],
    ['-3.1581354141235354e+17', '-3.1581354141235354E17'],
    ['-4.8934543132781984e+17', '-4.8934543132781984E17'],
    ['3.5229110717773436e+16', '3.5229110717773436E16'],
    ['0.001', '0.001'],
    ['1.0E7', '1.0E7'],
    ['9999999', '9999999.0'],
    ['1e-3', '0.001'],
    ['9.999e-4', '9.999E-4'],
    ['100', '100.0'],
    ['-0.0', '-0.0'],
    ['0', '0.0'],
  ]
  it.each(rows)('%s → %s', (input, java) => {
    expect(formatJavaDouble(Number(input))).toBe(java)
  })
  it('prints NaN and the infinities like Java', () => {
    expect([NaN, Infinity, -Infinity].map(formatJavaDouble)).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
    ])
  })
})

describe('objects keep document order, also for integer-like keys', () => {
  it('prints {"b","2","1"} in that order', () => {
    expect(inputJson('{"b":1,"2":2,"1":3}', '$')).toBe('{"b":1,"2":2,"1":3}')
    expect(inputJson('{"b":1,"2":2,"1":3}', '$.*')).toBe('[1,2,3]')
  })

  it('keeps the last value of a repeated key at its first place', () => {
    expect(inputJson('{"a":1,"b":2,"a":3}', '$')).toBe('{"a":3,"b":2}')
  })

  it('treats __proto__ as an ordinary key', () => {
    expect(inputJson('{"__proto__":{"x":1}}', '$.__proto__.x')).toBe('1')
    const plain = parseJsonBody('{"__proto__":{"x":1}}')
    expect(plain.ok && Object.getPrototypeOf(plain.value)).toBe(Object.prototype)
    expect(plain.ok && Object.keys(plain.value as object)).toEqual(['__proto__'])
  })
})

describe('strings print with the oracle escapes', () => {
  it('escapes quotes, backslash, controls, DEL and lone surrogates; keeps / and non-ASCII', () => {
    expect(formatInputJson('a"b\\c\n\r\t\b\f\u0001\u007f/é😀\ud800x')).toBe(
      '"a\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u007f/é😀\\ud800x"',
    )
  })
})

/**
 * Random documents and paths in the oracle's JSONPath subset, answered by the oracle's own Java
 * JsonPath + writer (`../shared/oracle/vtl/VtlOracle.java`); 3000 such cases agreed when this
 * file was written, these are a frozen sample.
 */
const ORACLE_SAMPLE: [body: string, path: string, printed: string][] = [
  [
    '[{"b":{"b":"q\\"uo\\\\te","my key":[false,1e20,1.5],"0":[]},"a":{"c":{"0":"str","b":163},"a":"str"}},"str"]',
    '$["0"].x-y.x-y',
    '<missing>',
  ],
  ['[12345678.5,"é😀",{"10":"x\\ny"}]', '$.b[2]', '<missing>'],
  ['[{},{"my key":"str","0":[{"my key":-39}]}]', ' $[*].* ', '["str",[{"my key":-39}]]'],
  ['{"10":[-34,"str"]}', ' $["a"] ', '<missing>'],
  ['["s",123456789012,{"0":"str","my key":"str"}]', " $['0']['x-y'] ", '<missing>'],
  ['[{},[["q\\"uo\\\\te",{"10":"","10":1.5}]]]', ' $.*.* ', '[["q\\"uo\\\\te",{"10":1.5}]]'],
  ['{"0":-69,"0":{"b":"x\\ny"}}', '$["b"]', '<missing>'],
  ['[[288],["str",708],1e20]', "$[2]['my key']", '<missing>'],
  [
    '{"my key":[123456789012,{"x-y":[784,963]}],"my key":{"0":"str"},"10":false}',
    '$.c.10',
    '<missing>',
  ],
  ['{"10":[],"10":"str","my key":518}', '$.c[0]["my key"]', '<missing>'],
  [
    '[-21,[{"c":602,"10":{"0":"str","c":"q\\"uo\\\\te","10":-95},"c":"str"}]]',
    '$.*.*[*]',
    '["str",{"0":"str","c":"q\\"uo\\\\te","10":-95}]',
  ],
  ['{"x-y":[107,[]]}', "$['c'].mykey", '<missing>'],
  [
    '{"10":[{"my key":"str","10":["s","q\\"uo\\\\te"],"c":739},"",0],"b":-42}',
    '$.*[*]',
    '[{"my key":"str","10":["s","q\\"uo\\\\te"],"c":739},"",0]',
  ],
  ['{"10":{"my key":[[123456789012,"str","str"]],"0":680}}', "$.0.10['b']", '<missing>'],
  ['[[],[-99,{"c":"str"}]]', '$[\'x-y\']["a"]', '<missing>'],
  ['{"b":[[{},99999999999999999999],3.0e-5]}', '$.b[*]', '[[{},99999999999999999999],3.0E-5]'],
  ['{"c":-0.25,"x-y":[]}', '$.x-y[-1]', '<missing>'],
  ['[57,-41,"x\\ny"]', ' $[-2] ', '-41'],
  [
    '[["str","q\\"uo\\\\te",[["str",793,550],{"x-y":"é😀","a":515,"b":762}]],true]',
    '$["10"]',
    '<missing>',
  ],
  ['[-80,80,true]', "$['a'][1]", '<missing>'],
  ['{"x-y":[],"a":"str","a":[451]}', '$["a"].x-y', '<missing>'],
  ['{"c":{"0":"str","x-y":868},"0":-85}', '$[0].10', '<missing>'],
  ['["s","q\\"uo\\\\te"]', ' $.c[0]["c"] ', '<missing>'],
  ['{"10":{"x-y":1e20,"0":2.0,"b":2.0}}', '$[-2]["0"][0]', '<missing>'],
  ['["\\u0001","str"]', '$.0.x-y', '<missing>'],
  ['{"b":[-57],"b":"str","c":[]}', ' $[-2][-2] ', '<missing>'],
  ['99999999999999999999', "$['0'].c.x-y", '<missing>'],
  ['[{"c":[[788,"s"],-45,"str"]},[[[-47,true,-0.25]]],"é😀"]', '$["10"]', '<missing>'],
  [
    '[[["\\u0001",null,"str"],{"my key":{},"my key":167,"c":[]}],1e20,988]',
    '$.a["0"][-1]',
    '<missing>',
  ],
  [
    '{"10":["str","s",12345678.5],"my key":{"a":{},"a":[],"x-y":["str",[]]},"x-y":"\\u0001"}',
    ' $.mykey ',
    '<missing>',
  ],
  ['[[{"x-y":3.0e-5,"c":"é😀","0":[449]},1.5,177]]', "$.a['a']", '<missing>'],
  [
    '{"10":{"b":"str"},"my key":["s",{"0":["x\\ny",938],"b":[-87,-27,"q\\"uo\\\\te"],"b":"str"},[]]}',
    "$['10'][*]",
    '["str"]',
  ],
  ['["str",[368,"é😀"]]', '$.b["0"][\'10\']', '<missing>'],
  ['{"10":{"a":1.5},"10":"q\\"uo\\\\te"}', '$["x-y"]', '<missing>'],
  ['{"b":true,"10":{"10":{"c":"s"}},"my key":-32}', '$[-2].mykey', '<missing>'],
  ['[567,26,"str"]', "$['0'].x-y", '<missing>'],
]

describe('agrees with the oracle JSONPath on its subset', () => {
  it.each(ORACLE_SAMPLE)('%s %s', (body, path, printed) => {
    expect(inputJson(body, path)).toBe(printed)
  })
})

const STORE =
  '{"store":{"book":[' +
  '{"category":"reference","author":"Nigel Rees","title":"Sayings","price":8.95},' +
  '{"category":"fiction","author":"Evelyn Waugh","title":"Sword","price":12.99,"isbn":"0-553"},' +
  '{"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-395","price":8.99}' +
  '],"bicycle":{"color":"red","price":19.95}}}'

describe('Jayway syntax beyond the oracle subset', () => {
  const rows: [path: string, printed: string][] = [
    ['$..author', '["Nigel Rees","Evelyn Waugh","Herman Melville"]'],
    ['$.store..price', '[8.95,12.99,8.99,19.95]'],
    ['$..book[0].title', '["Sayings"]'],
    ['$..book[-1:].title', '["Moby Dick"]'],
    ['$.store.book[0:2].title', '["Sayings","Sword"]'],
    ['$.store.book[:1].title', '["Sayings"]'],
    ['$.store.book[::2].title', '["Sayings","Moby Dick"]'],
    ['$.store.book[0,2].title', '["Sayings","Moby Dick"]'],
    ['$.store.book[?(@.price < 10)].title', '["Sayings","Moby Dick"]'],
    ['$.store.book[?(@.isbn)].title', '["Sword","Moby Dick"]'],
    ['$.store.book[?(!@.isbn)].title', '["Sayings"]'],
    ["$.store.book[?(@.category == 'fiction' && @.price > 10)].title", '["Sword"]'],
    ["$.store.book[?(@.category != 'fiction' || @.price >= 12.99)].title", '["Sayings","Sword"]'],
    ['$.store.book[?(@.author =~ /.*Mel.*/)].title', '["Moby Dick"]'],
    ['$.store.book[?(@.author =~ /mel/i)].title', '[]'],
    ['$.store.book[?(@.author =~ /.*MEL.*/i)].title', '["Moby Dick"]'],
    ['$.store.book[?(@.title =~ /\\p{Upper}\\w+/)].title', '["Sayings","Sword"]'],
    ["$.store.book[?(@.category in ['reference','poetry'])].title", '["Sayings"]'],
    ["$.store.book[?(@.category nin ['reference'])].title", '["Sword","Moby Dick"]'],
    ['$.store.book[?(@.title size 5)].title', '["Sword"]'],
    ['$.store.book[?(@.price > $.store.bicycle.price)].title', '[]'],
    ["$.store.bicycle['color','price']", '{"color":"red","price":19.95}'],
    ['$.store.book[*].missing', '[]'],
    ['$.store.nothing[*]', '[]'],
    ['$.store.book[5]', '<missing>'],
    ['$.store.book.title', '<missing>'],
    ['$.store.bicycle[0]', '<missing>'],
  ]
  it.each(rows)('%s → %s', (path, printed) => {
    expect(inputJson(STORE, path)).toBe(printed)
  })
})

describe('names run to the next . or [ (as the oracle reads them)', () => {
  it('reads $.a] as the key "a]"', () => {
    expect(inputJson('{"a]":1}', '$.a]')).toBe('1')
  })
})

describe('bad paths and bodies are error values, never exceptions', () => {
  const paths = [
    '',
    'store',
    '$.',
    '$[',
    "$['a",
    '$[x]',
    '$[?(@.a',
    '$[?(@.a ==)]',
    '$[1:2:0]',
    '$[0]x',
  ]
  it.each(paths)('path %j', (path) => {
    const result = evaluateJsonPath({ a: 1 }, path)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/^Invalid JSONPath/)
  })

  const bodies = [
    '{bad',
    "{'a':1}",
    '{"a":1}{"b":2}',
    '[1,]',
    'hello',
    '"unterminated',
    '-',
    '{"a":1e}',
  ]
  it.each(bodies)('body %j', (body) => {
    const result = parseJsonBody(body)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/^Invalid JSON at offset \d+/)
  })

  it('trims the body the way Java String.trim() does', () => {
    expect(inputJson('\u0000 {"a":1}\u0001\n', '$.a')).toBe('1')
    expect(inputJson('\uFEFF{"a":1}', '$.a')).toBe('<error>')
    expect(inputJson('\u00A0{"a":1}', '$.a')).toBe('<error>')
  })

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(parseJsonBody('['.repeat(100000)).ok).toBe(false)
  })
})

describe('the plain-Json contract', () => {
  const doc: Json = { a: [{ b: 1 }, { b: 2 }], c: { d: 'x' } }
  it('returns plain values and flags lists', () => {
    expect(evaluateJsonPath(doc, '$.c')).toEqual({ ok: true, value: { d: 'x' } })
    expect(evaluateJsonPath(doc, '$.a[*].b')).toEqual({ ok: true, value: [1, 2], isList: true })
    expect(evaluateJsonPath(doc, '$.nope')).toEqual({ ok: true, value: undefined })
  })
  it('formats plain JSON too', () => {
    expect(formatInputJson({ a: [1, 2.5, 'x', null, true] })).toBe('{"a":[1,2.5,"x",null,true]}')
  })
})

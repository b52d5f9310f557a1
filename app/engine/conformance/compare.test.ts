import { describe, expect, it } from 'vitest'
import type { CaseExpectation, Diagnostic, Simulation } from '../../model'
import {
  collectHeaders,
  compareDiagnostics,
  compareExpectation,
  decodeBase64,
  diffJson,
  matchText,
} from './compare'

function sim(
  partial: Partial<Simulation['response']> = {},
  extra: Partial<Simulation> = {},
): Simulation {
  return {
    response: { statusCode: 200, headers: [], body: '', ...partial },
    trace: [],
    log: [],
    lambdaEvent: undefined,
    diagnostics: [],
    rules: { status: 'not-reached', reason: '', rules: [] },
    ...extra,
  }
}

function fields(expect: CaseExpectation, s: Simulation): string[] {
  return compareExpectation(expect, s).map((m) => m.field)
}

describe('matchText', () => {
  const table: [string, string, boolean][] = [
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['<<any>>', '', true],
    ['<<any>>', 'anything at all\n', true],
    ['a<<any>>c', 'ac', true],
    ['a<<any>>c', 'abbbc', true],
    ['a<<any>>c', 'abbbcd', false],
    ['a<<any>>b<<any>>c', 'aXbYc', true],
    ['a<<any>>b<<any>>c', 'acb', false],
    ['ab<<any>>ba', 'aba', false],
    ['{"id":"<<any>>","n":1}', '{"id":"x-1","n":1}', true],
    ['{"id":"<<any>>","n":1}', '{"id":"x-1","n":2}', false],
  ]
  it('matches the whole text, <<any>> standing for any run of characters', () => {
    for (const [pattern, text, want] of table)
      expect([pattern, text, matchText(pattern, text)]).toEqual([pattern, text, want])
  })
})

describe('diffJson', () => {
  it('finds nothing for deeply equal values regardless of key order', () => {
    expect(diffJson({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] }, 'v')).toEqual(
      [],
    )
  })
  it('names the JSON path of each difference', () => {
    expect(diffJson({ a: { b: 1 } }, { a: { b: 2 } }, 'lambdaEvent')).toEqual([
      'lambdaEvent.a.b: expected 1, got 2',
    ])
    expect(diffJson({ 'x-y': [1, 2] }, { 'x-y': [1] }, 'e')[0]).toContain(
      'e["x-y"]: expected 2 items',
    )
    expect(diffJson({ a: 1 }, { a: 1, b: 2 }, 'e')).toEqual(['e.b: unexpected 2'])
    expect(diffJson({ a: 1 }, {}, 'e')).toEqual(['e.a: missing (expected 1)'])
  })
  it('treats <<any>> as any one value, but not as a missing key', () => {
    expect(diffJson({ id: '<<any>>', t: '<<any>>' }, { id: 'x', t: { deep: [1] } }, 'e')).toEqual(
      [],
    )
    expect(diffJson({ id: '<<any>>' }, {}, 'e')).toHaveLength(1)
    expect(diffJson(['<<any>>'], [null], 'e')).toEqual([])
  })
  it('distinguishes null, "", 0 and false', () => {
    expect(diffJson({ a: null }, { a: '' }, 'e')).toHaveLength(1)
    expect(diffJson({ a: 0 }, { a: false }, 'e')).toHaveLength(1)
  })
  it('in subset mode ignores extra keys at every depth but still checks named ones', () => {
    expect(diffJson({ a: { b: 1 } }, { a: { b: 1, c: 2 }, d: 3 }, 'e', true)).toEqual([])
    expect(diffJson({ a: { b: 1 } }, { a: { c: 2 } }, 'e', true)).toHaveLength(1)
    expect(diffJson({ body: null }, { body: 'x' }, 'e', true)).toHaveLength(1)
  })
})

describe('collectHeaders', () => {
  it('joins repeated headers with ", " in order, names case-insensitive', () => {
    const map = collectHeaders([
      ['Set-Cookie', 'a=1'],
      ['X-Other', 'o'],
      ['set-cookie', 'b=2'],
    ])
    expect(map.get('set-cookie')).toBe('a=1, b=2')
  })
})

describe('decodeBase64', () => {
  it('decodes with and without padding and rejects non-base64', () => {
    expect([...decodeBase64('aGk=')!]).toEqual([104, 105])
    expect([...decodeBase64('aGk')!]).toEqual([104, 105])
    expect([...decodeBase64('')!]).toEqual([])
    expect(decodeBase64('a*b=')).toBeUndefined()
  })
})

describe('compareExpectation', () => {
  it('passes a matching simulation', () => {
    const s = sim(
      {
        statusCode: 502,
        headers: [['content-type', 'application/json']],
        body: '{"message": "Internal server error"}',
      },
      { log: ['Wed Jan 01 : Method completed with status: 502'] },
    )
    expect(
      compareExpectation(
        {
          statusCode: 502,
          headers: { 'Content-Type': 'application/json' },
          absentHeaders: ['X-Amzn-Trace-Id'],
          bodyJson: { message: 'Internal server error' },
          executionLog: ['Method completed with status: 502'],
        },
        s,
      ),
    ).toEqual([])
  })
  it('fails on status, header value, missing header and present absent header', () => {
    const s = sim({
      statusCode: 200,
      headers: [
        ['X-A', '1'],
        ['x-trace', 't'],
      ],
    })
    expect(fields({ statusCode: 201 }, s)).toEqual(['statusCode'])
    expect(fields({ statusCode: 200, headers: { 'x-a': '2' } }, s)).toEqual(['headers'])
    expect(fields({ statusCode: 200, headers: { 'x-b': '1' } }, s)).toEqual(['headers'])
    expect(fields({ statusCode: 200, absentHeaders: ['X-TRACE'] }, s)).toEqual(['absentHeaders'])
  })
  it('compares a repeated header as its values joined with ", "', () => {
    const s = sim({
      headers: [
        ['test-multi', 'value1'],
        ['Test-Multi', 'value2'],
      ],
    })
    expect(fields({ statusCode: 200, headers: { 'TEST-MULTI': 'value1, value2' } }, s)).toEqual([])
    expect(fields({ statusCode: 200, headers: { 'test-multi': 'value1' } }, s)).toEqual(['headers'])
  })
  it('compares body text exactly, with <<any>> as a run of characters', () => {
    const s = sim({ body: '{"requestId":"abc-123","ok":true}' })
    expect(fields({ statusCode: 200, body: '{"requestId":"<<any>>","ok":true}' }, s)).toEqual([])
    expect(fields({ statusCode: 200, body: '{"requestId":"abc-123","ok":true} ' }, s)).toEqual([
      'body',
    ])
    const message = compareExpectation({ statusCode: 200, body: '{"requestId":"abc-124"}' }, s)[0]
      ?.message
    expect(message).toContain('offset 20')
  })
  it('fails bodyJson on a non-JSON body and on a deep difference', () => {
    expect(fields({ statusCode: 200, bodyJson: {} }, sim({ body: 'not json' }))).toEqual([
      'bodyJson',
    ])
    expect(
      fields({ statusCode: 200, bodyJson: { a: [1] } }, sim({ body: '{"a":[1],"b":2}' })),
    ).toEqual(['bodyJson'])
    expect(
      fields({ statusCode: 200, bodyJsonSubset: { a: [1] } }, sim({ body: '{"a":[1],"b":2}' })),
    ).toEqual([])
  })
  it('compares bodyBase64 bytes against bodyBase64 or the UTF-8 body text', () => {
    expect(
      fields(
        { statusCode: 200, bodyBase64: 'AP8=' },
        sim({ body: '\u0000\u00ff', bodyBase64: 'AP8=' }),
      ),
    ).toEqual([])
    expect(
      fields({ statusCode: 200, bodyBase64: 'AP4=' }, sim({ body: '', bodyBase64: 'AP8=' })),
    ).toEqual(['bodyBase64'])
    expect(fields({ statusCode: 200, bodyBase64: 'w6k=' }, sim({ body: 'é' }))).toEqual([])
    expect(fields({ statusCode: 200, bodyBase64: 'aGk=' }, sim({ body: 'hi!' }))).toEqual([
      'bodyBase64',
    ])
  })
  it('compares lambdaEvent exactly and fails when the function was not invoked', () => {
    const s = sim({}, { lambdaEvent: { resource: '/x', requestContext: { requestId: 'r1' } } })
    expect(
      fields(
        {
          statusCode: 200,
          lambdaEvent: { resource: '/x', requestContext: { requestId: '<<any>>' } },
        },
        s,
      ),
    ).toEqual([])
    expect(fields({ statusCode: 200, lambdaEvent: { resource: '/x' } }, s)).toEqual(['lambdaEvent'])
    expect(fields({ statusCode: 200, lambdaEvent: {} }, sim())).toEqual(['lambdaEvent'])
    const message = compareExpectation(
      { statusCode: 200, lambdaEvent: { resource: '/y', requestContext: { requestId: 'r1' } } },
      s,
    )[0]?.message
    expect(message).toBe('lambdaEvent.resource: expected "/y", got "/x"')
  })
  it('requires each executionLog entry as a substring of the log', () => {
    const s = sim({}, { log: ['T : Starting execution', 'T : Method completed with status: 200'] })
    expect(fields({ statusCode: 200, executionLog: ['completed with status: 200'] }, s)).toEqual([])
    expect(fields({ statusCode: 200, executionLog: ['completed with status: 502'] }, s)).toEqual([
      'executionLog',
    ])
  })
})

describe('compareDiagnostics', () => {
  const actual: Diagnostic[] = [
    {
      source: 'lambda.payload',
      severity: 'error',
      code: 'proxy.malformed',
      message: 'm',
      span: { start: 0, end: 0 },
    },
  ]
  it('passes when each expected diagnostic is reported, severity optional', () => {
    expect(
      compareDiagnostics([{ source: 'lambda.payload', code: 'proxy.malformed' }], actual),
    ).toEqual([])
    expect(
      compareDiagnostics(
        [{ source: 'lambda.payload', code: 'proxy.malformed', severity: 'error' }],
        actual,
      ),
    ).toEqual([])
  })
  it('fails on another source, code or severity', () => {
    expect(
      compareDiagnostics([{ source: 'request.body', code: 'proxy.malformed' }], actual),
    ).toHaveLength(1)
    expect(
      compareDiagnostics([{ source: 'lambda.payload', code: 'proxy.other' }], actual),
    ).toHaveLength(1)
    const [m] = compareDiagnostics(
      [{ source: 'lambda.payload', code: 'proxy.malformed', severity: 'warning' }],
      actual,
    )
    expect(m?.message).toBe(
      'diagnostic missing: warning proxy.malformed on lambda.payload (got lambda.payload:proxy.malformed)',
    )
  })
})

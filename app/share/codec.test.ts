import fc from 'fast-check'
import { zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Json, Scenario } from '../model'
import { bytesToBase64Url } from './bytes'
import { MAX_FRAGMENT_LENGTH, decodeShareState, encodeShareState } from './codec'
import { findUnsafePart } from './safe-json'
import type { ShareErrorCode, ShareState } from './types'

const SEED: Scenario = {
  setup: {
    stageName: 'test',
    method: {
      httpMethod: 'GET',
      resourcePath: '/lambda',
      methodResponses: { '200': { statusCode: '200' }, '400': { statusCode: '400' } },
      methodIntegration: {
        type: 'AWS',
        httpMethod: 'POST',
        integrationResponses: {
          '200': { statusCode: '200' },
          '400': { statusCode: '400', selectionPattern: '.*Dummy error.*' },
        },
      },
    },
  },
  request: { method: 'GET', path: '/lambda' },
  lambda: {
    kind: 'error',
    functionError: 'Unhandled',
    payload: { errorMessage: 'Dummy error ...', errorType: 'Error', stackTrace: [] },
  },
}

const UNICODE: Scenario = {
  ...SEED,
  request: {
    method: 'POST',
    path: '/caf%C3%A9',
    headers: { 'X-Emoji': '😀', 'X-Multi': ['a', 'b'] },
    body: 'line1\nline2\u2028\u0000 "quoted" \\ \ud800 lone surrogate',
  },
  lambda: { kind: 'result', payloadRaw: '{"a": 1.50, "big": 12345678901234567890}' },
}

const ROUND_TRIPS: { name: string; state: ShareState }[] = [
  { name: 'seed scenario', state: { scenario: SEED } },
  {
    name: 'with ui prefs',
    state: { scenario: SEED, ui: { theme: 'dark', split: 0.4, log: true } },
  },
  { name: 'unicode, controls and lone surrogates', state: { scenario: UNICODE } },
  {
    name: 'big template',
    state: {
      scenario: {
        ...SEED,
        setup: {
          ...SEED.setup,
          method: {
            ...SEED.setup.method,
            methodIntegration: {
              type: 'AWS',
              requestTemplates: { 'application/json': '#set($x = 1)\n$x '.repeat(5000) },
            },
          },
        },
      },
    },
  },
]

describe('encodeShareState / decodeShareState round trip', () => {
  it.each(ROUND_TRIPS)('$name comes back exactly', ({ state }) => {
    const fragment = encodeShareState(state)
    expect(fragment).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
    const decoded = decodeShareState(fragment)
    expect(decoded).toEqual({ ok: true, version: 1, value: state })
    if (!decoded.ok) return
    expect(JSON.stringify(decoded.value)).toBe(JSON.stringify(state))
    expect(encodeShareState(decoded.value as ShareState)).toBe(fragment)
  })

  it('accepts a leading # and surrounding whitespace', () => {
    const fragment = encodeShareState({ scenario: SEED })
    expect(decodeShareState(`  #${fragment}\n`)).toMatchObject({ ok: true })
  })

  it('compresses: the seed link stays short', () => {
    expect(encodeShareState({ scenario: SEED }).length).toBeLessThan(400)
  })
})

/** A v1 link around arbitrary JSON text, for inputs the encoder would never make. */
function v1Of(json: string): string {
  return 'v1.' + bytesToBase64Url(zlibSync(new TextEncoder().encode(json)))
}

describe('decodeShareState refuses bad links with a code', () => {
  const good = encodeShareState({ scenario: SEED })
  const flipped = good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21)
  const cases: [name: string, fragment: string, code: ShareErrorCode][] = [
    ['empty', '', 'empty'],
    ['only #', '#', 'empty'],
    ['no prefix', 'hello-world', 'corrupt'],
    ['future version', 'v2.abcdef', 'unknown-version'],
    ['v0', 'v0.abcdef', 'unknown-version'],
    ['bad characters', 'v1.abc$def', 'corrupt'],
    [
      'cut by one char of a group',
      good.slice(0, good.length - 1 - ((good.length - 4) % 4)),
      'truncated',
    ],
    ['cut in half', good.slice(0, Math.floor(good.length / 2)), 'truncated'],
    ['empty payload', 'v1.', 'truncated'],
    ['one byte flipped', flipped, 'corrupt'],
    ['not zlib', 'v1.' + bytesToBase64Url(new TextEncoder().encode('plain text here')), 'corrupt'],
    ['not json', v1Of('{scenario: nope'), 'not-json'],
    ['json array', v1Of('[1,2]'), 'invalid'],
    ['no scenario', v1Of('{"ui":{}}'), 'invalid'],
    ['scenario not object', v1Of('{"scenario":"x"}'), 'invalid'],
    ['ui not object', v1Of('{"scenario":{},"ui":[1]}'), 'invalid'],
    ['__proto__ key', v1Of('{"scenario":{"__proto__":{"polluted":true}}}'), 'invalid'],
    [
      'nested constructor key',
      v1Of('{"scenario":{"a":[{"constructor":{"prototype":{}}}]}}'),
      'invalid',
    ],
    ['prototype key in ui', v1Of('{"scenario":{},"ui":{"prototype":1}}'), 'invalid'],
    ['deep nesting', v1Of('{"scenario":' + '['.repeat(5000) + ']'.repeat(5000) + '}'), 'invalid'],
    ['fragment over 256 KB', 'v1.' + 'A'.repeat(MAX_FRAGMENT_LENGTH), 'too-large'],
  ]
  it.each(cases)('%s → %s', (_name, fragment, code) => {
    const result = decodeShareState(fragment)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.message.length).toBeGreaterThan(10)
  })

  it('stops a decompression bomb while inflating', () => {
    const bomb = 'v1.' + bytesToBase64Url(zlibSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }))
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_LENGTH)
    const started = performance.now()
    const result = decodeShareState(bomb)
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } })
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('accepts JSON just under the size limit and refuses it just over', () => {
    const filler = (n: number): string => v1Of(`{"scenario":{"pad":"${'x'.repeat(n)}"}}`)
    const overhead = '{"scenario":{"pad":""}}'.length
    expect(decodeShareState(filler(2 * 1024 * 1024 - overhead)).ok).toBe(true)
    expect(decodeShareState(filler(2 * 1024 * 1024 - overhead + 1))).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    })
  })

  it('never throws on random text', () => {
    let seed = 7
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648)
    const alphabet = 'v1.ABCxyz09-_=#%$ \n'
    for (let round = 0; round < 500; round++) {
      const prefix = round % 2 === 0 ? 'v1.' : ''
      let text = prefix
      const length = next() % 80
      for (let k = 0; k < length; k++) text += alphabet[next() % alphabet.length]
      const result = decodeShareState(text)
      expect(typeof result.ok).toBe('boolean')
    }
  })
})

describe('round trip holds for any JSON content', () => {
  it('decodes exactly what was encoded (property)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.boolean(), fc.integer())),
        (payload, ui) => {
          const scenario = {
            ...SEED,
            lambda: { kind: 'result', payload: payload as Json },
          } satisfies Scenario
          const state = { scenario, ui } as ShareState
          const decoded = decodeShareState(encodeShareState(state))
          const hostile = findUnsafePart(state) !== undefined
          if (hostile) return decoded.ok === false && decoded.error.code === 'invalid'
          return decoded.ok && JSON.stringify(decoded.value) === JSON.stringify(state)
        },
      ),
      { numRuns: 300 },
    )
  })
})

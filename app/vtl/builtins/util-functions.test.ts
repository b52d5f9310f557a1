import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  base64Decode,
  base64Encode,
  escapeJavaScript,
  urlDecode,
  urlEncode,
} from './util-functions'
import type { UtilError } from './util-functions'

type Row = [fn: keyof typeof FUNCTIONS, input: string, kind: 'ok' | 'error', expected: string]

const FUNCTIONS: Record<string, (s: string) => string | UtilError> = {
  escapeJavaScript,
  urlEncode,
  urlDecode,
  base64Encode,
  base64Decode,
}

/**
 * Produced by running the Java functions API Gateway's `$util` wraps (commons-lang 2.6,
 * java.net.URLEncoder/URLDecoder, java.util.Base64 on JDK 17) on each input. The first rows of
 * each family repeat the outputs recorded in `../shared/conformance/vtl/util.jsonl`.
 */
const JAVA_RESULTS: Row[] = [
  ['escapeJavaScript', 'hello', 'ok', 'hello'],
  ['escapeJavaScript', "it's", 'ok', "it\\'s"],
  ['escapeJavaScript', 'back\\slash', 'ok', 'back\\\\slash'],
  ['escapeJavaScript', 'line1\nline2', 'ok', 'line1\\nline2'],
  ['escapeJavaScript', 'cr\u000dlf', 'ok', 'cr\\rlf'],
  ['escapeJavaScript', 'caf\u00e9', 'ok', 'caf\\u00E9'],
  ['escapeJavaScript', 'emoji \ud83d\ude00 ok', 'ok', 'emoji \\uD83D\\uDE00 ok'],
  ['escapeJavaScript', '100% +1 ~*', 'ok', '100% +1 ~*'],
  ['escapeJavaScript', '  spaced  ', 'ok', '  spaced  '],
  ['escapeJavaScript', 'null', 'ok', 'null'],
  ['escapeJavaScript', '', 'ok', ''],
  [
    'escapeJavaScript',
    '\u0000\u0001\u000b\u000f\u0010\u001f\u007f\u0080\u00ff\u0100\u0fff\u1000\uffff',
    'ok',
    '\\u0000\\u0001\\u000B\\u000F\\u0010\\u001F\u007f\\u0080\\u00FF\\u0100\\u0FFF\\u1000\\uFFFF',
  ],
  ['escapeJavaScript', '\u0008\u0009\n\u000c\u000d', 'ok', '\\b\\t\\n\\f\\r'],
  ['escapeJavaScript', '</script>', 'ok', '<\\/script>'],
  ['escapeJavaScript', '\ud800', 'ok', '\\uD800'],
  ['escapeJavaScript', 'a\udc00b', 'ok', 'a\\uDC00b'],
  ['escapeJavaScript', '\u2028', 'ok', '\\u2028'],
  [
    'escapeJavaScript',
    '~!@#$%^&*()_+-=[]{};\':",./<>?`|\\',
    'ok',
    '~!@#$%^&*()_+-=[]{};\\\':\\",.\\/<>?`|\\\\',
  ],
  ['escapeJavaScript', 'O\'Brien "the" <b>', 'ok', 'O\\\'Brien \\"the\\" <b>'],
  ['urlEncode', 'hello', 'ok', 'hello'],
  ['urlEncode', "it's", 'ok', 'it%27s'],
  ['urlEncode', 'back\\slash', 'ok', 'back%5Cslash'],
  ['urlEncode', 'line1\nline2', 'ok', 'line1%0Aline2'],
  ['urlEncode', 'cr\u000dlf', 'ok', 'cr%0Dlf'],
  ['urlEncode', 'caf\u00e9', 'ok', 'caf%C3%A9'],
  ['urlEncode', 'emoji \ud83d\ude00 ok', 'ok', 'emoji+%F0%9F%98%80+ok'],
  ['urlEncode', '100% +1 ~*', 'ok', '100%25+%2B1+%7E*'],
  ['urlEncode', '  spaced  ', 'ok', '++spaced++'],
  ['urlEncode', 'null', 'ok', 'null'],
  ['urlEncode', '', 'ok', ''],
  [
    'urlEncode',
    '\u0000\u0001\u000b\u000f\u0010\u001f\u007f\u0080\u00ff\u0100\u0fff\u1000\uffff',
    'ok',
    '%00%01%0B%0F%10%1F%7F%C2%80%C3%BF%C4%80%E0%BF%BF%E1%80%80%EF%BF%BF',
  ],
  ['urlEncode', '\u0008\u0009\n\u000c\u000d', 'ok', '%08%09%0A%0C%0D'],
  ['urlEncode', '</script>', 'ok', '%3C%2Fscript%3E'],
  ['urlEncode', '\ud800', 'ok', '%3F'],
  ['urlEncode', 'a\udc00b', 'ok', 'a%3Fb'],
  ['urlEncode', '\u2028', 'ok', '%E2%80%A8'],
  [
    'urlEncode',
    '~!@#$%^&*()_+-=[]{};\':",./<>?`|\\',
    'ok',
    '%7E%21%40%23%24%25%5E%26*%28%29_%2B-%3D%5B%5D%7B%7D%3B%27%3A%22%2C.%2F%3C%3E%3F%60%7C%5C',
  ],
  ['urlEncode', 'O\'Brien "the" <b>', 'ok', 'O%27Brien+%22the%22+%3Cb%3E'],
  ['base64Encode', 'hello', 'ok', 'aGVsbG8='],
  ['base64Encode', "it's", 'ok', 'aXQncw=='],
  ['base64Encode', 'back\\slash', 'ok', 'YmFja1xzbGFzaA=='],
  ['base64Encode', 'line1\nline2', 'ok', 'bGluZTEKbGluZTI='],
  ['base64Encode', 'cr\u000dlf', 'ok', 'Y3INbGY='],
  ['base64Encode', 'caf\u00e9', 'ok', 'Y2Fmw6k='],
  ['base64Encode', 'emoji \ud83d\ude00 ok', 'ok', 'ZW1vamkg8J+YgCBvaw=='],
  ['base64Encode', '100% +1 ~*', 'ok', 'MTAwJSArMSB+Kg=='],
  ['base64Encode', '  spaced  ', 'ok', 'ICBzcGFjZWQgIA=='],
  ['base64Encode', 'null', 'ok', 'bnVsbA=='],
  ['base64Encode', '', 'ok', ''],
  [
    'base64Encode',
    '\u0000\u0001\u000b\u000f\u0010\u001f\u007f\u0080\u00ff\u0100\u0fff\u1000\uffff',
    'ok',
    'AAELDxAff8KAw7/EgOC/v+GAgO+/vw==',
  ],
  ['base64Encode', '\u0008\u0009\n\u000c\u000d', 'ok', 'CAkKDA0='],
  ['base64Encode', '</script>', 'ok', 'PC9zY3JpcHQ+'],
  ['base64Encode', '\ud800', 'ok', 'Pw=='],
  ['base64Encode', 'a\udc00b', 'ok', 'YT9i'],
  ['base64Encode', '\u2028', 'ok', '4oCo'],
  [
    'base64Encode',
    '~!@#$%^&*()_+-=[]{};\':",./<>?`|\\',
    'ok',
    'fiFAIyQlXiYqKClfKy09W117fTsnOiIsLi88Pj9gfFw=',
  ],
  ['base64Encode', 'O\'Brien "the" <b>', 'ok', 'TydCcmllbiAidGhlIiA8Yj4='],
  ['urlDecode', 'a%20b', 'ok', 'a b'],
  ['urlDecode', '%E2%9C%93', 'ok', '\u2713'],
  ['urlDecode', '%', 'error', 'URLDecoder: Incomplete trailing escape (%) pattern'],
  ['urlDecode', '%F0%9F%98%80', 'ok', '\ud83d\ude00'],
  ['urlDecode', '%2B%2F%3D', 'ok', '+/='],
  ['urlDecode', '%4', 'error', 'URLDecoder: Incomplete trailing escape (%) pattern'],
  [
    'urlDecode',
    '%zz',
    'error',
    'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"',
  ],
  [
    'urlDecode',
    '%-1',
    'error',
    'URLDecoder: Illegal hex characters in escape (%) pattern - negative value',
  ],
  ['urlDecode', '%+1', 'ok', '\u0001'],
  ['urlDecode', '%-0', 'ok', '\u0000'],
  ['urlDecode', 'a+b%20c', 'ok', 'a b c'],
  ['urlDecode', '%C3', 'ok', '\ufffd'],
  ['urlDecode', '%C3%28', 'ok', '\ufffd('],
  ['urlDecode', '%E2%82', 'ok', '\ufffd'],
  ['urlDecode', '%E2%82A', 'ok', '\ufffdA'],
  ['urlDecode', '%F0%9F%98', 'ok', '\ufffd'],
  ['urlDecode', '%F0%9F%98A', 'ok', '\ufffdA'],
  ['urlDecode', '%F0%9FA', 'ok', '\ufffdA'],
  ['urlDecode', '%F0A', 'ok', '\ufffdA'],
  ['urlDecode', '%ED%A0%80', 'ok', '\ufffd'],
  ['urlDecode', '%FF%FE', 'ok', '\ufffd\ufffd'],
  ['urlDecode', '%C0%AF', 'ok', '\ufffd\ufffd'],
  ['urlDecode', 'abc%', 'error', 'URLDecoder: Incomplete trailing escape (%) pattern'],
  [
    'urlDecode',
    '%%41',
    'error',
    'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "%4"',
  ],
  [
    'urlDecode',
    '%4G',
    'error',
    'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 1 in: "4G"',
  ],
  ['urlDecode', '%e2%9c%93', 'ok', '\u2713'],
  ['urlDecode', '+%2B', 'ok', ' +'],
  ['urlDecode', '%F4%90%80%80', 'ok', '\ufffd\ufffd\ufffd\ufffd'],
  ['urlDecode', '%E0%80%80', 'ok', '\ufffd\ufffd\ufffd'],
  ['urlDecode', '%E0%A0', 'ok', '\ufffd'],
  ['urlDecode', '%F5%80%80%80', 'ok', '\ufffd\ufffd\ufffd\ufffd'],
  ['urlDecode', '%F8', 'ok', '\ufffd'],
  ['urlDecode', '%80', 'ok', '\ufffd'],
  [
    'urlDecode',
    '%--',
    'error',
    'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 1 in: "--"',
  ],
  ['urlDecode', '%+', 'error', 'URLDecoder: Incomplete trailing escape (%) pattern'],
  [
    'urlDecode',
    '%+-',
    'error',
    'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 1 in: "+-"',
  ],
  [
    'urlDecode',
    '%1-',
    'error',
    'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 1 in: "1-"',
  ],
  [
    'urlDecode',
    '%\u00e91',
    'error',
    'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "\u00e91"',
  ],
  ['urlDecode', '%\u0663\u0661', 'ok', '1'],
  ['urlDecode', '%\uff21\uff11', 'ok', '\ufffd'],
  [
    'urlDecode',
    '%\ud835\udfcf1',
    'error',
    'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "\ud835\udfcf"',
  ],
  ['urlDecode', 'x%41%', 'error', 'URLDecoder: Incomplete trailing escape (%) pattern'],
  ['urlDecode', '%41%4', 'error', 'URLDecoder: Incomplete trailing escape (%) pattern'],
  ['urlDecode', '%+A%-0', 'ok', '\n\u0000'],
  ['urlDecode', 'plain', 'ok', 'plain'],
  ['urlDecode', '\u00e9%C3%A9', 'ok', '\u00e9\u00e9'],
  ['base64Decode', 'aGVsbG8=', 'ok', 'hello'],
  ['base64Decode', 'aGk=', 'ok', 'hi'],
  ['base64Decode', 'Y2Fmw6k=', 'ok', 'caf\u00e9'],
  ['base64Decode', 'not base64!', 'error', 'Illegal base64 character 20'],
  ['base64Decode', '_-8=', 'error', 'Illegal base64 character 5f'],
  ['base64Decode', 'aGk', 'ok', 'hi'],
  ['base64Decode', 'aGk==', 'error', 'Input byte array has incorrect ending byte at 4'],
  ['base64Decode', 'a', 'error', 'Input byte[] should at least have 2 bytes for base64 bytes'],
  ['base64Decode', 'aG', 'ok', 'h'],
  ['base64Decode', 'aGVsbG8', 'ok', 'hello'],
  ['base64Decode', 'aGVsbG8=x', 'error', 'Input byte array has incorrect ending byte at 8'],
  ['base64Decode', '====', 'error', 'Input byte array has wrong 4-byte ending unit'],
  ['base64Decode', '=', 'error', 'Input byte[] should at least have 2 bytes for base64 bytes'],
  ['base64Decode', 'aGk=aGk=', 'error', 'Input byte array has incorrect ending byte at 4'],
  ['base64Decode', 'aGVs bG8=', 'error', 'Illegal base64 character 20'],
  ['base64Decode', 'aGVs\nbG8=', 'error', 'Illegal base64 character a'],
  ['base64Decode', '\u00e9abc', 'error', 'Illegal base64 character -17'],
  ['base64Decode', '\u4e00abc', 'error', 'Illegal base64 character 3f'],
  ['base64Decode', 'YQ==', 'ok', 'a'],
  ['base64Decode', 'YR==', 'ok', 'a'],
  ['base64Decode', 'YQ', 'ok', 'a'],
  ['base64Decode', 'YWI=', 'ok', 'ab'],
  ['base64Decode', 'YWJ=', 'ok', 'ab'],
  ['base64Decode', '', 'ok', ''],
  ['base64Decode', 'a===', 'error', 'Last unit does not have enough valid bits'],
  ['base64Decode', 'wyg=', 'ok', '\ufffd('],
  ['base64Decode', '+/8=', 'ok', '\ufffd\ufffd'],
  ['base64Decode', 'AAAA====', 'error', 'Input byte array has wrong 4-byte ending unit'],
  ['base64Decode', 'YQ=', 'error', 'Input byte array has wrong 4-byte ending unit'],
  ['base64Decode', 'YQ=x', 'error', 'Input byte array has wrong 4-byte ending unit'],
  ['base64Decode', '8J+YgA==', 'ok', '\ud83d\ude00'],
  ['base64Decode', '7aCA', 'ok', '\ufffd'],
]

describe('$util string functions match Java', () => {
  it('gives the JDK result for every row', () => {
    const mismatches: string[] = []
    for (const [fn, input, kind, expected] of JAVA_RESULTS) {
      const actual = FUNCTIONS[fn]?.(input)
      const want = kind === 'ok' ? expected : { error: expected }
      if (JSON.stringify(actual) !== JSON.stringify(want)) {
        mismatches.push(
          `${fn}(${JSON.stringify(input)}) = ${JSON.stringify(actual)}, want ${JSON.stringify(want)}`,
        )
      }
    }
    expect(mismatches).toEqual([])
  })

  it('round-trips text through urlEncode/urlDecode and base64Encode/base64Decode', () => {
    for (const text of [
      'hello',
      "it's",
      'back\\slash',
      'line1\nline2',
      'café',
      'emoji 😀 ok',
      '',
    ]) {
      expect(urlDecode(urlEncode(text))).toBe(text)
      expect(base64Decode(base64Encode(text))).toBe(text)
    }
  })

  it('quotes both kinds of quote inline, as the corpus shows', () => {
    expect(escapeJavaScript("'") + escapeJavaScript('"')).toBe('\\\'\\"')
    expect(urlEncode(' ') + urlEncode('+') + urlEncode('*') + urlEncode('~')).toBe('+%2B*%7E')
  })
})

describe('round trips for any well-formed text (property)', () => {
  it('urlDecode(urlEncode(s)) === s and base64Decode(base64Encode(s)) === s', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        return urlDecode(urlEncode(text)) === text && base64Decode(base64Encode(text)) === text
      }),
      { numRuns: 500 },
    )
  })
})

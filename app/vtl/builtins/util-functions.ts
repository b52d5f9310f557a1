/**
 * The string helpers of API Gateway's `$util`, with the Java libraries' exact results:
 * commons-lang 2.6 `StringEscapeUtils.escapeJavaScript`, `java.net.URLEncoder` /
 * `URLDecoder` (UTF-8) and `java.util.Base64` (basic alphabet, strict). Pinned by
 * `../shared/conformance/vtl/util.jsonl` and the JDK 17 outputs in `util-functions.test.ts`.
 */
import { decodeUtf8Java, encodeUtf8Java } from './java-text'

/** A `$util` function that Java would end with an `IllegalArgumentException`. */
export type UtilError = {
  /** The Java exception message, e.g. `URLDecoder: Incomplete trailing escape (%) pattern`. */
  error: string
}

const hexUpper = (n: number): string => n.toString(16).toUpperCase()

/** `$util.escapeJavaScript(s)`: commons-lang 2.6 semantics (quotes, `\`, `/`, controls, non-ASCII). */
export function escapeJavaScript(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i)
    if (ch > 0xfff) out += '\\u' + hexUpper(ch)
    else if (ch > 0xff) out += '\\u0' + hexUpper(ch)
    else if (ch > 0x7f) out += '\\u00' + hexUpper(ch)
    else if (ch < 0x20) out += escapeControl(ch)
    else if (ch === 0x27) out += "\\'"
    else if (ch === 0x22) out += '\\"'
    else if (ch === 0x5c) out += '\\\\'
    else if (ch === 0x2f) out += '\\/'
    else out += s[i]
  }
  return out
}

function escapeControl(ch: number): string {
  switch (ch) {
    case 0x08:
      return '\\b'
    case 0x09:
      return '\\t'
    case 0x0a:
      return '\\n'
    case 0x0c:
      return '\\f'
    case 0x0d:
      return '\\r'
    default:
      return (ch > 0xf ? '\\u00' : '\\u000') + hexUpper(ch)
  }
}

const URL_SAFE = /[A-Za-z0-9.\-*_]/

/** `$util.urlEncode(s)`: `URLEncoder.encode(s, "UTF-8")` (space → `+`; `.-*_` kept). */
export function urlEncode(s: string): string {
  let out = ''
  let pending = ''
  const flush = (): void => {
    for (const b of encodeUtf8Java(pending)) out += '%' + hexUpper(b).padStart(2, '0')
    pending = ''
  }
  for (const ch of s) {
    if (ch === ' ') {
      flush()
      out += '+'
    } else if (ch.length === 1 && URL_SAFE.test(ch)) {
      flush()
      out += ch
    } else {
      pending += ch
    }
  }
  flush()
  return out
}

const DECODER_PREFIX = 'URLDecoder: '

/** `$util.urlDecode(s)`: `URLDecoder.decode(s, "UTF-8")`; bad `%` escapes are errors. */
export function urlDecode(s: string): string | UtilError {
  let out = ''
  let i = 0
  const n = s.length
  while (i < n) {
    const c = s[i]
    if (c === '+') {
      out += ' '
      i++
    } else if (c === '%') {
      const bytes: number[] = []
      while (i + 2 < n && s[i] === '%') {
        const parsed = parseJavaHexPair(s.slice(i + 1, i + 3))
        if (typeof parsed !== 'number') return parsed
        bytes.push(parsed & 0xff)
        i += 3
      }
      if (i < n && s[i] === '%') {
        return { error: DECODER_PREFIX + 'Incomplete trailing escape (%) pattern' }
      }
      out += decodeUtf8Java(bytes)
    } else {
      out += c
      i++
    }
  }
  return out
}

/** `Integer.parseInt(pair, 16)` as URLDecoder uses it: a sign is allowed, negatives rejected. */
function parseJavaHexPair(pair: string): number | UtilError {
  const illegal = (index: number): UtilError => ({
    error: `${DECODER_PREFIX}Illegal hex characters in escape (%) pattern - Error at index ${index} in: "${pair}"`,
  })
  const first = pair[0] ?? ''
  const signed = first === '+' || first === '-'
  let value = 0
  for (let k = signed ? 1 : 0; k < pair.length; k++) {
    const digit = javaDigit(pair.charCodeAt(k))
    if (digit < 0) return illegal(k)
    value = value * 16 + digit
  }
  if (first === '-' && value > 0) {
    return {
      error: DECODER_PREFIX + 'Illegal hex characters in escape (%) pattern - negative value',
    }
  }
  return value
}

const DECIMAL_DIGIT = /\p{Nd}/u

/** `Character.digit(ch, 16)` for one UTF-16 unit: ASCII and full-width hex letters, any decimal digit. */
function javaDigit(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30
  if (unit >= 0x41 && unit <= 0x46) return unit - 0x41 + 10
  if (unit >= 0x61 && unit <= 0x66) return unit - 0x61 + 10
  if (unit >= 0xff21 && unit <= 0xff26) return unit - 0xff21 + 10
  if (unit >= 0xff41 && unit <= 0xff46) return unit - 0xff41 + 10
  const ch = String.fromCharCode(unit)
  if (!DECIMAL_DIGIT.test(ch)) return -1
  // Unicode decimal digits come in runs that start at zero; count back to the run's start.
  let start = unit
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCharCode(start - 1))) start--
  return (unit - start) % 10
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** `$util.base64Encode(s)`: the UTF-8 bytes of `s`, standard alphabet, padded. */
export function base64Encode(s: string): string {
  return encodeBase64Bytes(encodeUtf8Java(s))
}

/** Standard (RFC 4648 §4) padded base64 text of some bytes. */
export function encodeBase64Bytes(bytes: readonly number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0
    const b1 = bytes[i + 1]
    const b2 = bytes[i + 2]
    const bits = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0)
    out += BASE64_ALPHABET[(bits >> 18) & 63]
    out += BASE64_ALPHABET[(bits >> 12) & 63]
    out += b1 === undefined ? '=' : BASE64_ALPHABET[(bits >> 6) & 63]
    out += b2 === undefined ? '=' : BASE64_ALPHABET[bits & 63]
  }
  return out
}

/** `$util.base64Decode(s)`: `Base64.getDecoder().decode(s)` read as UTF-8; bad input is an error. */
export function base64Decode(s: string): string | UtilError {
  // Java first turns the text into ISO-8859-1 bytes: anything above U+00FF becomes '?'.
  const src: number[] = []
  for (let k = 0; k < s.length; k++) {
    const unit = s.charCodeAt(k)
    src.push(unit > 0xff ? 0x3f : unit)
  }
  const bytes = decodeJavaBase64(src)
  return typeof bytes === 'string' ? { error: bytes } : decodeUtf8Java(bytes)
}

/** JDK 17 `Base64.Decoder.decode0` (basic, not MIME); returns the bytes or the error message. */
function decodeJavaBase64(src: readonly number[]): number[] | string {
  const n = src.length
  if (n === 0) return []
  if (n < 2) return 'Input byte[] should at least have 2 bytes for base64 bytes'
  const out: number[] = []
  let bits = 0
  let shift = 18
  let i = 0
  while (i < n) {
    const byte = src[i++] ?? 0
    const value = byte === 0x3d ? -2 : BASE64_ALPHABET.indexOf(String.fromCharCode(byte))
    if (value < 0) {
      if (value === -2) {
        if ((shift === 6 && (i === n || src[i++] !== 0x3d)) || shift === 18) {
          return 'Input byte array has wrong 4-byte ending unit'
        }
        break
      }
      // Java prints the offending byte as a signed number in base 16.
      const signed = byte > 0x7f ? byte - 0x100 : byte
      return 'Illegal base64 character ' + signed.toString(16)
    }
    bits |= value << shift
    shift -= 6
    if (shift < 0) {
      out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff)
      shift = 18
      bits = 0
    }
  }
  if (shift === 6) out.push((bits >> 16) & 0xff)
  else if (shift === 0) out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff)
  else if (shift === 12) return 'Last unit does not have enough valid bits'
  if (i < n) return 'Input byte array has incorrect ending byte at ' + i
  return out
}

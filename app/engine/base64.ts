/** Base64 and UTF-8 helpers (no host globals: the engine also runs in a worker and in Node). */
import { encodeBase64Bytes } from '../vtl'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP: Record<string, number> = {}
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET[i]!] = i

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): number[] {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      }
    }
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

/** Base64 text of some bytes (the same encoder `$util.base64Encode` uses). */
export const encodeBase64 = encodeBase64Bytes

/** Decodes strict base64 (padding optional, no other characters); undefined when invalid. */
export function decodeBase64(text: string): number[] | undefined {
  const clean = text.replace(/=+$/, '')
  if (clean.length % 4 === 1) return undefined
  const out: number[] = []
  let buffer = 0
  let bits = 0
  for (const ch of clean) {
    const v = LOOKUP[ch]
    if (v === undefined) return undefined
    buffer = (buffer << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out.push((buffer >> bits) & 0xff)
    }
  }
  return out
}

/** Bytes as Latin-1 text (one character per byte), how `ClientResponse.body` carries binary. */
export function latin1(bytes: readonly number[]): string {
  let out = ''
  for (const b of bytes) out += String.fromCharCode(b)
  return out
}

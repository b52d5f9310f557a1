/**
 * Byte helpers for share links: URL-safe base64 (RFC 4648 §5, no padding), zlib inflation with
 * an output cap checked while inflating, and the zlib trailer checksum (fflate skips it).
 */
import { Unzlib, zlibSync } from 'fflate'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const DECODE_TABLE: ReadonlyMap<string, number> = new Map(
  Array.from(ALPHABET, (ch, index) => [ch, index] as const),
)

/** Encodes bytes as unpadded base64url (safe in a URL fragment without escaping). */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0
    const b1 = bytes[i + 1]
    const b2 = bytes[i + 2]
    const bits = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0)
    out += ALPHABET.charAt((bits >> 18) & 63) + ALPHABET.charAt((bits >> 12) & 63)
    if (b1 !== undefined) out += ALPHABET.charAt((bits >> 6) & 63)
    if (b2 !== undefined) out += ALPHABET.charAt(bits & 63)
  }
  return out
}

/** Why base64url text could not be decoded. */
export type Base64UrlProblem = 'bad-character' | 'bad-length'

/** Decodes base64url (trailing `=` tolerated), or says what is wrong with it. */
export function base64UrlToBytes(text: string): Uint8Array | Base64UrlProblem {
  const body = text.replace(/=+$/, '')
  // One leftover character can never come from whole bytes: the text was cut short.
  if (body.length % 4 === 1) return 'bad-length'
  const out = new Uint8Array(Math.floor((body.length * 3) / 4))
  let bits = 0
  let count = 0
  let o = 0
  for (const ch of body) {
    const value = DECODE_TABLE.get(ch)
    if (value === undefined) return 'bad-character'
    bits = (bits << 6) | value
    count += 6
    if (count >= 8) {
      count -= 8
      out[o++] = (bits >> count) & 0xff
    }
  }
  return out
}

/** Compresses bytes as a zlib stream (RFC 1950). */
export function zlibCompress(bytes: Uint8Array): Uint8Array {
  return zlibSync(bytes, { level: 9 })
}

/** How inflating a zlib stream ended. */
export type InflateOutcome =
  { ok: true; bytes: Uint8Array } | { ok: false; problem: 'truncated' | 'corrupt' | 'too-large' }

/** Input is fed in slices this small so one slice can never inflate past the cap by much. */
const SLICE = 512

class OutputTooLarge extends Error {}

/**
 * Inflates a zlib stream, giving up as soon as the output passes `maxOutput` bytes (a small
 * link may expand a thousandfold), and checks the Adler-32 trailer.
 */
export function zlibInflateBounded(data: Uint8Array, maxOutput: number): InflateOutcome {
  const parts: Uint8Array[] = []
  let total = 0
  const inflater = new Unzlib((chunk) => {
    total += chunk.length
    if (total > maxOutput) throw new OutputTooLarge()
    parts.push(chunk)
  })
  try {
    if (data.length === 0) return { ok: false, problem: 'truncated' }
    for (let i = 0; i < data.length; i += SLICE) {
      const end = Math.min(data.length, i + SLICE)
      inflater.push(data.subarray(i, end), end === data.length)
    }
  } catch (error) {
    if (error instanceof OutputTooLarge) return { ok: false, problem: 'too-large' }
    // fflate's code 0 is "unexpected EOF": the stream stopped early.
    const code = (error as { code?: unknown }).code
    return { ok: false, problem: code === 0 ? 'truncated' : 'corrupt' }
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    bytes.set(part, offset)
    offset += part.length
  }
  const trailer = data.subarray(data.length - 4)
  const expected =
    (((trailer[0] ?? 0) << 24) |
      ((trailer[1] ?? 0) << 16) |
      ((trailer[2] ?? 0) << 8) |
      (trailer[3] ?? 0)) >>>
    0
  if (adler32(bytes) !== expected) return { ok: false, problem: 'corrupt' }
  return { ok: true, bytes }
}

/** Adler-32 (RFC 1950 §8). */
export function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  const MOD = 65521
  for (let i = 0; i < bytes.length;) {
    // Reducing every few thousand bytes keeps the sums far below 2^53, so they stay exact.
    const end = Math.min(bytes.length, i + 3800)
    for (; i < end; i++) {
      a += bytes[i] ?? 0
      b += a
    }
    a %= MOD
    b %= MOD
  }
  return ((b << 16) | a) >>> 0
}

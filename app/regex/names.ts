/**
 * `\N{name}` lookup: exact for the characters in the bundled table, "certainly unknown" when a
 * word of the name occurs in no Unicode character name, and undecided otherwise.
 */
import { NAME_RUNS, NAME_WORD_BLOOM } from './unicode-names'

let byName: Map<string, number> | undefined
let bloom: Uint8Array | undefined

function names(): Map<string, number> {
  if (byName) return byName
  byName = new Map()
  for (const [start, joined] of NAME_RUNS)
    joined.split('|').forEach((n, i) => byName?.set(n, start + i))
  return byName
}

function bloomBits(): Uint8Array {
  if (bloom) return bloom
  const bin = atob(NAME_WORD_BLOOM.data)
  bloom = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bloom[i] = bin.charCodeAt(i)
  return bloom
}

function hash(s: string, seed: number): number {
  let x = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < s.length; i++) {
    x ^= s.charCodeAt(i)
    x = Math.imul(x, 0x01000193) >>> 0
  }
  return x % NAME_WORD_BLOOM.bits
}

function mayBeNameWord(w: string): boolean {
  const bits = bloomBits()
  for (let k = 0; k < NAME_WORD_BLOOM.hashes; k++) {
    const b = hash(w, Math.imul(k, 0x9e3779b1))
    if (!((bits[b >> 3] as number) & (1 << (b & 7)))) return false
  }
  return true
}

/** Java's Character.codePointOf as far as we can tell: a code point, `unknown`, or `undecided`. */
export function lookupCharacterName(raw: string): number | 'unknown' | 'undecided' {
  const name = raw.trim().toUpperCase()
  const cp = names().get(name)
  if (cp !== undefined) return cp
  const words = name.split(/[ -]/)
  if (words.some((w) => /^[0-9A-F]{4,6}$/.test(w))) return 'undecided'
  if (words.some((w) => w === '' || !mayBeNameWord(w))) return 'unknown'
  return 'undecided'
}

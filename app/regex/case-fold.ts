/**
 * Java's case rules for `(?i)` (ASCII only) and `(?iu)` (Unicode, via Character.toUpperCase /
 * toLowerCase, which are the simple one-to-one mappings). Sets are returned as explicit code
 * points so the JavaScript RegExp never uses its own (different) case folding.
 */

/** Character.toUpperCase: the simple mapping (a full mapping to several characters is ignored). */
export function javaUpper(cp: number): number {
  const s = String.fromCodePoint(cp).toUpperCase()
  const u = s.codePointAt(0) as number
  return s.length === (u > 0xffff ? 2 : 1) ? u : cp
}

/** Character.toLowerCase (U+0130 maps to `i` in Java's simple mapping). */
export function javaLower(cp: number): number {
  if (cp === 0x130) return 0x69
  const s = String.fromCodePoint(cp).toLowerCase()
  const l = s.codePointAt(0) as number
  return s.length === (l > 0xffff ? 2 : 1) ? l : cp
}

/** The key Java's Unicode case-insensitive comparisons use: toLowerCase(toUpperCase(c)). */
export const unicodeFold = (cp: number) => javaLower(javaUpper(cp))

/** `A`–`Z` or `a`–`z`. */
export const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
/** ASCII upper-case letters to lower case; every other code point unchanged. */
export const asciiLower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c)
/** ASCII lower-case letters to upper case; every other code point unchanged. */
export const asciiUpper = (c: number) => (c >= 0x61 && c <= 0x7a ? c - 0x20 : c)

/** Every code point that has a case mapping, with its upper and folded forms (built once). */
type Cased = { cp: number; up: number; fold: number }
let casedTable: Cased[] | undefined

function cased(): Cased[] {
  if (casedTable) return casedTable
  const out: Cased[] = []
  for (let cp = 0; cp < 0x20000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue
    const up = javaUpper(cp)
    const lo = javaLower(cp)
    if (up !== cp || lo !== cp) out.push({ cp, up, fold: javaLower(up) })
  }
  casedTable = out
  return out
}

/** All code points whose fold equals `fold` (Java's SingleU / SliceU), plus `fold` itself. */
export function unicodeEquivalents(fold: number): number[] {
  const set = new Set<number>([fold])
  for (const c of cased()) if (c.fold === fold) set.add(c.cp)
  return [...set]
}

/** Code points Java's CIRangeU accepts beyond the range itself. */
export function unicodeRangeExtras(lo: number, hi: number): number[] {
  const out: number[] = []
  for (const c of cased()) {
    if (c.cp >= lo && c.cp <= hi) continue
    if ((c.up >= lo && c.up <= hi) || (c.fold >= lo && c.fold <= hi)) out.push(c.cp)
  }
  return out
}

/** Code points Java's ASCII CIRange accepts beyond the range itself. */
export function asciiRangeExtras(lo: number, hi: number): number[] {
  const out: number[] = []
  for (let c = 0x41; c <= 0x7a; c++) {
    if (!isAsciiLetter(c) || (c >= lo && c <= hi)) continue
    const u = asciiUpper(c)
    const l = asciiLower(c)
    if ((u >= lo && u <= hi) || (l >= lo && l <= hi)) out.push(c)
  }
  return out
}

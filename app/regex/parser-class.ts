/**
 * Character classes the way Java parses them (Pattern.clazz / range / bitsOrSingle / family),
 * including its precedence quirks: `&&` binds loosest, `[^...]` negates the whole class with its
 * nested classes (JDK 9+), and a single `[`-less right operand such as `[a-z&&aeiou]`.
 */
import type { ClassExpr } from './ast'
import {
  asciiLower,
  asciiRangeExtras,
  asciiUpper,
  isAsciiLetter,
  javaLower,
  javaUpper,
  unicodeEquivalents,
  unicodeRangeExtras,
} from './case-fold'
import type { JavaPatternParser } from './parser'
import { resolveProperty } from './properties'
import { CH, FLAG } from './scanner'

const ranges = (cps: number[]): ClassExpr => ({ k: 'ranges', r: cps.map((c) => [c, c]) })
const union = (a: ClassExpr, b: ClassExpr): ClassExpr => ({ k: 'or', xs: [a, b] })

/** Java's single(): one character under the case rules in force. */
export function singleChar(p: JavaPatternParser, ch: number): ClassExpr {
  if (p.has(FLAG.CASE_INSENSITIVE)) {
    if (p.has(FLAG.UNICODE_CASE)) {
      const upper = javaUpper(ch)
      const lower = javaLower(upper)
      if (upper !== lower) return ranges(unicodeEquivalents(lower))
    } else if (ch < 0x80 && isAsciiLetter(ch)) {
      return ranges([asciiLower(ch), asciiUpper(ch)])
    }
  }
  return ranges([ch])
}

/** Java's BitClass: characters below 256, collected into one set per class. */
type Bits = { k: 'ranges'; r: [number, number][] }

function addBit(p: JavaPatternParser, bits: Bits, c: number): void {
  const r = bits.r
  if (p.has(FLAG.CASE_INSENSITIVE)) {
    if (c < 0x80) {
      r.push([asciiUpper(c), asciiUpper(c)], [asciiLower(c), asciiLower(c)])
    } else if (p.has(FLAG.UNICODE_CASE)) {
      r.push([javaLower(c), javaLower(c)], [javaUpper(c), javaUpper(c)])
    }
  }
  r.push([c, c])
}

const UNICODE_CASE_EXCEPTIONS = [0xff, 0xb5, 0x49, 0x69, 0x53, 0x73, 0x4b, 0x6b, 0xc5, 0xe5]

function bitsOrSingle(p: JavaPatternParser, bits: Bits, ch: number): ClassExpr | null {
  const uci = p.has(FLAG.CASE_INSENSITIVE) && p.has(FLAG.UNICODE_CASE)
  if (ch < 256 && !(uci && UNICODE_CASE_EXCEPTIONS.includes(ch))) {
    addBit(p, bits, ch)
    return null
  }
  return singleChar(p, ch)
}

function rangeExpr(p: JavaPatternParser, lo: number, hi: number): ClassExpr {
  const base: [number, number][] = [[lo, hi]]
  if (!p.has(FLAG.CASE_INSENSITIVE)) return { k: 'ranges', r: base }
  const extras = p.has(FLAG.UNICODE_CASE) ? unicodeRangeExtras(lo, hi) : asciiRangeExtras(lo, hi)
  return { k: 'ranges', r: [...base, ...extras.map((c): [number, number] => [c, c])] }
}

/** Java's range(): one class member; `null` when it went into `bits`. */
function range(p: JavaPatternParser, bits: Bits): ClassExpr | null {
  let ch = p.peek()
  if (ch === CH.BACKSLASH) {
    ch = p.nextEscaped()
    if (ch === CH.LOWER_P || ch === CH.UPPER_P) return p.familyAfterP(ch)
    const isrange = p.at(p.cursor + 1) === CH.MINUS
    p.unread()
    p.escaped = null
    ch = p.escape(true, true, isrange)
    if (ch === -1) {
      const e = p.escaped as { pred: ClassExpr } | { node: unknown } | null
      if (e && 'pred' in e) return e.pred
      throw p.error('Illegal/unsupported escape sequence')
    }
  } else {
    p.next()
  }
  if (ch >= 0) {
    if (p.peek() === CH.MINUS) {
      const endRange = p.at(p.cursor + 1)
      if (endRange === CH.LBRACKET) return bitsOrSingle(p, bits, ch)
      if (endRange !== CH.RBRACKET) {
        p.next()
        let m = p.peek()
        if (m === CH.BACKSLASH) m = p.escape(true, false, true)
        else p.next()
        if (m < ch) throw p.error('Illegal character range')
        return rangeExpr(p, ch, m)
      }
    }
    return bitsOrSingle(p, bits, ch)
  }
  throw p.error(`Unexpected character '${String.fromCharCode(ch)}'`)
}

/** Java's clazz(consume): the cursor is on `[` (or just before a bare `&&` operand). */
export function parseClass(p: JavaPatternParser, consume: boolean): ClassExpr {
  let prev: ClassExpr | null = null
  let curr: ClassExpr | null = null
  const bits: Bits = { k: 'ranges', r: [] }
  let isNeg = false
  let hasBits = false
  let ch = p.next()
  if (ch === CH.CARET && p.at(p.cursor - 1) === CH.LBRACKET) {
    ch = p.next()
    isNeg = true
  }
  for (;;) {
    if (ch === CH.LBRACKET) {
      curr = parseClass(p, true)
      prev = prev === null ? curr : union(prev, curr)
      ch = p.peek()
      continue
    }
    if (ch === CH.AMP) {
      ch = p.next()
      if (ch === CH.AMP) {
        ch = p.next()
        let right: ClassExpr | null = null
        while (ch !== CH.RBRACKET && ch !== CH.AMP) {
          let operand: ClassExpr
          if (ch === CH.LBRACKET) operand = parseClass(p, true)
          else {
            p.unread()
            operand = parseClass(p, false)
          }
          right = right === null ? operand : union(right, operand)
          ch = p.peek()
        }
        if (hasBits) {
          if (prev === null) prev = curr = bits
          else prev = union(prev, bits)
          hasBits = false
        }
        if (right !== null) curr = right
        if (prev === null) {
          if (right === null) throw p.error('Bad class syntax')
          prev = right
        } else {
          // JDK 17 intersects with a missing operand (it would throw only when reached): empty.
          prev = { k: 'and', a: prev, b: curr ?? { k: 'ranges', r: [] } }
        }
        continue
      }
      p.unread()
    } else if (ch === 0 && p.cursor >= p.patternLength) {
      throw p.error('Unclosed character class')
    } else if (ch === CH.RBRACKET && (prev !== null || hasBits)) {
      if (consume) p.next()
      if (prev === null) prev = bits
      else if (hasBits) prev = union(prev, bits)
      return isNeg ? { k: 'not', x: prev } : prev
    }
    curr = range(p, bits)
    if (curr === null) hasBits = true
    else if (prev === null) prev = curr
    else if (prev !== curr) prev = union(prev, curr)
    ch = p.peek()
  }
}

/** Java's family(): the cursor is on the `p`/`P` (or on `{`). */
export function readFamily(p: JavaPatternParser, oneLetter: boolean, comp: boolean): ClassExpr {
  p.next()
  let name: string
  if (oneLetter) {
    name = String.fromCodePoint(p.at(p.cursor))
    p.read()
  } else {
    const i = p.cursor
    while (p.cursor <= p.patternLength && p.read() !== CH.RBRACE) {
      /* scan to the closing brace */
    }
    const j = p.cursor
    if (j > p.patternLength) throw p.error('Unclosed character family')
    if (i + 1 >= j) throw p.error('Empty character family')
    name = String.fromCodePoint(...p.temp.slice(i, j - 1))
  }
  const r = resolveProperty(name, p.has(FLAG.CASE_INSENSITIVE), p.has(FLAG.UNICODE_CHARACTER_CLASS))
  if ('error' in r) throw p.error(r.error)
  return comp ? { k: 'not', x: r } : r
}

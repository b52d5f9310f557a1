/**
 * The pattern cursor, modelled on how `java.util.regex.Pattern` reads its pattern: an array of
 * code points closed by two zeros, `\Q...\E` rewritten up front, and whitespace/comments skipped
 * by peek/read/next when COMMENTS (`(?x)`) is on. Porting these primitives one to one is what
 * makes Java's error rules (what is valid, what is dangling) come out the same.
 */
import { isAsciiLetter } from './case-fold'
import { RegexSyntaxError } from './errors'

/** Java's inline flag bits (same values as `Pattern`'s constants). */
export const FLAG = {
  UNIX_LINES: 0x01,
  CASE_INSENSITIVE: 0x02,
  COMMENTS: 0x04,
  MULTILINE: 0x08,
  DOTALL: 0x20,
  UNICODE_CASE: 0x40,
  CANON_EQ: 0x80,
  UNICODE_CHARACTER_CLASS: 0x100,
} as const

/** Code points of the ASCII characters the parser tests for (numbers, not charCodeAt calls). */
export const CH = {
  AMP: 0x26,
  AT: 0x40,
  BACKSLASH: 0x5c,
  BANG: 0x21,
  CARET: 0x5e,
  COLON: 0x3a,
  COMMA: 0x2c,
  DOLLAR: 0x24,
  DOT: 0x2e,
  EQUALS: 0x3d,
  GREATER: 0x3e,
  LBRACE: 0x7b,
  LBRACKET: 0x5b,
  LESS: 0x3c,
  LOWER_G: 0x67,
  LOWER_P: 0x70,
  LOWER_U: 0x75,
  LPAREN: 0x28,
  MINUS: 0x2d,
  PIPE: 0x7c,
  PLUS: 0x2b,
  QUESTION: 0x3f,
  RBRACE: 0x7d,
  RBRACKET: 0x5d,
  RPAREN: 0x29,
  STAR: 0x2a,
  UPPER_P: 0x50,
} as const

const isAsciiSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d)
/** `0`–`9`. */
export const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39
/** `0`–`9`, `A`–`F`, `a`–`f`. */
export const isAsciiHex = (c: number) =>
  isAsciiDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)

/** Code points of the pattern after `\Q...\E` removal, with each one's UTF-16 offset. */
type Prepared = { cps: number[]; origin: number[] }

function toCodePoints(pattern: string): Prepared {
  const cps: number[] = []
  const origin: number[] = []
  for (let i = 0; i < pattern.length;) {
    const c = pattern.codePointAt(i) as number
    cps.push(c)
    origin.push(i)
    i += c > 0xffff ? 2 : 1
  }
  return { cps, origin }
}

const BS = 0x5c

/** Java's RemoveQEQuoting: turns a quoted run into escaped literals before parsing. */
function removeQuoting(p: Prepared): Prepared {
  const { cps, origin } = p
  const len = cps.length
  let i = 0
  while (i < len - 1) {
    if (cps[i] !== BS) i += 1
    else if (cps[i + 1] !== 0x51) i += 2
    else break
  }
  if (i >= len - 1) return p
  const out = cps.slice(0, i)
  const org = origin.slice(0, i)
  const push = (c: number, at: number) => {
    out.push(c)
    org.push(at)
  }
  i += 2
  let inQuote = true
  let beginQuote = true
  while (i < len) {
    const at = origin[i] as number
    const c = cps[i++] as number
    if (c > 0x7f || isAsciiLetter(c)) {
      push(c, at)
    } else if (isAsciiDigit(c)) {
      if (beginQuote) for (const e of [BS, 0x78, 0x33]) push(e, at)
      push(c, at)
    } else if (c !== BS) {
      if (inQuote) push(BS, at)
      push(c, at)
    } else if (inQuote) {
      if (cps[i] === 0x45) {
        i++
        inQuote = false
      } else {
        push(BS, at)
        push(BS, at)
      }
    } else if (cps[i] === 0x51) {
      i++
      inQuote = true
      beginQuote = true
      continue
    } else {
      push(c, at)
      if (i !== len) push(cps[i++] as number, origin[i - 1] as number)
    }
    beginQuote = false
  }
  return { cps: out, origin: org }
}

/**
 * The pattern's UTF-16 units closed by two zeros, or null when it has a surrogate or a `\\Q`
 * (then code points and offsets differ, or quoting rewrites the text).
 */
function plainUnits(pattern: string): number[] | null {
  const len = pattern.length
  const temp: number[] = []
  for (let i = 0; i < len; i++) {
    const u = pattern.charCodeAt(i)
    if ((u >= 0xd800 && u <= 0xdfff) || (u === 0x51 && i > 0 && temp[i - 1] === BS)) return null
    temp.push(u)
  }
  temp.push(0, 0)
  return temp
}

/** Cursor over the prepared pattern with Java's peek/read/next/skip/unread semantics. */
export class PatternScanner {
  readonly temp: number[]
  readonly patternLength: number
  /** UTF-16 offset of each prepared index; `null` when it is the index itself (the usual case). */
  private readonly origin: number[] | null
  readonly source: string
  cursor = 0
  flags0 = 0

  constructor(pattern: string) {
    this.source = pattern
    const plain = plainUnits(pattern)
    if (plain !== null) {
      // No surrogates and no \Q: code points are the UTF-16 units, at their own offsets.
      this.temp = plain
      this.patternLength = pattern.length
      this.origin = null
      return
    }
    const prepared = removeQuoting(toCodePoints(pattern))
    this.patternLength = prepared.cps.length
    prepared.cps.push(0, 0)
    prepared.origin.push(pattern.length, pattern.length)
    this.temp = prepared.cps
    this.origin = prepared.origin
  }

  has(f: number): boolean {
    return (this.flags0 & f) !== 0
  }

  /** UTF-16 offset in the original pattern of prepared index `i`. */
  offsetOf(i: number): number {
    if (i < 0) return 0
    if (this.origin === null) return Math.min(i, this.source.length)
    if (i >= this.origin.length) return this.source.length
    return this.origin[i] as number
  }

  at(i: number): number {
    return this.temp[i] ?? 0
  }

  peek(): number {
    let ch = this.at(this.cursor)
    if (this.has(FLAG.COMMENTS)) ch = this.peekPastWhitespace(ch)
    return ch
  }

  read(): number {
    let ch = this.at(this.cursor++)
    if (this.has(FLAG.COMMENTS)) ch = this.parsePastWhitespace(ch)
    return ch
  }

  readEscaped(): number {
    return this.at(this.cursor++)
  }

  next(): number {
    let ch = this.at(++this.cursor)
    if (this.has(FLAG.COMMENTS)) ch = this.peekPastWhitespace(ch)
    return ch
  }

  nextEscaped(): number {
    return this.at(++this.cursor)
  }

  skip(): number {
    const ch = this.at(this.cursor + 1)
    this.cursor += 2
    return ch
  }

  unread(): void {
    this.cursor--
  }

  accept(ch: number, message: string): void {
    let testChar = this.at(this.cursor++)
    if (this.has(FLAG.COMMENTS)) testChar = this.parsePastWhitespace(testChar)
    if (ch !== testChar) throw this.error(message)
  }

  /** Java's `error()`: the index is `cursor - 1`. */
  error(description: string): RegexSyntaxError {
    const i = this.cursor - 1
    return new RegexSyntaxError(description, i < 0 ? 0 : this.offsetOf(i), i)
  }

  private isLineSeparator(ch: number): boolean {
    if (this.has(FLAG.UNIX_LINES)) return ch === 0x0a
    return ch === 0x0a || ch === 0x0d || (ch | 1) === 0x2029 || ch === 0x85
  }

  private peekPastWhitespace(ch: number): number {
    while (isAsciiSpace(ch) || ch === 0x23) {
      while (isAsciiSpace(ch)) ch = this.at(++this.cursor)
      if (ch === 0x23) ch = this.peekPastLine()
    }
    return ch
  }

  private parsePastWhitespace(ch: number): number {
    while (isAsciiSpace(ch) || ch === 0x23) {
      while (isAsciiSpace(ch)) ch = this.at(this.cursor++)
      if (ch === 0x23) ch = this.parsePastLine()
    }
    return ch
  }

  private parsePastLine(): number {
    let ch = this.at(this.cursor++)
    while (ch !== 0 && !this.isLineSeparator(ch)) ch = this.at(this.cursor++)
    if (ch === 0 && this.cursor > this.patternLength) {
      this.cursor = this.patternLength
      ch = this.at(this.cursor++)
    }
    return ch
  }

  private peekPastLine(): number {
    let ch = this.at(++this.cursor)
    while (ch !== 0 && !this.isLineSeparator(ch)) ch = this.at(++this.cursor)
    if (ch === 0 && this.cursor >= this.patternLength) this.cursor = this.patternLength
    return ch
  }
}

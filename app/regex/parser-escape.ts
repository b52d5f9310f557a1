/**
 * Java's escape sequences (Pattern.escape and its helpers o, x, u, c, N, ref): what each
 * backslash sequence means inside and outside a class, and which ones Java rejects.
 */
import type { Span } from '../model'
import type { AssertKind, ClassExpr, RegexNode } from './ast'
import { lookupCharacterName } from './names'
import { negatedClass } from './properties'
import { isAsciiLetter } from './case-fold'
import { CH, FLAG, PatternScanner, isAsciiDigit, isAsciiHex } from './scanner'

const isAsciiAlnum = (c: number) => isAsciiLetter(c) || isAsciiDigit(c)

/** What `escape()` produced when it was not a plain character. */
export type EscapeResult = { node: RegexNode } | { pred: ClassExpr }

/** Parser state shared by the main parser and the escape rules. */
export abstract class EscapeParser extends PatternScanner {
  groupCount = 1
  /** Named groups; the shared empty map until the first one (most patterns name none). */
  names: Map<string, number> = NO_NAMES
  /** Set by `escape()` for constructs that are not a single character (Java's `root`). */
  escaped: EscapeResult | null = null
  /** Cleared on creating a node that is not flat (see ParsedPattern.flat). */
  flat = true

  spanFrom(start: number): Span {
    return { start: this.offsetOf(start), end: this.offsetOf(this.cursor) }
  }

  assertion(which: AssertKind, at: number): RegexNode {
    return {
      kind: 'assert',
      which,
      unicodeWord: this.has(FLAG.UNICODE_CHARACTER_CLASS),
      span: this.spanFrom(at),
    }
  }

  groupName(first: number): string {
    let ch = first
    if (!isAsciiLetter(ch))
      throw this.error('capturing group name does not start with a Latin letter')
    let name = ''
    do {
      name += String.fromCharCode(ch)
    } while (isAsciiAlnum((ch = this.read())))
    if (ch !== CH.GREATER) throw this.error("named capturing group is missing trailing '>'")
    return name
  }

  /** Java's escape(); returns the character, or -1 with `this.escaped` set. */
  /** Records a construct that is not one character (when `create`); returns -1. */
  private escapedNode(create: boolean, n: RegexNode): number {
    if (create) {
      this.escaped = { node: n }
      if (n.kind !== 'assert') this.flat = false
    }
    return -1
  }

  /** Records a character class written as an escape (when `create`); returns -1. */
  private escapedPred(create: boolean, s: string): number {
    if (create) this.escaped = { pred: { k: 'js', s } }
    return -1
  }

  escape(inclass: boolean, create: boolean, isrange: boolean): number {
    const at = this.cursor
    const ch = this.skip()
    const U = this.has(FLAG.UNICODE_CHARACTER_CLASS)
    switch (ch) {
      case 0x30: // 0
        return this.octal()
      case 0x31: // 1
      case 0x32: // 2
      case 0x33: // 3
      case 0x34: // 4
      case 0x35: // 5
      case 0x36: // 6
      case 0x37: // 7
      case 0x38: // 8
      case 0x39: // 9
        if (inclass) break
        if (create) return this.escapedNode(create, this.ref(ch - 48, at))
        return -1
      case 0x41: // A
        if (inclass) break
        return this.escapedNode(create, this.assertion('begin', at))
      case 0x42: // B
        if (inclass) break
        return this.escapedNode(create, this.assertion('not-bound', at))
      case 0x44: // D
        return this.escapedPred(create, U ? '\\P{Nd}' : NOT_DIGIT)
      case 0x47: // G
        if (inclass) break
        return this.escapedNode(create, this.assertion('last-match', at))
      case 0x48: // H
        return this.escapedPred(create, NOT_HORIZ)
      case 0x4e: // N
        return this.namedChar(at)
      case 0x52: // R
        if (inclass) break
        return this.escapedNode(create, { kind: 'linebreak', span: this.spanFrom(at) })
      case 0x53: // S
        return this.escapedPred(create, U ? NOT_UNICODE_SPACE : NOT_SPACE)
      case 0x56: // V
        return this.escapedPred(create, NOT_VERT)
      case 0x57: // W
        return this.escapedPred(create, U ? NOT_UNICODE_WORD : NOT_WORD)
      case 0x58: // X
        if (inclass) break
        return this.escapedNode(create, unsupported('\\X (grapheme cluster)', this.spanFrom(at)))
      case 0x5a: // Z
        if (inclass) break
        return this.escapedNode(
          create,
          this.assertion(this.has(FLAG.UNIX_LINES) ? 'unix-dollar' : 'dollar', at),
        )
      case 0x61: // a
        return 7
      case 0x62: // b
        if (inclass) break
        if (create) {
          if (this.peek() === CH.LBRACE) {
            if (this.skip() === CH.LOWER_G) {
              if (this.read() === CH.RBRACE)
                return this.escapedNode(
                  create,
                  unsupported('\\b{g} (grapheme boundary)', this.spanFrom(at)),
                )
              break
            }
            this.unread()
            this.unread()
          }
          return this.escapedNode(create, this.assertion('bound', at))
        }
        return -1
      case 0x63: // c
        if (this.cursor < this.patternLength) return this.read() ^ 64
        throw this.error('Illegal control escape sequence')
      case 0x64: // d
        return this.escapedPred(create, U ? '\\p{Nd}' : '[0-9]')
      case 0x65: // e
        return 0x1b
      case 0x66: // f
        return 0x0c
      case 0x68: // h
        return this.escapedPred(create, `[${HORIZ}]`)
      case 0x6b: {
        // k
        if (inclass) break
        if (this.read() !== CH.LESS)
          throw this.error("\\k is not followed by '<' for named capturing group")
        const name = this.groupName(this.read())
        const index = this.names.get(name)
        if (index === undefined) throw this.error(`named capturing group <${name}> does not exist`)
        if (create) return this.escapedNode(create, this.backref(index, at))
        return -1
      }
      case 0x6e: // n
        return 0x0a
      case 0x72: // r
        return 0x0d
      case 0x73: // s
        return this.escapedPred(create, U ? '[\\p{Z}\\t-\\r\\u{85}]' : '[ \\t-\\r]')
      case 0x74: // t
        return 0x09
      case 0x75: // u
        return this.unicodeEscape()
      case 0x76: // v
        if (isrange) return 0x0b
        return this.escapedPred(create, `[${VERT}]`)
      case 0x77: // w
        return this.escapedPred(
          create,
          U ? '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]' : '[A-Za-z0-9_]',
        )
      case 0x78: // x
        return this.hexEscape()
      case 0x7a: // z
        if (inclass) break
        return this.escapedNode(create, this.assertion('end', at))
      default:
        if (isAsciiLetter(ch)) break
        return ch
    }
    throw this.error('Illegal/unsupported escape sequence')
  }

  private ref(first: number, at: number): RegexNode {
    let refNum = first
    for (;;) {
      const ch = this.peek()
      if (!isAsciiDigit(ch)) break
      const n = refNum * 10 + (ch - 48)
      if (this.groupCount - 1 < n) break
      refNum = n
      this.read()
    }
    return this.backref(refNum, at)
  }

  private backref(index: number, at: number): RegexNode {
    const fold = !this.has(FLAG.CASE_INSENSITIVE)
      ? 'none'
      : this.has(FLAG.UNICODE_CASE)
        ? 'unicode'
        : 'ascii'
    return { kind: 'backref', index, fold, span: this.spanFrom(at) }
  }

  private octal(): number {
    const isOct = (c: number) => c >= 48 && c <= 55
    const n = this.read()
    if (isOct(n)) {
      const m = this.read()
      if (isOct(m)) {
        const o = this.read()
        if (isOct(o) && n <= 51) return (n - 48) * 64 + (m - 48) * 8 + (o - 48)
        this.unread()
        return (n - 48) * 8 + (m - 48)
      }
      this.unread()
      return n - 48
    }
    throw this.error('Illegal octal escape sequence')
  }

  private hexEscape(): number {
    const digit = (c: number) => parseInt(String.fromCharCode(c), 16)
    let n = this.read()
    if (isAsciiHex(n)) {
      const m = this.read()
      if (isAsciiHex(m)) return digit(n) * 16 + digit(m)
    } else if (n === CH.LBRACE && isAsciiHex(this.peek())) {
      let ch = 0
      while (isAsciiHex((n = this.read()))) {
        ch = ch * 16 + digit(n)
        if (ch > 0x10ffff) throw this.error('Hexadecimal codepoint is too big')
      }
      if (n !== CH.RBRACE) throw this.error('Unclosed hexadecimal escape sequence')
      return ch
    }
    throw this.error('Illegal hexadecimal escape sequence')
  }

  private uxxxx(): number {
    let n = 0
    for (let i = 0; i < 4; i++) {
      const ch = this.read()
      if (!isAsciiHex(ch)) throw this.error('Illegal Unicode escape sequence')
      n = n * 16 + parseInt(String.fromCharCode(ch), 16)
    }
    return n
  }

  private unicodeEscape(): number {
    const n = this.uxxxx()
    if (n >= 0xd800 && n <= 0xdbff) {
      const cur = this.cursor
      if (this.read() === CH.BACKSLASH && this.read() === CH.LOWER_U) {
        const n2 = this.uxxxx()
        if (n2 >= 0xdc00 && n2 <= 0xdfff) return (n - 0xd800) * 0x400 + (n2 - 0xdc00) + 0x10000
      }
      this.cursor = cur
    }
    return n
  }

  /** `\N{name}`: Java needs the Unicode name table, which we do not carry. */
  private namedChar(at: number): number {
    if (this.read() === CH.LBRACE) {
      const start = this.cursor
      while (this.read() !== CH.RBRACE) {
        if (this.cursor >= this.patternLength)
          throw this.error('Unclosed character name escape sequence')
      }
      const name = String.fromCodePoint(...this.temp.slice(start, this.cursor - 1))
      const cp = lookupCharacterName(name)
      if (cp === 'unknown') throw this.error(`Unknown character name [${name}]`)
      if (cp === 'undecided') throw new NamedCharError(this.spanFrom(at))
      return cp
    }
    throw this.error('Illegal character name escape sequence')
  }
}

/** Thrown for `\N{...}`: valid or not depends on a name table we do not have. */
export class NamedCharError extends Error {
  readonly span: Span
  constructor(span: Span) {
    super('\\N{...}')
    this.span = span
  }
}

/** Never written to: a parser replaces it before adding a name. */
const NO_NAMES = new Map<string, number>()

const HORIZ = ' \\t\\u{A0}\\u{1680}\\u{180E}\\u{2000}-\\u{200A}\\u{202F}\\u{205F}\\u{3000}'
const VERT = '\\n\\u{B}\\f\\r\\u{85}\\u{2028}\\u{2029}'
/** The negated escapes' classes, built once. */
const NOT_DIGIT = negatedClass('[0-9]')
const NOT_HORIZ = negatedClass(`[${HORIZ}]`)
const NOT_VERT = negatedClass(`[${VERT}]`)
const NOT_SPACE = negatedClass('[ \\t-\\r]')
const NOT_UNICODE_SPACE = negatedClass('[\\p{Z}\\t-\\r\\u{85}]')
const NOT_WORD = negatedClass('[A-Za-z0-9_]')
const NOT_UNICODE_WORD = negatedClass('[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]')

function unsupported(what: string, span: Span): RegexNode {
  return {
    kind: 'unsupported',
    what,
    hint: 'Rewrite this part without it; JavaScript has no equivalent that behaves exactly like Java.',
    span,
  }
}

/**
 * Parser for Java regex syntax, following `java.util.regex.Pattern`'s recursive descent
 * (expr → sequence → group0 / atom / closure, escape, clazz / range / family) so that the set of
 * accepted patterns, and Java's error messages, match JDK 17.
 */
import type { Span } from '../model'
import type { ClassExpr, RegexNode, ParsedPattern, AssertKind } from './ast'
import { FLAG, PatternScanner, isAsciiAlpha, isAsciiDigit, isAsciiHex } from './scanner'
import { parseClass, readFamily, singleChar } from './parser-class'
import { MAX_REPS, studyLookbehind } from './study'
import { lookupCharacterName } from './names'

const code = (s: string) => s.charCodeAt(0)
const isAsciiAlnum = (c: number) => isAsciiAlpha(c) || isAsciiDigit(c)

/** What `escape()` produced when it was not a plain character. */
export type EscapeResult = { node: RegexNode } | { pred: ClassExpr }

/** The Java parser state; class parsing lives in parser-class.ts and uses the same cursor. */
export class JavaPatternParser extends PatternScanner {
  groupCount = 1
  names = new Map<string, number>()
  /** Set by `escape()` for constructs that are not a single character (Java's `root`). */
  escaped: EscapeResult | null = null

  spanFrom(start: number): Span {
    return { start: this.offsetOf(start), end: this.offsetOf(this.cursor) }
  }

  parse(): ParsedPattern {
    const root = this.expr()
    if (this.patternLength !== this.cursor) {
      if (this.peek() === code(')')) throw this.error("Unmatched closing ')'")
      throw this.error('Unexpected internal error')
    }
    return { root, groupCount: this.groupCount - 1, names: this.names }
  }

  private expr(): RegexNode {
    const start = this.cursor
    const branches: RegexNode[] = []
    for (;;) {
      branches.push(this.sequence())
      if (this.peek() !== code('|')) break
      this.next()
    }
    if (branches.length === 1) return branches[0] as RegexNode
    return { kind: 'alt', branches, span: this.spanFrom(start) }
  }

  private sequence(): RegexNode {
    const start = this.cursor
    const items: RegexNode[] = []
    for (;;) {
      const ch = this.peek()
      const at = this.cursor
      let node: RegexNode
      if (ch === code('(')) {
        const g = this.group0()
        if (g) items.push(g)
        continue
      } else if (ch === code('[')) {
        node = { kind: 'set', expr: parseClass(this, true), span: this.spanFrom(at) }
      } else if (ch === code('\\')) {
        const e = this.nextEscaped()
        if (e === code('p') || e === code('P')) {
          node = { kind: 'set', expr: this.familyAfterP(e), span: this.spanFrom(at) }
        } else {
          this.unread()
          node = this.atom()
        }
      } else if (ch === code('^')) {
        this.next()
        const which: AssertKind = this.has(FLAG.MULTILINE)
          ? this.has(FLAG.UNIX_LINES)
            ? 'unix-caret-m'
            : 'caret-m'
          : 'begin'
        node = this.assertion(which, at)
      } else if (ch === code('$')) {
        this.next()
        const m = this.has(FLAG.MULTILINE)
        const which: AssertKind = this.has(FLAG.UNIX_LINES)
          ? m
            ? 'unix-dollar-m'
            : 'unix-dollar'
          : m
            ? 'dollar-m'
            : 'dollar'
        node = this.assertion(which, at)
      } else if (ch === code('.')) {
        this.next()
        node = { kind: 'set', expr: this.dot(), span: this.spanFrom(at) }
      } else if (ch === code('|') || ch === code(')')) {
        break
      } else if (ch === code('?') || ch === code('*') || ch === code('+')) {
        this.next()
        throw this.error(`Dangling meta character '${String.fromCharCode(ch)}'`)
      } else if (ch === 0 && this.cursor >= this.patternLength) {
        break
      } else {
        node = this.atom()
      }
      items.push(this.closure(node, at))
    }
    if (items.length === 1) return items[0] as RegexNode
    return { kind: 'seq', items, span: this.spanFrom(start) }
  }

  assertion(which: AssertKind, at: number): RegexNode {
    return {
      kind: 'assert',
      which,
      unicodeWord: this.has(FLAG.UNICODE_CHARACTER_CLASS),
      span: this.spanFrom(at),
    }
  }

  private dot(): ClassExpr {
    if (this.has(FLAG.DOTALL)) return { k: 'js', s: '[\\s\\S]' }
    if (this.has(FLAG.UNIX_LINES)) return { k: 'js', s: '[^\\n]' }
    return { k: 'js', s: '[^\\n\\r\\u{85}\\u{2028}\\u{2029}]' }
  }

  /** After `\p`/`\P` has been read (cursor on the letter). */
  familyAfterP(letter: number): ClassExpr {
    const comp = letter === code('P')
    let oneLetter = true
    const c = this.next()
    if (c !== code('{')) this.unread()
    else oneLetter = false
    return readFamily(this, oneLetter, comp)
  }

  private group0(): RegexNode | null {
    const at = this.cursor
    const save = this.flags0
    let ch = this.next()
    let body: RegexNode
    let make: (b: RegexNode) => RegexNode
    if (ch === code('?')) {
      ch = this.skip()
      if (ch === code(':')) {
        body = this.expr()
        make = (b) => ({ kind: 'group', index: null, body: b, span: this.spanFrom(at) })
      } else if (ch === code('=') || ch === code('!')) {
        body = this.expr()
        const negate = ch === code('!')
        make = (b) => ({ kind: 'look', behind: false, negate, body: b, span: this.spanFrom(at) })
      } else if (ch === code('>')) {
        body = this.expr()
        make = (b) => ({ kind: 'atomic', body: b, span: this.spanFrom(at) })
      } else if (ch === code('<')) {
        ch = this.read()
        if (ch !== code('=') && ch !== code('!')) {
          const name = this.groupName(ch)
          if (this.names.has(name))
            throw this.error(`Named capturing group <${name}> is already defined`)
          const index = this.groupCount++
          this.names.set(name, index)
          body = this.expr()
          make = (b) => ({ kind: 'group', index, name, body: b, span: this.spanFrom(at) })
        } else {
          const negate = ch === code('!')
          body = this.expr()
          checkLookbehindLength(this, body)
          make = (b) => ({ kind: 'look', behind: true, negate, body: b, span: this.spanFrom(at) })
        }
      } else if (ch === code('$') || ch === code('@')) {
        throw this.error('Unknown group type')
      } else {
        this.unread()
        this.addFlag()
        ch = this.read()
        if (ch === code(')')) return null
        if (ch !== code(':')) throw this.error('Unknown inline modifier')
        body = this.expr()
        make = (b) => ({ kind: 'group', index: null, body: b, span: this.spanFrom(at) })
      }
    } else {
      const index = this.groupCount++
      body = this.expr()
      make = (b) => ({ kind: 'group', index, body: b, span: this.spanFrom(at) })
    }
    this.accept(code(')'), 'Unclosed group')
    this.flags0 = save
    const node = make(body)
    return this.closure(node, at)
  }

  groupName(first: number): string {
    let ch = first
    if (!isAsciiAlpha(ch)) throw this.error('capturing group name does not start with a Latin letter')
    let name = ''
    do {
      name += String.fromCharCode(ch)
    } while (isAsciiAlnum((ch = this.read())))
    if (ch !== code('>')) throw this.error("named capturing group is missing trailing '>'")
    return name
  }

  private addFlag(): void {
    let ch = this.peek()
    for (;;) {
      const f = flagBits(ch)
      if (f !== 0) this.flags0 |= f
      else if (ch === code('-')) {
        ch = this.next()
        this.subFlag()
        return
      } else return
      ch = this.next()
    }
  }

  private subFlag(): void {
    let ch = this.peek()
    for (;;) {
      const f = flagBits(ch)
      if (f === 0) return
      this.flags0 &= ~f
      ch = this.next()
    }
  }

  private closure(prev: RegexNode, at: number): RegexNode {
    const ch = this.peek()
    let min: number
    let max: number
    if (ch === code('?')) {
      min = 0
      max = 1
    } else if (ch === code('*')) {
      min = 0
      max = Infinity
    } else if (ch === code('+')) {
      min = 1
      max = Infinity
    } else if (ch === code('{')) {
      let c = this.skip()
      if (!isAsciiDigit(c)) throw this.error('Illegal repetition')
      min = 0
      let big = false
      do {
        min = min * 10 + (c - 48)
        if (min > MAX_REPS) big = true
      } while (isAsciiDigit((c = this.read())))
      max = min
      if (c === code(',')) {
        c = this.read()
        if (c === code('}')) max = Infinity
        else {
          max = 0
          while (isAsciiDigit(c)) {
            max = max * 10 + (c - 48)
            if (max > MAX_REPS) big = true
            c = this.read()
          }
        }
      }
      if (big) throw this.error('Illegal repetition range')
      if (c !== code('}')) throw this.error('Unclosed counted closure')
      if (max < min) throw this.error('Illegal repetition range')
      this.unread()
    } else {
      return prev
    }
    const c2 = this.next()
    let mode: 'greedy' | 'lazy' | 'possessive' = 'greedy'
    if (c2 === code('?')) {
      this.next()
      mode = 'lazy'
    } else if (c2 === code('+')) {
      this.next()
      mode = 'possessive'
    }
    const brace = ch === code('{')
    return { kind: 'repeat', body: prev, min, max, mode, brace, span: this.spanFrom(at) }
  }

  /** Java's atom(): a run of literal characters (a "slice"), or one escape construct. */
  private atom(): RegexNode {
    const start = this.cursor
    const buf: { cp: number; at: number }[] = []
    let prev = -1
    let ch = this.peek()
    for (;;) {
      if (ch === code('*') || ch === code('+') || ch === code('?') || ch === code('{')) {
        if (buf.length > 1) {
          this.cursor = prev
          buf.pop()
        }
        break
      }
      if ('$.^([|)'.includes(String.fromCharCode(ch)) && ch !== 0) break
      if (ch === code('\\')) {
        ch = this.nextEscaped()
        if (ch === code('p') || ch === code('P')) {
          if (buf.length > 0) {
            this.unread()
            break
          }
          return { kind: 'set', expr: this.familyAfterP(ch), span: this.spanFrom(start) }
        }
        this.unread()
        prev = this.cursor
        this.escaped = null
        const r = this.escape(false, buf.length === 0, false)
        if (r >= 0) {
          buf.push({ cp: r, at: prev })
          ch = this.peek()
          continue
        }
        if (buf.length === 0) {
          const e = this.escaped as EscapeResult | null
          if (e && 'node' in e) return e.node
          if (e) return { kind: 'set', expr: e.pred, span: this.spanFrom(start) }
          return { kind: 'seq', items: [], span: this.spanFrom(start) }
        }
        this.cursor = prev
        break
      }
      if (ch === 0 && this.cursor >= this.patternLength) break
      prev = this.cursor
      buf.push({ cp: ch, at: prev })
      ch = this.next()
    }
    const end = this.cursor
    const single = buf.length === 1
    const items = buf.map((b, i) => {
      this.cursor = buf[i + 1]?.at ?? end
      return this.charNode(b.cp, b.at, single)
    })
    this.cursor = end
    if (items.length === 1) return items[0] as RegexNode
    return { kind: 'seq', items, span: this.spanFrom(start) }
  }

  charNode(cp: number, at: number, single: boolean): RegexNode {
    const span = this.spanFrom(at)
    if (!this.has(FLAG.CASE_INSENSITIVE)) return { kind: 'char', cp, fold: 'none', span }
    if (!this.has(FLAG.UNICODE_CASE)) return { kind: 'char', cp, fold: 'ascii', span }
    if (single) return { kind: 'set', expr: singleChar(this, cp), span }
    return { kind: 'char', cp, fold: 'unicode', span }
  }

  /** Java's escape(); returns the character, or -1 with `this.escaped` set. */
  escape(inclass: boolean, create: boolean, isrange: boolean): number {
    const at = this.cursor
    const ch = this.skip()
    const c = String.fromCodePoint(ch)
    const node = (n: RegexNode) => {
      if (create) this.escaped = { node: n }
      return -1
    }
    const pred = (s: string) => {
      if (create) this.escaped = { pred: { k: 'js', s } }
      return -1
    }
    const U = this.has(FLAG.UNICODE_CHARACTER_CLASS)
    switch (c) {
      case '0':
        return this.octal()
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        if (inclass) break
        if (create) return node(this.ref(ch - 48, at))
        return -1
      case 'A':
        if (inclass) break
        return node(this.assertion('begin', at))
      case 'B':
        if (inclass) break
        return node(this.assertion('not-bound', at))
      case 'D':
        return pred(U ? '\\P{Nd}' : '[^0-9]')
      case 'G':
        if (inclass) break
        return node(this.assertion('last-match', at))
      case 'H':
        return pred(`[^${HORIZ}]`)
      case 'N':
        return this.namedChar(at)
      case 'R':
        if (inclass) break
        return node({ kind: 'linebreak', span: this.spanFrom(at) })
      case 'S':
        return pred(U ? '[^\\p{Z}\\t-\\r\\u{85}]' : '[^ \\t-\\r]')
      case 'V':
        return pred(`[^${VERT}]`)
      case 'W':
        return pred(U ? '[^\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]' : '[^A-Za-z0-9_]')
      case 'X':
        if (inclass) break
        return node(unsupported('\\X (grapheme cluster)', this.spanFrom(at)))
      case 'Z':
        if (inclass) break
        return node(this.assertion(this.has(FLAG.UNIX_LINES) ? 'unix-dollar' : 'dollar', at))
      case 'a':
        return 7
      case 'b':
        if (inclass) break
        if (create) {
          if (this.peek() === code('{')) {
            if (this.skip() === code('g')) {
              if (this.read() === code('}'))
                return node(unsupported('\\b{g} (grapheme boundary)', this.spanFrom(at)))
              break
            }
            this.unread()
            this.unread()
          }
          return node(this.assertion('bound', at))
        }
        return -1
      case 'c':
        if (this.cursor < this.patternLength) return this.read() ^ 64
        throw this.error('Illegal control escape sequence')
      case 'd':
        return pred(U ? '\\p{Nd}' : '[0-9]')
      case 'e':
        return 0x1b
      case 'f':
        return 0x0c
      case 'h':
        return pred(`[${HORIZ}]`)
      case 'k': {
        if (inclass) break
        if (this.read() !== code('<'))
          throw this.error("\\k is not followed by '<' for named capturing group")
        const name = this.groupName(this.read())
        const index = this.names.get(name)
        if (index === undefined) throw this.error(`named capturing group <${name}> does not exist`)
        if (create) return node(this.backref(index, at))
        return -1
      }
      case 'n':
        return 0x0a
      case 'r':
        return 0x0d
      case 's':
        return pred(U ? '[\\p{Z}\\t-\\r\\u{85}]' : '[ \\t-\\r]')
      case 't':
        return 0x09
      case 'u':
        return this.unicodeEscape()
      case 'v':
        if (isrange) return 0x0b
        return pred(`[${VERT}]`)
      case 'w':
        return pred(U ? '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]' : '[A-Za-z0-9_]')
      case 'x':
        return this.hexEscape()
      case 'z':
        if (inclass) break
        return node(this.assertion('end', at))
      default:
        if (isAsciiAlpha(ch)) break
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
    } else if (n === code('{') && isAsciiHex(this.peek())) {
      let ch = 0
      while (isAsciiHex((n = this.read()))) {
        ch = ch * 16 + digit(n)
        if (ch > 0x10ffff) throw this.error('Hexadecimal codepoint is too big')
      }
      if (n !== code('}')) throw this.error('Unclosed hexadecimal escape sequence')
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
      if (this.read() === code('\\') && this.read() === code('u')) {
        const n2 = this.uxxxx()
        if (n2 >= 0xdc00 && n2 <= 0xdfff) return (n - 0xd800) * 0x400 + (n2 - 0xdc00) + 0x10000
      }
      this.cursor = cur
    }
    return n
  }

  /** `\N{name}`: Java needs the Unicode name table, which we do not carry. */
  private namedChar(at: number): number {
    if (this.read() === code('{')) {
      const start = this.cursor
      while (this.read() !== code('}')) {
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

const HORIZ = ' \\t\\u{A0}\\u{1680}\\u{180E}\\u{2000}-\\u{200A}\\u{202F}\\u{205F}\\u{3000}'
const VERT = '\\n\\u{B}\\f\\r\\u{85}\\u{2028}\\u{2029}'

function unsupported(what: string, span: Span): RegexNode {
  return {
    kind: 'unsupported',
    what,
    hint: 'Rewrite this part without it; JavaScript has no equivalent that behaves exactly like Java.',
    span,
  }
}

function flagBits(ch: number): number {
  switch (String.fromCharCode(ch)) {
    case 'i':
      return FLAG.CASE_INSENSITIVE
    case 'm':
      return FLAG.MULTILINE
    case 's':
      return FLAG.DOTALL
    case 'd':
      return FLAG.UNIX_LINES
    case 'u':
      return FLAG.UNICODE_CASE
    case 'c':
      return FLAG.CANON_EQ
    case 'x':
      return FLAG.COMMENTS
    case 'U':
      return FLAG.UNICODE_CHARACTER_CLASS | FLAG.UNICODE_CASE
  }
  return 0
}

/** Java's TreeInfo max-length check for look-behind bodies (`study()`), with int overflow. */
function checkLookbehindLength(p: JavaPatternParser, body: RegexNode): void {
  if (!studyLookbehind(body).maxValid)
    throw p.error('Look-behind group does not have an obvious maximum length')
}

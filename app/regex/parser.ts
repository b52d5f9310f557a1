/**
 * Parser for Java regex syntax, following `java.util.regex.Pattern`'s recursive descent
 * (expr → sequence → group0 / atom / closure, escape, clazz / range / family) so that the set of
 * accepted patterns, and Java's error messages, match JDK 17.
 */
import type { ClassExpr, RegexNode, ParsedPattern, AssertKind } from './ast'
import { CH, FLAG, isAsciiDigit } from './scanner'
import { EscapeParser } from './parser-escape'
import type { EscapeResult } from './parser-escape'
import { parseClass, readFamily, singleChar } from './parser-class'
import { MAX_REPS, studyLookbehind } from './study'
import { negatedClass } from './properties'

const STAR = 0x2a
const PLUS = 0x2b
const QUESTION = 0x3f
const LBRACE = 0x7b
const BACKSLASH = 0x5c
const LOWER_P = 0x70
const UPPER_P = 0x50

/** `.` in its three meanings (pattern-independent, so built once; class trees are never mutated). */
const DOT_ALL: ClassExpr = { k: 'js', s: '[\\s\\S]' }
const DOT_UNIX: ClassExpr = { k: 'js', s: negatedClass('[\\n]') }
const DOT: ClassExpr = { k: 'js', s: negatedClass('[\\n\\r\\x85\\u2028\\u2029]') }

/** `$ . ^ ( [ | )`: characters that end a run of literals. */
function isSliceEnd(ch: number): boolean {
  switch (ch) {
    case 0x24:
    case 0x2e:
    case 0x5e:
    case 0x28:
    case 0x5b:
    case 0x7c:
    case 0x29:
      return true
    default:
      return false
  }
}

/** The Java parser state; class parsing lives in parser-class.ts and uses the same cursor. */
export class JavaPatternParser extends EscapeParser {
  parse(): ParsedPattern {
    const root = this.expr()
    if (this.patternLength !== this.cursor) {
      if (this.peek() === CH.RPAREN) throw this.error("Unmatched closing ')'")
      throw this.error('Unexpected internal error')
    }
    return { root, groupCount: this.groupCount - 1, names: this.names, flat: this.flat }
  }

  private expr(): RegexNode {
    const start = this.cursor
    const branches: RegexNode[] = []
    for (;;) {
      branches.push(this.sequence())
      if (this.peek() !== CH.PIPE) break
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
      if (ch === CH.LPAREN) {
        const g = this.group0()
        if (g) items.push(g)
        continue
      } else if (ch === CH.LBRACKET) {
        node = this.canonEq(at, {
          kind: 'set',
          expr: parseClass(this, true),
          span: this.spanFrom(at),
        })
      } else if (ch === CH.BACKSLASH) {
        const e = this.nextEscaped()
        if (e === CH.LOWER_P || e === CH.UPPER_P) {
          node = this.canonEq(at, {
            kind: 'set',
            expr: this.familyAfterP(e),
            span: this.spanFrom(at),
          })
        } else {
          this.unread()
          node = this.atom()
        }
      } else if (ch === CH.CARET) {
        this.next()
        const which: AssertKind = this.has(FLAG.MULTILINE)
          ? this.has(FLAG.UNIX_LINES)
            ? 'unix-caret-m'
            : 'caret-m'
          : 'begin'
        node = this.assertion(which, at)
      } else if (ch === CH.DOLLAR) {
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
      } else if (ch === CH.DOT) {
        this.next()
        node = { kind: 'set', expr: this.dot(), span: this.spanFrom(at) }
      } else if (ch === CH.PIPE || ch === CH.RPAREN) {
        break
      } else if (ch === CH.QUESTION || ch === CH.STAR || ch === CH.PLUS) {
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

  /** Under `(?c)` Java matches classes against canonically composed text (NFCCharProperty). */
  private canonEq(at: number, node: RegexNode): RegexNode {
    if (!this.has(FLAG.CANON_EQ)) return node
    this.flat = false
    return {
      kind: 'unsupported',
      what: 'A character class under (?c) (canonical equivalence)',
      hint: 'Remove (?c); list the composed and decomposed forms explicitly if you need both.',
      span: this.spanFrom(at),
    }
  }

  private dot(): ClassExpr {
    if (this.has(FLAG.DOTALL)) return DOT_ALL
    if (this.has(FLAG.UNIX_LINES)) return DOT_UNIX
    return DOT
  }

  /** After `\p`/`\P` has been read (cursor on the letter). */
  familyAfterP(letter: number): ClassExpr {
    const comp = letter === CH.UPPER_P
    let oneLetter = true
    const c = this.next()
    if (c !== CH.LBRACE) this.unread()
    else oneLetter = false
    return readFamily(this, oneLetter, comp)
  }

  private group0(): RegexNode | null {
    const at = this.cursor
    const save = this.flags0
    let ch = this.next()
    // What kind of group this is, settled before its body is parsed.
    let kind: 'group' | 'look' | 'atomic' = 'group'
    let index: number | null = null
    let name: string | undefined
    let behind = false
    let negate = false
    if (ch === CH.QUESTION) {
      ch = this.skip()
      if (ch === CH.COLON) {
        // non-capturing
      } else if (ch === CH.EQUALS || ch === CH.BANG) {
        kind = 'look'
        negate = ch === CH.BANG
      } else if (ch === CH.GREATER) {
        kind = 'atomic'
      } else if (ch === CH.LESS) {
        ch = this.read()
        if (ch !== CH.EQUALS && ch !== CH.BANG) {
          name = this.groupName(ch)
          if (this.names.has(name))
            throw this.error(`Named capturing group <${name}> is already defined`)
          index = this.groupCount++
          if (this.names.size === 0) this.names = new Map()
          this.names.set(name, index)
        } else {
          kind = 'look'
          behind = true
          negate = ch === CH.BANG
        }
      } else if (ch === CH.DOLLAR || ch === CH.AT) {
        throw this.error('Unknown group type')
      } else {
        this.unread()
        this.addFlag()
        ch = this.read()
        if (ch === CH.RPAREN) return null
        if (ch !== CH.COLON) throw this.error('Unknown inline modifier')
      }
    } else {
      index = this.groupCount++
    }
    const body = this.expr()
    if (behind) checkLookbehindLength(this, body)
    this.accept(CH.RPAREN, 'Unclosed group')
    this.flags0 = save
    const span = this.spanFrom(at)
    this.flat = false
    let node: RegexNode
    if (kind === 'look') node = { kind, behind, negate, body, span }
    else if (kind === 'atomic') node = { kind, body, span }
    else if (name !== undefined) node = { kind, index, name, body, span }
    else node = { kind, index, body, span }
    return this.closure(node, at)
  }

  private addFlag(): void {
    let ch = this.peek()
    for (;;) {
      const f = flagBits(ch)
      if (f !== 0) this.flags0 |= f
      else if (ch === CH.MINUS) {
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
    if (ch === CH.QUESTION) {
      min = 0
      max = 1
    } else if (ch === CH.STAR) {
      min = 0
      max = Infinity
    } else if (ch === CH.PLUS) {
      min = 1
      max = Infinity
    } else if (ch === CH.LBRACE) {
      let c = this.skip()
      if (!isAsciiDigit(c)) throw this.error('Illegal repetition')
      min = 0
      do {
        min = min * 10 + (c - 48)
        if (min > MAX_REPS) throw this.error('Illegal repetition range')
      } while (isAsciiDigit((c = this.read())))
      max = min
      if (c === CH.COMMA) {
        c = this.read()
        if (c === CH.RBRACE) max = Infinity
        else {
          max = 0
          while (isAsciiDigit(c)) {
            max = max * 10 + (c - 48)
            if (max > MAX_REPS) throw this.error('Illegal repetition range')
            c = this.read()
          }
        }
      }
      if (c !== CH.RBRACE) throw this.error('Unclosed counted closure')
      if (max < min) throw this.error('Illegal repetition range')
      this.unread()
    } else {
      return prev
    }
    const c2 = this.next()
    let mode: 'greedy' | 'lazy' | 'possessive' = 'greedy'
    if (c2 === CH.QUESTION) {
      this.next()
      mode = 'lazy'
    } else if (c2 === CH.PLUS) {
      this.next()
      mode = 'possessive'
    }
    const brace = ch === CH.LBRACE
    return { kind: 'repeat', body: prev, min, max, mode, brace, span: this.spanFrom(at) }
  }

  /** Java's atom(): a run of literal characters (a "slice"), or one escape construct. */
  private atom(): RegexNode {
    const start = this.cursor
    // The run's code points and where each one starts in the prepared pattern.
    const cps: number[] = []
    const ats: number[] = []
    let prev = -1
    let ch = this.peek()
    for (;;) {
      if (ch === STAR || ch === PLUS || ch === QUESTION || ch === LBRACE) {
        if (cps.length > 1) {
          this.cursor = prev
          cps.pop()
          ats.pop()
        }
        break
      }
      // Only ASCII code points can be metacharacters (U+10028 is not '(').
      if (isSliceEnd(ch)) break
      if (ch === BACKSLASH) {
        ch = this.nextEscaped()
        if (ch === LOWER_P || ch === UPPER_P) {
          if (cps.length > 0) {
            this.unread()
            break
          }
          return { kind: 'set', expr: this.familyAfterP(ch), span: this.spanFrom(start) }
        }
        this.unread()
        prev = this.cursor
        this.escaped = null
        const r = this.escape(false, cps.length === 0, false)
        if (r >= 0) {
          cps.push(r)
          ats.push(prev)
          ch = this.peek()
          continue
        }
        if (cps.length === 0) {
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
      cps.push(ch)
      ats.push(prev)
      ch = this.next()
    }
    const end = this.cursor
    const n = cps.length
    const fold = !this.has(FLAG.CASE_INSENSITIVE)
      ? 'none'
      : this.has(FLAG.UNICODE_CASE)
        ? 'unicode'
        : 'ascii'
    // Each character spans from its start to the next one's (the last one to the run's end).
    if (n === 1 && fold === 'unicode') {
      const cp = cps[0] as number
      const span = { start: this.offsetOf(ats[0] as number), end: this.offsetOf(end) }
      return { kind: 'set', expr: singleChar(this, cp), span }
    }
    const items: RegexNode[] = []
    let from = n > 0 ? this.offsetOf(ats[0] as number) : 0
    for (let i = 0; i < n; i++) {
      const to = this.offsetOf(i + 1 < n ? (ats[i + 1] as number) : end)
      items.push({ kind: 'char', cp: cps[i] as number, fold, span: { start: from, end: to } })
      from = to
    }
    if (n === 1) return items[0] as RegexNode
    return { kind: 'seq', items, span: this.spanFrom(start) }
  }
}

function flagBits(ch: number): number {
  if (ch >= 0x80) return 0
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

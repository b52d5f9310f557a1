/**
 * Java pattern tree → JavaScript RegExp source (`v` flag). Every construct is written out
 * explicitly (case-insensitive letters as classes, Java's line terminators for `.`, `^`, `$`),
 * so the result never depends on JavaScript's own flag semantics.
 */
import type { Span } from '../model'
import type { AssertKind, ClassExpr, RegexNode } from './ast'
import { unicodeEquivalents, unicodeFold, asciiLower, asciiUpper, isAsciiLetter } from './case-fold'
import { RegexTranslateError } from './errors'
import { MAX_REPS, studyLookbehind } from './study'
import { negatedClass, UNICODE_WORD } from './properties'

/** A translated pattern. */
export type Translation = {
  /** JavaScript source of the pattern itself (not anchored). */
  source: string
  /** JavaScript flags to use with it (always `v`). */
  flags: string
  /** `groupMap[n]` is the JavaScript group number holding Java group `n` (index 0 unused). */
  groupMap: number[]
  /** Number of Java capturing groups. */
  groupCount: number
}

/** An escaped code point: `\\xHH` below U+0100 (shorter sources compile faster), else `\\u{H...}`. */
const hex = (cp: number) =>
  cp < 0x100
    ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u{${cp.toString(16).toUpperCase()}}`
const isAlnum = (cp: number) =>
  (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)
/** The JavaScript source of each ASCII literal inside a class, built once. */
const ASCII_LITERALS = Array.from({ length: 0x80 }, (_, cp) =>
  isAlnum(cp) ? String.fromCharCode(cp) : hex(cp),
)
/** `v`-mode syntax characters: outside a class every other printable ASCII character is itself. */
const SYNTAX = '^$\\.*+?()[]{}|/'
/** The JavaScript source of each ASCII literal outside a class. */
const ASCII_OUTSIDE = Array.from({ length: 0x80 }, (_, cp) =>
  cp >= 0x20 && cp < 0x7f && !SYNTAX.includes(String.fromCharCode(cp))
    ? String.fromCharCode(cp)
    : hex(cp),
)
/** A literal usable inside a class (and outside). */
const lit = (cp: number) => (cp < 0x80 ? (ASCII_LITERALS[cp] as string) : hex(cp))
/** A literal outside a class. */
const litOutside = (cp: number) => (cp < 0x80 ? (ASCII_OUTSIDE[cp] as string) : hex(cp))

function normalise(r: [number, number][]): [number, number][] {
  const sorted = [...r].sort((a, b) => a[0] - b[0])
  const out: [number, number][] = []
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1]
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi)
    else out.push([lo, hi])
  }
  return out
}

function rangesBody(r: [number, number][]): string {
  return normalise(r)
    .map(([lo, hi]) =>
      lo === hi ? lit(lo) : hi === lo + 1 ? lit(lo) + lit(hi) : `${lit(lo)}-${lit(hi)}`,
    )
    .join('')
}

/** A `v`-mode class operand (usable both inside a class and on its own). */
export function emitClass(e: ClassExpr): string {
  switch (e.k) {
    case 'ranges':
      return `[${rangesBody(e.r)}]`
    case 'js':
      return e.s
    case 'or':
      return `[${e.xs.map(emitClass).join('')}]`
    case 'and':
      return `[${emitClass(e.a)}&&${emitClass(e.b)}]`
    case 'not':
      return negatedClass(emitClass(e.x))
  }
}

const CONTROL =
  '[[\\p{Cc}\\p{Zl}\\p{Zp}\\p{Cf}]--[\\u{200C}\\u{200D}\\u{600}-\\u{605}\\u{6DD}\\u{70F}\\u{8E2}\\u{110BD}\\u{110CD}]]'
const EXTEND = '[\\p{Grapheme_Extend}\\p{Emoji_Modifier}\\u{200D}\\p{Mc}]'
const HANGUL_L = '[\\u{1100}-\\u{115F}\\u{A960}-\\u{A97C}]'
const HANGUL_V = '[\\u{1160}-\\u{11A7}\\u{D7B0}-\\u{D7C6}]'
const HANGUL_T = '[\\u{11A8}-\\u{11FF}\\u{D7CB}-\\u{D7FB}]'
const HANGUL = `${HANGUL_L}*(?:${HANGUL_V}+|[\\u{AC00}-\\u{D7A3}]${HANGUL_V}*)${HANGUL_T}*|${HANGUL_L}+|${HANGUL_T}+`
const PICT = '\\p{Extended_Pictographic}'
/** `\\X`: an extended grapheme cluster (UAX #29, as far as JavaScript's properties reach). */
export const GRAPHEME = `(?:\\r\\n|${CONTROL}|[\\r\\n]|(?:\\p{RI}\\p{RI}|${HANGUL}|${PICT}(?:${EXTEND}*\\u{200D}${PICT})*|${negatedClass(`[\\r\\n${CONTROL}]`)})${EXTEND}*)`

const TERM = '\\n\\r\\u{85}\\u{2028}\\u{2029}'
const LINEBREAK = `(?:\\r\\n|[${TERM}\\u{B}\\f])`
const WORD = '[\\p{L}\\p{Nd}_]'
const BASE = '[\\p{L}\\p{Nd}]'

/** Java's \b: a word character, or a non-spacing mark that follows a letter or digit. */
function boundary(unicodeWord: boolean, negate: boolean): string {
  const w = unicodeWord ? UNICODE_WORD : WORD
  const left = `${w}|${BASE}\\p{Mn}+`
  const right = `(?:${w}|(?<=${BASE}\\p{Mn}*)\\p{Mn})`
  return negate
    ? `(?:(?<=${left})(?=${right})|(?<!${left})(?!${right}))`
    : `(?:(?<=${left})(?!${right})|(?<!${left})(?=${right}))`
}

/** JavaScript source for one Java zero-width assertion. */
export function assertionSource(which: AssertKind, unicodeWord: boolean): string {
  switch (which) {
    case 'begin':
    case 'last-match':
      return '^'
    case 'end':
      return '$'
    case 'dollar':
      return `(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u{85}\\u{2028}\\u{2029}])?$)`
    case 'dollar-m':
      return `(?=$|(?<!\\r)\\n|[\\r\\u{85}\\u{2028}\\u{2029}])`
    case 'unix-dollar':
      return '(?=\\n?$)'
    case 'unix-dollar-m':
      return '(?=$|\\n)'
    case 'caret-m':
      return `(?!$)(?:^|(?<=[\\n\\u{85}\\u{2028}\\u{2029}])|(?<=\\r)(?!\\n))`
    case 'unix-caret-m':
      return '(?!$)(?:^|(?<=\\n))'
    case 'bound':
      return boundary(unicodeWord, false)
    case 'not-bound':
      return boundary(unicodeWord, true)
  }
}

function quantifier(min: number, max: number, lazy: boolean): string {
  let q: string
  if (min === 0 && max === Infinity) q = '*'
  else if (min === 1 && max === Infinity) q = '+'
  else if (min === 0 && max === 1) q = '?'
  else if (max === Infinity) q = `{${min},}`
  else if (min === max) q = `{${min}}`
  else q = `{${min},${max}}`
  return lazy ? `${q}?` : q
}

/** Writes the JavaScript source of a tree into one string, left to right. */
class Emitter {
  jsGroups = 0
  /** A back-reference was emitted (it needs the group map of a first pass). */
  sawBackref = false
  readonly groupMap: number[] = []
  /** The source written so far. */
  out = ''
  constructor(
    private readonly knownMap: number[] | null,
    private readonly groupCount: number,
  ) {}

  fail(message: string, span: Span, hint: string): never {
    throw new RegexTranslateError(message, span, hint)
  }

  /**
   * `(?=(X))(?:\N)`: JavaScript look-aheads are never backtracked into, which is exactly an
   * atomic group. The back-reference is wrapped so that a digit written after the group (`x++1`)
   * does not extend its number (`\11`).
   */
  private atomic(body: RegexNode | null): void {
    // The wrapper's `(` opens before any group inside, so it takes the next number first.
    const n = ++this.jsGroups
    this.out += '(?=('
    if (body) this.emit(body)
    else this.out += GRAPHEME
    this.out += `))(?:\\${n})`
  }

  emit(node: RegexNode): void {
    switch (node.kind) {
      case 'seq': {
        const items = node.items
        for (let i = 0; i < items.length; i++) this.emit(items[i] as RegexNode)
        return
      }
      case 'alt':
        this.out += '(?:'
        this.emitBranches(node.branches)
        this.out += ')'
        return
      case 'char':
        this.out += this.emitChar(node.cp, node.fold)
        return
      case 'set':
        this.out += emitClass(node.expr)
        return
      case 'group': {
        if (node.index === null) {
          this.out += '(?:'
        } else {
          this.groupMap[node.index] = ++this.jsGroups
          this.out += '('
        }
        // The group's own parentheses already delimit an alternation inside it.
        if (node.body.kind === 'alt') this.emitBranches(node.body.branches)
        else this.emit(node.body)
        this.out += ')'
        return
      }
      case 'look':
        return this.emitLook(node)
      case 'atomic':
        return this.atomic(node.body)
      case 'repeat': {
        const q = quantifier(
          node.min,
          node.max === MAX_REPS ? Infinity : node.max,
          node.mode === 'lazy',
        )
        if (node.mode === 'possessive') {
          const n = ++this.jsGroups
          this.out += '(?=((?:'
          this.emit(node.body)
          this.out += `)${q}))(?:\\${n})`
          return
        }
        // A character, a class or a group is a single atom: the quantifier needs no `(?:…)`.
        const k = node.body.kind
        if (k === 'char' || k === 'set' || k === 'group') {
          this.emit(node.body)
          this.out += q
          return
        }
        this.out += '(?:'
        this.emit(node.body)
        this.out += `)${q}`
        return
      }
      case 'assert':
        this.out += assertionSource(node.which, node.unicodeWord)
        return
      case 'backref': {
        this.sawBackref = true
        if (node.index > this.groupCount) {
          this.out += '(?!)'
          return
        }
        const js = this.knownMap?.[node.index]
        this.out += js === undefined ? '(?!)' : `(?:\\${js})`
        return
      }
      case 'linebreak':
        this.out += LINEBREAK
        return
      case 'unsupported':
        if (node.what.startsWith('\\X')) return this.atomic(null)
        // Display only: findInexact sends these patterns to the interpreter.
        if (node.what.startsWith('\\b{g}')) {
          this.out += '(?:)'
          return
        }
        return this.fail(`${node.what} cannot be reproduced in JavaScript`, node.span, node.hint)
    }
  }

  private emitBranches(branches: RegexNode[]): void {
    for (let i = 0; i < branches.length; i++) {
      if (i > 0) this.out += '|'
      this.emit(branches[i] as RegexNode)
    }
  }

  private emitChar(cp: number, fold: 'none' | 'ascii' | 'unicode'): string {
    if (fold === 'ascii' && cp < 0x80 && isAsciiLetter(cp))
      return `[${String.fromCharCode(asciiUpper(cp))}${String.fromCharCode(asciiLower(cp))}]`
    if (fold === 'unicode') {
      const eq = unicodeEquivalents(unicodeFold(cp))
      if (eq.length > 1) return emitClass({ k: 'ranges', r: eq.map((c) => [c, c]) })
      return litOutside(eq[0] ?? cp)
    }
    return litOutside(cp)
  }

  private emitLook(node: Extract<RegexNode, { kind: 'look' }>): void {
    if (!node.behind) {
      this.out += node.negate ? '(?!' : '(?='
      this.emit(node.body)
      this.out += ')'
      return
    }
    // Java's Behind scans start positions from i - maxLength, where maxLength is an int that
    // may have overflowed: then nothing matches while i < K, or the scan window is short.
    const info = studyLookbehind(node.body)
    let guard = ''
    if (info.max >= 0) {
      // A short window (see findInexact) is left to the interpreter.
    } else {
      const k = 2 ** 31 + info.max
      if (k >= 2 ** 30) {
        // The body is still numbered (its groups keep their places) but not written.
        const before = this.out
        this.emit(node.body)
        this.out = before + (node.negate ? '(?:)' : '(?!)')
        return
      }
      if (k > 0) guard = `[\\s\\S]{${k}}`
    }
    if (!guard) this.out += node.negate ? '(?<!' : '(?<='
    else this.out += node.negate ? `(?:(?<!${guard})|(?<!` : `(?<=${guard})(?<=`
    this.emit(node.body)
    this.out += guard && node.negate ? '))' : ')'
  }
}

/** Translates a parsed Java pattern; throws RegexTranslateError for what cannot be exact. */
export function translateTree(root: RegexNode, groupCount: number): Translation {
  const first = new Emitter(null, groupCount)
  first.emit(root)
  if (!first.sawBackref)
    return { source: first.out, flags: 'v', groupMap: first.groupMap, groupCount }
  const second = new Emitter(first.groupMap, groupCount)
  second.emit(root)
  return { source: second.out, flags: 'v', groupMap: second.groupMap, groupCount }
}

/**
 * A light reading of a selection pattern's text for the lint rules: where the unescaped dots,
 * character classes and literal letters are, and an example message built from the pattern.
 * Every claim a rule makes from this reading is checked with the Java matcher before it is
 * reported, so this reading may be approximate but never decides a finding on its own.
 */
import { matchSelectionPattern } from '../regex'

/** Whether Java's `Matcher.matches()` accepts the whole message (invalid patterns never do). */
export function matchesWhole(pattern: string, message: string): boolean {
  return matchSelectionPattern(pattern, message).outcome === 'matched'
}

/** Whether Java accepts the pattern at all (`Pattern.compile`). */
export function isValidPattern(pattern: string): boolean {
  const outcome = matchSelectionPattern(pattern, '').outcome
  return outcome === 'matched' || outcome === 'not-matched'
}

/** One piece of the pattern text, outside `\Q…\E` quoting. */
export type Piece =
  | { kind: 'escape'; start: number; end: number; letter: string }
  | { kind: 'class'; start: number; end: number; body: string }
  | { kind: 'char'; start: number; end: number; ch: string }
  | { kind: 'quoted'; start: number; end: number; text: string }

/** End (exclusive) of the character class opening at `start`, following nested classes. */
function classEnd(p: string, start: number): number {
  let depth = 0
  let i = start
  while (i < p.length) {
    const c = p[i]
    if (c === '\\') i += 2
    else if (c === '[') {
      depth++
      i++
      if (p[i] === '^') i++
      // Java takes a `]` right after `[` or `[^` as a literal.
      if (p[i] === ']') i++
    } else if (c === ']') {
      depth--
      i++
      if (depth === 0) return i
    } else i++
  }
  return p.length
}

/** Splits the pattern into escapes, classes, quoted runs and single characters. */
export function readPieces(p: string): Piece[] {
  const out: Piece[] = []
  let i = 0
  while (i < p.length) {
    const c = p[i] as string
    if (c === '\\' && p[i + 1] === 'Q') {
      const close = p.indexOf('\\E', i + 2)
      const end = close < 0 ? p.length : close + 2
      out.push({
        kind: 'quoted',
        start: i,
        end,
        text: p.slice(i + 2, close < 0 ? p.length : close),
      })
      i = end
    } else if (c === '\\') {
      out.push({ kind: 'escape', start: i, end: Math.min(p.length, i + 2), letter: p[i + 1] ?? '' })
      i += 2
    } else if (c === '[') {
      const end = classEnd(p, i)
      out.push({ kind: 'class', start: i, end, body: p.slice(i + 1, end - 1) })
      i = end
    } else {
      out.push({ kind: 'char', start: i, end: i + 1, ch: c })
      i++
    }
  }
  return out
}

/** Whether the pattern turns on DOTALL (`(?s)`, `(?is)`, …) anywhere. */
export const hasDotAll = (p: string) => /\(\?[a-zA-Z]*s[a-zA-Z-]*[:)]/.test(p)

/** Whether the pattern starts with an inline flag group such as `(?i)` or `(?s)`. */
const LEADING_FLAGS = /^\(\?[a-zA-Z]+\)/

/** Adds an inline flag to the front of a pattern (merging with flags already there). */
export function withFlag(p: string, flag: 's' | 'i'): string {
  const m = LEADING_FLAGS.exec(p)
  if (m && m[0].includes(flag)) return p
  if (m) return `(?${m[0].slice(2, -1)}${flag})${p.slice(m[0].length)}`
  return `(?${flag})${p}`
}

/** Example text for one escape outside a class. */
function escapeSample(letter: string): string {
  switch (letter) {
    case 'd':
      return '4'
    case 'w':
      return 'a'
    case 's':
    case 'h':
      return ' '
    case 'D':
    case 'S':
    case 'W':
      return 'x'
    case 'n':
    case 'R':
    case 'v':
      return '\n'
    case 't':
      return '\t'
    case 'p':
    case 'P':
      return 'a'
    default:
      return /[a-zA-Z0-9]/.test(letter) ? '' : letter
  }
}

/** A character the class body admits (first member), or `x` for a negated class. */
function classSample(body: string): string {
  if (body.startsWith('^')) return body.includes('x') ? '#' : 'x'
  if (body.startsWith('\\')) return escapeSample(body[1] ?? '') || 'a'
  return body[0] ?? 'x'
}

const charAt = (pieces: Piece[], i: number) => {
  const q = pieces[i]
  return q?.kind === 'char' ? q.ch : ''
}

/**
 * After a `(` (pieces[at] is what follows it): what kind of group this is and where its body
 * starts. `flags` is a bare `(?i)`, which has no body (bodyAt is past its `)`).
 */
function groupMarker(
  pieces: Piece[],
  at: number,
): { kind: 'plain' | 'look' | 'flags'; bodyAt: number } {
  if (charAt(pieces, at) !== '?') return { kind: 'plain', bodyAt: at }
  const a = charAt(pieces, at + 1)
  if (a === ':' || a === '>') return { kind: 'plain', bodyAt: at + 2 }
  if (a === '=' || a === '!') return { kind: 'look', bodyAt: at + 2 }
  if (a === '<') {
    const b = charAt(pieces, at + 2)
    if (b === '=' || b === '!') return { kind: 'look', bodyAt: at + 3 }
    let i = at + 2
    while (i < pieces.length && charAt(pieces, i) !== '>') i++
    return { kind: 'plain', bodyAt: i + 1 }
  }
  let i = at + 1
  while (i < pieces.length && /^[a-zA-Z-]$/.test(charAt(pieces, i))) i++
  if (charAt(pieces, i) === ')') return { kind: 'flags', bodyAt: i + 1 }
  return { kind: 'plain', bodyAt: i + 1 }
}

/**
 * Builds one message the pattern is meant to match, from its text: literal characters kept,
 * classes and escapes replaced by a member, optional parts dropped, the first alternative taken,
 * `.*` and `.+` replaced by `filler`. Returns undefined unless Java agrees the pattern matches it.
 */
export function sampleMessage(pattern: string, filler = ''): string | undefined {
  try {
    const pieces = readPieces(pattern)
    let at = 0
    const group = (): string => {
      const atoms: string[] = []
      while (at < pieces.length) {
        const piece = pieces[at] as Piece
        if (piece.kind === 'char' && piece.ch === ')') break
        if (piece.kind === 'char' && piece.ch === '|') {
          // Keep the first alternative: skip to the end of this group.
          let depth = 0
          while (at < pieces.length) {
            const q = pieces[at] as Piece
            if (q.kind === 'char' && q.ch === '(') depth++
            if (q.kind === 'char' && q.ch === ')') {
              if (depth === 0) break
              depth--
            }
            at++
          }
          break
        }
        at++
        let text: string
        if (piece.kind === 'quoted') text = piece.text
        else if (piece.kind === 'escape') text = escapeSample(piece.letter)
        else if (piece.kind === 'class') text = classSample(piece.body)
        else if (piece.ch === '(') {
          const marker = groupMarker(pieces, at)
          at = marker.bodyAt
          if (marker.kind === 'flags') continue
          const inner = group()
          at++ // the `)`
          text = marker.kind === 'look' ? '' : inner
        } else if (piece.ch === '.') text = 'x'
        else if (piece.ch === '^' || piece.ch === '$') text = ''
        else text = piece.ch
        // Quantifier?
        const q = pieces[at]
        if (q?.kind === 'char' && (q.ch === '*' || q.ch === '+' || q.ch === '?' || q.ch === '{')) {
          let min = q.ch === '+' ? 1 : 0
          at++
          if (q.ch === '{') {
            let spec = ''
            while (at < pieces.length) {
              const r = pieces[at] as Piece
              at++
              if (r.kind === 'char' && r.ch === '}') break
              spec += r.kind === 'char' ? r.ch : ''
            }
            min = Number.parseInt(spec, 10) || 0
          }
          const lazyOrPossessive = pieces[at]
          if (
            lazyOrPossessive?.kind === 'char' &&
            (lazyOrPossessive.ch === '?' || lazyOrPossessive.ch === '+')
          )
            at++
          const dotStar =
            piece.kind === 'char' && piece.ch === '.' && (q.ch === '*' || q.ch === '+')
          text = dotStar ? filler || text.repeat(min) : text.repeat(Math.min(min, 8))
        }
        atoms.push(text)
      }
      return atoms.join('')
    }
    const text = group()
    return matchesWhole(pattern, text) ? text : undefined
  } catch {
    return undefined
  }
}

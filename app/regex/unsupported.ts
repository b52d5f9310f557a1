/**
 * Where a JavaScript RegExp would behave differently from Java. Such patterns are matched by
 * the Java-semantics interpreter (interp.ts) instead; `findHardUnsupported` lists what neither
 * can reproduce.
 */
import type { RegexNode } from './ast'
import { RegexTranslateError } from './errors'
import { studyLookbehind, trueMaxLength } from './study'
import type { Span } from '../model'

/** Why the plain translation is not exact (shown as an info diagnostic). */
export type Inexact = { reason: string; span: Span }

/** The first inexact construct met by the current walk (see `walk`). */
let found: Inexact | null = null
/** Capturing groups counted by the current walk so far. */
let captures = 0

/**
 * Walks `n` once, children first: returns its shortest match length, counts its capturing
 * groups into `captures`, throws for what neither the translation nor the interpreter reproduces,
 * and records in `found` the first construct (in pattern order) whose translation is not exact. A
 * node comes before its children in pattern order, so its own reason replaces one they recorded.
 */
function walk(n: RegexNode, inBehind: boolean): number {
  switch (n.kind) {
    case 'char':
    case 'set':
    case 'linebreak':
      return 1
    case 'assert':
      return 0
    case 'unsupported':
      if (!n.what.startsWith('\\X') && !n.what.startsWith('\\b{g}'))
        throw new RegexTranslateError(`${n.what} cannot be reproduced here`, n.span, n.hint)
      found ??= { reason: `${n.what} has no JavaScript equivalent`, span: n.span }
      return 1
    case 'backref':
      found ??= {
        reason: 'back-references to groups that did not take part fail in Java',
        span: n.span,
      }
      return 0
    case 'seq': {
      let sum = 0
      const items = n.items
      for (let i = 0; i < items.length; i++) sum += walk(items[i] as RegexNode, inBehind)
      return sum
    }
    case 'alt': {
      let min = Infinity
      const branches = n.branches
      for (let i = 0; i < branches.length; i++)
        min = Math.min(min, walk(branches[i] as RegexNode, inBehind))
      return min
    }
    case 'group':
      if (n.index !== null) captures++
      return walk(n.body, inBehind)
    case 'atomic': {
      const before = found
      const min = walk(n.body, inBehind)
      if (before === null && inBehind)
        found = { reason: 'atomic group inside a look-behind', span: n.span }
      return min
    }
    case 'look': {
      const before = found
      const capturesBefore = captures
      walk(n.body, inBehind || n.behind)
      if (before === null && n.behind) {
        const reason = lookbehindReason(n.body, captures > capturesBefore)
        if (reason !== null) found = { reason, span: n.span }
      }
      return 0
    }
    case 'repeat': {
      const before = found
      const capturesBefore = captures
      const bodyMin = walk(n.body, inBehind)
      if (before === null) {
        const reason = repeatReason(n, bodyMin, captures - capturesBefore, inBehind)
        if (reason !== null) found = { reason, span: n.span }
      }
      return n.min * bodyMin
    }
  }
}

/** Why a repetition would make the JavaScript translation inexact, given its body's walk. */
function repeatReason(
  n: Extract<RegexNode, { kind: 'repeat' }>,
  bodyMin: number,
  bodyCaptures: number,
  inBehind: boolean,
): string | null {
  const body = n.body
  if (body.kind === 'linebreak')
    return 'a quantified \\R never gives back part of a line break in Java'
  // JavaScript rejects an iteration that matched nothing; Java keeps it (and its captures).
  if (body.kind === 'group' && bodyMin === 0)
    return 'Java keeps a zero-length repetition and its captures'
  // Backtracking out of a repetition, Java restores only the group being repeated (a
  // capturing group quantified directly, not possessively): any other capture inside keeps
  // its value, from an earlier repetition or one given up (`(?:(-))*?|..` on "-a": "-").
  const own = body.kind === 'group' && body.index !== null && n.mode !== 'possessive' ? 1 : 0
  if (n.max > 1 && bodyCaptures > own)
    return 'Java keeps captures from repetitions it backtracked out of'
  if (inBehind && n.mode === 'possessive') return 'possessive quantifier inside a look-behind'
  return null
}

/** Why a look-behind would make the JavaScript translation inexact. */
function lookbehindReason(body: RegexNode, hasCapture: boolean): string | null {
  const info = studyLookbehind(body)
  if (info.max < 0 || (info.max < 2 ** 30 && trueMaxLength(body) > info.max))
    return "Java's look-behind length counter overflows here"
  if (info.min !== info.max && hasCapture)
    return 'a capturing group inside a variable-length look-behind'
  return null
}

/**
 * The first construct (in pattern order) whose JavaScript translation would not be exact; throws
 * RegexTranslateError for constructs that neither the translation nor the interpreter reproduce.
 */
export function findInexact(root: RegexNode): Inexact | null {
  found = null
  captures = 0
  try {
    walk(root, false)
    return found
  } finally {
    found = null
  }
}

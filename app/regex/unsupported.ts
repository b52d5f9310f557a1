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

/** The single child of a wrapping node, or null. */
function bodyOf(node: RegexNode): RegexNode | null {
  switch (node.kind) {
    case 'group':
    case 'atomic':
    case 'repeat':
    case 'look':
      return node.body
    default:
      return null
  }
}

/** The children of a sequence or alternation, or null for every other node (no allocation). */
function listOf(node: RegexNode): RegexNode[] | null {
  return node.kind === 'seq' ? node.items : node.kind === 'alt' ? node.branches : null
}

/** The shortest length the node can match (Infinity-safe, real arithmetic). */
export function minLength(node: RegexNode): number {
  switch (node.kind) {
    case 'char':
    case 'set':
    case 'linebreak':
    case 'unsupported':
      return 1
    case 'seq': {
      let sum = 0
      for (const n of node.items) sum += minLength(n)
      return sum
    }
    case 'alt': {
      let min = Infinity
      for (const n of node.branches) min = Math.min(min, minLength(n))
      return min
    }
    case 'group':
    case 'atomic':
      return minLength(node.body)
    case 'repeat':
      return node.min * minLength(node.body)
    default:
      return 0
  }
}

/** Whether `node` holds a capturing group other than `except`. */
function hasCaptureOtherThan(node: RegexNode, except: number | null): boolean {
  if (node.kind === 'group' && node.index !== null && node.index !== except) return true
  const body = bodyOf(node)
  if (body) return hasCaptureOtherThan(body, except)
  const list = listOf(node)
  if (list === null) return false
  for (let i = 0; i < list.length; i++)
    if (hasCaptureOtherThan(list[i] as RegexNode, except)) return true
  return false
}

/** Why `n` itself (not its children) would make the JavaScript translation inexact. */
function inexactHere(n: RegexNode, inBehind: boolean): string | null {
  switch (n.kind) {
    case 'unsupported':
      return `${n.what} has no JavaScript equivalent`
    case 'backref':
      return 'back-references to groups that did not take part fail in Java'
    case 'repeat': {
      if (n.body.kind === 'linebreak')
        return 'a quantified \\R never gives back part of a line break in Java'
      // JavaScript rejects an iteration that matched nothing; Java keeps it (and its captures).
      if (n.body.kind === 'group' && minLength(n.body) === 0)
        return 'Java keeps a zero-length repetition and its captures'
      // Backtracking out of a repetition, Java restores only the group being repeated (a
      // capturing group quantified directly, not possessively): any other capture inside keeps
      // its value, from an earlier repetition or one given up (`(?:(-))*?|..` on "-a": "-").
      const own =
        n.body.kind === 'group' && n.body.index !== null && n.mode !== 'possessive'
          ? n.body.index
          : null
      if (n.max > 1 && hasCaptureOtherThan(n.body, own))
        return 'Java keeps captures from repetitions it backtracked out of'
      if (inBehind && n.mode === 'possessive') return 'possessive quantifier inside a look-behind'
      return null
    }
    case 'atomic':
      return inBehind ? 'atomic group inside a look-behind' : null
    case 'look': {
      if (!n.behind) return null
      const info = studyLookbehind(n.body)
      if (info.max < 0 || (info.max < 2 ** 30 && trueMaxLength(n.body) > info.max))
        return "Java's look-behind length counter overflows here"
      if (info.min !== info.max && hasCaptureOtherThan(n.body, null))
        return 'a capturing group inside a variable-length look-behind'
      return null
    }
    default:
      return null
  }
}

/**
 * Walks the tree once: throws for what neither the translation nor the interpreter reproduces,
 * and returns the first construct (in pattern order) whose translation would not be exact.
 */
function inspect(n: RegexNode, inBehind: boolean, found: Inexact | null): Inexact | null {
  if (n.kind === 'unsupported' && !n.what.startsWith('\\X') && !n.what.startsWith('\\b{g}'))
    throw new RegexTranslateError(`${n.what} cannot be reproduced here`, n.span, n.hint)
  // Characters, classes and assertions (most nodes) are exact and have no children.
  if (n.kind === 'char' || n.kind === 'set' || n.kind === 'assert') return found
  if (found === null) {
    const reason = inexactHere(n, inBehind)
    if (reason !== null) found = { reason, span: n.span }
  }
  const body = bodyOf(n)
  const behind = inBehind || (n.kind === 'look' && n.behind)
  if (body) return inspect(body, behind, found)
  const list = listOf(n)
  if (list !== null)
    for (let i = 0; i < list.length; i++) found = inspect(list[i] as RegexNode, behind, found)
  return found
}

/**
 * The first construct (in pattern order) whose JavaScript translation would not be exact; throws
 * RegexTranslateError for constructs that neither the translation nor the interpreter reproduce.
 */
export function findInexact(root: RegexNode): Inexact | null {
  return inspect(root, false, null)
}

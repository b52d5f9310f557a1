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

function children(node: RegexNode): RegexNode[] {
  switch (node.kind) {
    case 'seq':
      return node.items
    case 'alt':
      return node.branches
    case 'group':
    case 'atomic':
    case 'repeat':
    case 'look':
      return [node.body]
    default:
      return []
  }
}

function some(node: RegexNode, pred: (n: RegexNode) => boolean): boolean {
  return pred(node) || children(node).some((c) => some(c, pred))
}

/** The shortest length the node can match (Infinity-safe, real arithmetic). */
export function minLength(node: RegexNode): number {
  switch (node.kind) {
    case 'char':
    case 'set':
    case 'linebreak':
    case 'unsupported':
      return 1
    case 'seq':
      return node.items.reduce((a, n) => a + minLength(n), 0)
    case 'alt':
      return Math.min(...node.branches.map(minLength))
    case 'group':
    case 'atomic':
      return minLength(node.body)
    case 'repeat':
      return node.min * minLength(node.body)
    default:
      return 0
  }
}

function captureIndexes(node: RegexNode): number[] {
  const out: number[] = []
  some(node, (n) => {
    if (n.kind === 'group' && n.index !== null) out.push(n.index)
    return false
  })
  return out
}

/** The first construct whose JavaScript translation would not be exact, if any. */
export function findInexact(root: RegexNode): Inexact | null {
  let found: Inexact | null = null
  const visit = (n: RegexNode, inBehind: boolean): void => {
    if (found) return
    const flag = (reason: string) => {
      found = { reason, span: n.span }
    }
    if (n.kind === 'unsupported') return flag(`${n.what} has no JavaScript equivalent`)
    if (n.kind === 'backref')
      return flag('back-references to groups that did not take part fail in Java')
    if (n.kind === 'repeat') {
      const multi = n.max > 1
      if (n.body.kind === 'linebreak')
        return flag('a quantified \\R never gives back part of a line break in Java')
      // JavaScript rejects an iteration that matched nothing; Java keeps it (and its captures).
      if (n.body.kind === 'group' && minLength(n.body) === 0)
        return flag('Java keeps a zero-length repetition and its captures')
      // Backtracking out of a repetition, Java restores only the group being repeated (a
      // capturing group quantified directly, not possessively): any other capture inside keeps
      // its value, from an earlier repetition or one given up (`(?:(-))*?|..` on "-a": "-").
      const own = n.body.kind === 'group' && n.body.index !== null ? n.body.index : null
      const captures = captureIndexes(n.body)
      if (multi && captures.some((g) => g !== own || n.mode === 'possessive'))
        return flag('Java keeps captures from repetitions it backtracked out of')
      if (inBehind && n.mode === 'possessive')
        return flag('possessive quantifier inside a look-behind')
    }
    if (n.kind === 'atomic' && inBehind) return flag('atomic group inside a look-behind')
    if (n.kind === 'look' && n.behind) {
      const info = studyLookbehind(n.body)
      if (info.max < 0 || (info.max < 2 ** 30 && trueMaxLength(n.body) > info.max))
        return flag("Java's look-behind length counter overflows here")
      if (info.min !== info.max && captureIndexes(n.body).length > 0)
        return flag('a capturing group inside a variable-length look-behind')
    }
    for (const c of children(n)) visit(c, inBehind || (n.kind === 'look' && n.behind))
  }
  visit(root, false)
  return found
}

/** Throws for constructs that neither the translation nor the interpreter reproduce. */
export function checkHardUnsupported(root: RegexNode): void {
  some(root, (n) => {
    if (n.kind === 'unsupported' && !n.what.startsWith('\\X') && !n.what.startsWith('\\b{g}'))
      throw new RegexTranslateError(`${n.what} cannot be reproduced here`, n.span, n.hint)
    return false
  })
}

/**
 * A warning heuristic for runaway patterns: a repeated group that itself contains an unbounded
 * quantifier, as in `(a+)+` or `(\w*\s?)*`, can take exponential time on a near-miss.
 */
import type { RegexNode } from './ast'
import { JavaPatternParser } from './parser'

function hasUnboundedInside(node: RegexNode): boolean {
  switch (node.kind) {
    case 'repeat':
      return (node.max === Infinity && node.mode !== 'possessive') || hasUnboundedInside(node.body)
    case 'seq':
      return node.items.some(hasUnboundedInside)
    case 'alt':
      return node.branches.some(hasUnboundedInside)
    case 'group':
      return hasUnboundedInside(node.body)
    default:
      return false
  }
}

function nested(node: RegexNode): boolean {
  switch (node.kind) {
    case 'repeat':
      if (node.max > 1 && node.mode !== 'possessive' && hasUnboundedInside(node.body)) return true
      return nested(node.body)
    case 'seq':
      return node.items.some(nested)
    case 'alt':
      return node.branches.some(nested)
    case 'group':
    case 'look':
      return nested(node.body)
    default:
      return false
  }
}

/** Does the pattern nest quantifiers in a way that can backtrack for a very long time? */
export function mayBacktrackCatastrophically(pattern: string): boolean {
  try {
    return nested(new JavaPatternParser(pattern).parse().root)
  } catch {
    return false
  }
}

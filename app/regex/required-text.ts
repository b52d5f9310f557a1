/** The literal text every match of a pattern must contain: a quick "cannot match" test. */
import type { RegexNode } from './ast'
import type { Compiled } from './compile'

/**
 * The longest run of case-sensitive literal characters that every match of `root` consumes in one
 * piece ('' when there is none): the `[418]` of `.*\[418\].*`. A group is matched exactly once,
 * so its body joins its neighbours; anything else (a class, a repetition, an alternation, a
 * look-around, an assertion, a case-folded character) ends a run.
 */
export function findRequiredText(root: RegexNode): string {
  let best = ''
  let run = ''
  const walk = (node: RegexNode): void => {
    if (node.kind === 'char' && node.fold === 'none') {
      run += String.fromCodePoint(node.cp)
      return
    }
    if (node.kind === 'seq') {
      for (const item of node.items) walk(item)
      return
    }
    if (node.kind === 'group') return walk(node.body)
    if (run.length > best.length) best = run
    run = ''
  }
  walk(root)
  return run.length > best.length ? run : best
}

/** `findRequiredText` of a compiled pattern, worked out once and kept on it. */
export function readRequiredText(c: Extract<Compiled, { kind: 'ok' }>): string {
  return (c.required ??= findRequiredText(c.parsed.root))
}

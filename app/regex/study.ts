/**
 * Java's TreeInfo "study" of minimum/maximum match length, in 32-bit arithmetic, used for
 * look-behinds: Java rejects a body whose maximum is not "obvious", and its Behind node scans
 * start positions from `i - maxLength`, so an overflowed maximum changes what matches.
 */
import type { RegexNode } from './ast'

/** Java's MAX_REPS: the maximum of `*`, `+` and `{n,}`. */
export const MAX_REPS = 0x7fffffff

/** Accumulated lengths as Java's TreeInfo holds them. */
export type TreeInfo = { min: number; max: number; maxValid: boolean; det: boolean }

const i32 = (n: number) => n | 0
const mul = (a: number, b: number) => Math.imul(a, b)
const fresh = (): TreeInfo => ({ min: 0, max: 0, maxValid: true, det: true })

const isCharNode = (n: RegexNode) => n.kind === 'char' || n.kind === 'set'

/** Java's Curly/GroupCurly arithmetic for `{cmin,cmax}` around a studied atom. */
function curly(info: TreeInfo, atom: TreeInfo, cmin: number, cmax: number): void {
  const minL = info.min
  const maxL = info.max
  let temp = i32(mul(atom.min, cmin) + minL)
  if (temp < minL) temp = 0xfffffff
  info.min = temp
  if (info.maxValid && atom.maxValid) {
    temp = i32(mul(atom.max, cmax) + maxL)
    info.max = temp
    if (temp < maxL) info.maxValid = false
  } else info.maxValid = false
  info.det = atom.det && cmin === cmax ? info.det : false
}

type Next = (info: TreeInfo) => void
const END: Next = () => {}

function reset(info: TreeInfo): void {
  info.min = 0
  info.max = 0
  info.maxValid = true
  info.det = true
}

/**
 * Java's study() walks the node chain: `next` studies what follows. A Branch studies its
 * alternatives and then the rest from a reset TreeInfo; a Loop does not study the rest at all.
 */
function st(node: RegexNode, info: TreeInfo, next: Next): void {
  switch (node.kind) {
    case 'char':
    case 'set':
      info.min = i32(info.min + 1)
      info.max = i32(info.max + 1)
      return next(info)
    case 'linebreak':
      info.min = i32(info.min + 1)
      info.max = i32(info.max + 2)
      return next(info)
    case 'unsupported':
      info.min = i32(info.min + 1)
      info.det = false
      return next(info)
    case 'backref':
      info.maxValid = false
      return next(info)
    case 'look':
    case 'assert':
      return next(info)
    case 'seq':
      return stSeq(node.items, 0, info, next)
    case 'group':
    case 'atomic':
      return st(node.body, info, next)
    case 'alt':
      return branch(node.branches, info, next)
    case 'repeat':
      return stRepeat(node, info, next)
  }
}

function stSeq(items: RegexNode[], n: number, info: TreeInfo, next: Next): void {
  const item = items[n]
  if (!item) return next(info)
  st(item, info, (x) => stSeq(items, n + 1, x, next))
}

function branch(alts: (RegexNode | null)[], info: TreeInfo, next: Next): void {
  let minL = info.min
  let maxL = info.max
  let maxV = info.maxValid
  let minL2 = 0x7fffffff
  let maxL2 = -1
  for (const a of alts) {
    reset(info)
    if (a) st(a, info, END)
    minL2 = Math.min(minL2, info.min)
    maxL2 = Math.max(maxL2, info.max)
    maxV = maxV && info.maxValid
  }
  minL = i32(minL + minL2)
  maxL = i32(maxL + maxL2)
  reset(info)
  next(info)
  info.min = i32(info.min + minL)
  info.max = i32(info.max + maxL)
  info.maxValid = info.maxValid && maxV
  info.det = false
}

function stRepeat(node: Extract<RegexNode, { kind: 'repeat' }>, info: TreeInfo, next: Next): void {
  const isGroup = node.body.kind === 'group'
  const cmax = node.max === Infinity ? MAX_REPS : node.max
  if (node.min === 0 && node.max === 1) {
    if (isGroup && node.mode !== 'possessive') return branch([node.body, null], info, next)
    // Ques: the atom is studied on top of what came before, then its minimum is dropped.
    const minL = info.min
    st(node.body, info, END)
    info.min = minL
    info.det = false
    return next(info)
  }
  if (isCharNode(node.body) && node.max === Infinity && node.mode === 'greedy') {
    // CharPropertyGreedy adds MAX_REPS without an overflow check.
    info.min = i32(info.min + node.min)
    if (info.maxValid) info.max = i32(info.max + MAX_REPS)
    info.det = false
    return next(info)
  }
  const atom = fresh()
  st(node.body, atom, END)
  if (isGroup && node.mode !== 'possessive' && !atom.det) {
    // Prolog/Loop: no obvious maximum, and the rest of the chain is not studied.
    info.maxValid = false
    info.det = false
    return
  }
  curly(info, atom, node.min, cmax)
  next(info)
}

/** Adds `node` to `info` the way the node's Java counterpart's study() does. */
export function study(node: RegexNode, info: TreeInfo): void {
  st(node, info, END)
}

/** Studies a look-behind body from scratch: Java's rmin/rmax for Behind/NotBehind. */
export function studyLookbehind(body: RegexNode): TreeInfo {
  const info = fresh()
  study(body, info)
  return info
}

/** The real maximum length (no overflow, `Infinity` when unbounded). */
export function trueMaxLength(node: RegexNode): number {
  switch (node.kind) {
    case 'char':
    case 'set':
      return 1
    case 'linebreak':
      return 2
    case 'unsupported':
    case 'backref':
      return Infinity
    case 'look':
    case 'assert':
      return 0
    case 'seq':
      return node.items.reduce((a, n) => a + trueMaxLength(n), 0)
    case 'group':
    case 'atomic':
      return trueMaxLength(node.body)
    case 'alt':
      return Math.max(...node.branches.map(trueMaxLength))
    case 'repeat': {
      const m = trueMaxLength(node.body)
      return m === 0 ? 0 : node.max * m
    }
  }
}

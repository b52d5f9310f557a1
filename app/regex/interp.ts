/**
 * A backtracking matcher that follows java.util.regex's own node semantics, used when the
 * JavaScript translation would differ (back-references to unset groups, captures kept across
 * loop iterations, zero-length iterations, case-insensitive back-references, Java's look-behind
 * scan, quantified `\R`). Character predicates and assertions reuse the translated JS snippets.
 */
import type { ClassExpr, RegexNode } from './ast'
import { asciiLower, unicodeFold, javaUpper, javaLower } from './case-fold'
import { MAX_REPS, study, studyLookbehind } from './study'
import { assertionSource, emitClass, GRAPHEME } from './translate'
import type { Meter } from '../model'

type Cont = (i: number) => boolean

/** A compiled character class, with its answers for ASCII remembered (-1: not asked yet). */
type ClassTester = { re: RegExp; ascii: Int8Array }

const classCache = new WeakMap<ClassExpr, ClassTester>()
/** By JavaScript source, so that a pattern parsed again reuses its classes. */
const classBySource = new Map<string, ClassTester>()
const CLASS_SOURCES = 256
const assertCache = new Map<string, RegExp>()

function classTester(e: ClassExpr): ClassTester {
  let t = classCache.get(e)
  if (!t) {
    const source = emitClass(e)
    t = classBySource.get(source)
    if (!t) {
      if (classBySource.size >= CLASS_SOURCES) classBySource.clear()
      t = { re: new RegExp(`^${source}$`, 'v'), ascii: new Int8Array(0x80).fill(-1) }
      classBySource.set(source, t)
    }
    classCache.set(e, t)
  }
  return t
}

/** Whether code point `c` is in the class. */
function classHas(e: ClassExpr, c: number): boolean {
  const t = classTester(e)
  if (c >= 0x80) return t.re.test(String.fromCodePoint(c))
  let known = t.ascii[c] as number
  if (known < 0) {
    known = t.re.test(String.fromCharCode(c)) ? 1 : 0
    t.ascii[c] = known
  }
  return known === 1
}

function stickyFor(source: string): RegExp {
  let re = assertCache.get(source)
  if (!re) {
    re = new RegExp(source, 'vy')
    assertCache.set(source, re)
  }
  return re
}

const cpLen = (cp: number) => (cp > 0xffff ? 2 : 1)

/** Stops a runaway match past the meter's `regex-steps` limit (or the caller's smaller cap). */
export class StepLimitError extends Error {}

/** One match attempt over `s`; `caps[2n]`/`caps[2n+1]` are group n's bounds (-1 when unset). */
export class JavaMatcher {
  readonly caps: number[]
  /** Furthest offset any character-consuming node reached (for "stopped at offset N"). */
  reach = 0
  private steps = 0
  /** Charge each step to the meter's budgets (only under one: see Meter.interruptible). */
  private readonly budgeted: boolean
  private readonly stepLimit: number
  constructor(
    private readonly s: string,
    groupCount: number,
    /** Where `\\G` matches: the end of the previous find() (0 at first). */
    private readonly lastMatchEnd: number,
    /** Counts the steps (limit `regex-steps`) and charges them to its budgets. */
    private readonly meter: Meter,
    /** A smaller cap of the caller's own (e.g. an explanation's), not recorded as a limit hit. */
    cap = Infinity,
  ) {
    this.caps = new Array<number>(2 * (groupCount + 1)).fill(-1)
    this.budgeted = meter.interruptible
    this.stepLimit = Math.min(cap, meter.limits['regex-steps'])
  }

  private tick(): void {
    if (++this.steps > this.stepLimit) {
      if (this.steps > this.meter.limits['regex-steps'])
        this.meter.record('regex-steps', this.steps)
      throw new StepLimitError('step limit')
    }
    if (this.budgeted) this.meter.charge()
  }

  /** Matches `node` at `i`, then the continuation `k`. */
  m(node: RegexNode, i: number, k: Cont): boolean {
    this.tick()
    const s = this.s
    switch (node.kind) {
      case 'char': {
        if (i >= s.length) return false
        const c = s.codePointAt(i) as number
        if (c !== node.cp) {
          if (node.fold === 'none') return false
          if (node.fold === 'ascii' && asciiLower(c) !== asciiLower(node.cp)) return false
          if (node.fold === 'unicode' && unicodeFold(c) !== unicodeFold(node.cp)) return false
        }
        this.reach = Math.max(this.reach, i + cpLen(c))
        return k(i + cpLen(c))
      }
      case 'set': {
        if (i >= s.length) return false
        const c = s.codePointAt(i) as number
        if (!classHas(node.expr, c)) return false
        this.reach = Math.max(this.reach, i + cpLen(c))
        return k(i + cpLen(c))
      }
      case 'seq':
        return this.seq(node.items, 0, i, k)
      case 'alt':
        for (const b of node.branches) if (this.m(b, i, k)) return true
        return false
      case 'group':
        return node.index === null
          ? this.m(node.body, i, k)
          : this.capture(node.index, node.body, i, k)
      case 'look':
        return node.behind ? this.behind(node, i, k) : this.ahead(node.body, node.negate, i, k)
      case 'atomic': {
        let end = -1
        if (!this.m(node.body, i, (e) => ((end = e), true))) return false
        return k(end)
      }
      case 'repeat':
        return this.repeat(node, i, k)
      case 'assert': {
        if (node.which === 'last-match') return i === this.lastMatchEnd && k(i)
        const re = stickyFor(assertionSource(node.which, node.unicodeWord))
        re.lastIndex = i
        return re.test(s) && k(i)
      }
      case 'backref':
        return this.backref(node.index, node.fold, i, k)
      case 'linebreak': {
        const c = s.charCodeAt(i)
        if (i >= s.length) return false
        if (c === 0x0d) {
          if (s.charCodeAt(i + 1) === 0x0a && k(i + 2)) return true
          return k(i + 1)
        }
        if ((c >= 0x0a && c <= 0x0c) || c === 0x85 || c === 0x2028 || c === 0x2029) return k(i + 1)
        return false
      }
      case 'unsupported': {
        if (node.what.startsWith('\\X')) {
          const re = stickyFor(GRAPHEME)
          re.lastIndex = i
          if (i >= s.length || !re.test(s)) return false
          return k(re.lastIndex)
        }
        if (node.what.startsWith('\\b{g}')) return this.graphemeBoundary(i) && k(i)
        return false
      }
    }
  }

  private boundaries: Set<number> | null = null

  /** `\\b{g}`: a boundary between extended grapheme clusters (or either end of the input). */
  private graphemeBoundary(i: number): boolean {
    if (!this.boundaries) {
      const set = new Set<number>([0, this.s.length])
      const re = stickyFor(GRAPHEME)
      for (let at = 0; at < this.s.length;) {
        re.lastIndex = at
        at = re.test(this.s) && re.lastIndex > at ? re.lastIndex : at + 1
        set.add(at)
      }
      this.boundaries = set
    }
    return this.boundaries.has(i)
  }

  private seq(items: RegexNode[], n: number, i: number, k: Cont): boolean {
    const item = items[n]
    if (!item) return k(i)
    return this.m(item, i, (j) => this.seq(items, n + 1, j, k))
  }

  private capture(index: number, body: RegexNode, i: number, k: Cont): boolean {
    const caps = this.caps
    return this.m(body, i, (j) => {
      const os = caps[2 * index] as number
      const oe = caps[2 * index + 1] as number
      caps[2 * index] = i
      caps[2 * index + 1] = j
      if (k(j)) return true
      caps[2 * index] = os
      caps[2 * index + 1] = oe
      return false
    })
  }

  private ahead(body: RegexNode, negate: boolean, i: number, k: Cont): boolean {
    const saved = negate ? [...this.caps] : null
    const ok = this.m(body, i, () => true)
    if (saved) saved.forEach((v, n) => (this.caps[n] = v))
    return ok !== negate && k(i)
  }

  /** Java's Behind/NotBehind: tries starts from i - rmin down to i - rmax (int arithmetic). */
  private behind(node: Extract<RegexNode, { kind: 'look' }>, i: number, k: Cont): boolean {
    const info = studyLookbehind(node.body)
    const from = Math.max((i - info.max) | 0, 0)
    let matched = false
    const saved = node.negate ? [...this.caps] : null
    for (let j = i - info.min; !matched && j >= from; j--) {
      matched = this.m(node.body, j, (e) => e === i)
    }
    if (saved) saved.forEach((v, n) => (this.caps[n] = v))
    return matched !== node.negate && k(i)
  }

  private backref(index: number, fold: 'none' | 'ascii' | 'unicode', i: number, k: Cont): boolean {
    const start = this.caps[2 * index] ?? -1
    const end = this.caps[2 * index + 1] ?? -1
    if (start < 0 || end < 0) return false
    const s = this.s
    const len = end - start
    if (i + len > s.length) return false
    if (fold === 'none') return s.startsWith(s.slice(start, end), i) && k(i + len)
    let x = i
    for (let y = start; y < end;) {
      const c1 = s.codePointAt(y) as number
      const c2 = s.codePointAt(x) as number
      if (c1 !== c2) {
        if (fold === 'ascii') {
          if (asciiLower(c1) !== asciiLower(c2)) return false
        } else {
          const u1 = javaUpper(c1)
          const u2 = javaUpper(c2)
          if (u1 !== u2 && javaLower(u1) !== javaLower(u2)) return false
        }
      }
      y += cpLen(c1)
      x += cpLen(c2)
    }
    return k(x)
  }

  /** Java's first-path-only atom match (Curly, Ques): the end, or -1. */
  private once(body: RegexNode, i: number): number {
    let end = -1
    return this.m(body, i, (e) => ((end = e), true)) ? end : -1
  }

  private repeat(node: Extract<RegexNode, { kind: 'repeat' }>, i: number, k: Cont): boolean {
    const max = node.max === Infinity ? MAX_REPS : node.max
    const isGroup = node.body.kind === 'group'
    if (node.min === 0 && node.max === 1) {
      if (isGroup && node.mode !== 'possessive') {
        if (node.mode === 'greedy') return this.m(node.body, i, k) || k(i)
        return k(i) || this.m(node.body, i, k)
      }
      const e = this.once(node.body, i)
      if (node.mode === 'lazy') return k(i) || (e >= 0 && k(e))
      if (node.mode === 'possessive') return k(e >= 0 ? e : i)
      return (e >= 0 && k(e)) || k(i)
    }
    if (isGroup && node.mode !== 'possessive') {
      const info = { min: 0, max: 0, maxValid: true, det: true }
      study(node.body, info)
      return info.det ? this.groupCurly(node, i, k, max) : this.loop(node, i, k, max)
    }
    return this.curly(node, i, k, max)
  }

  /** Java's Curly: each iteration takes the atom's first match; a zero-length one stops. */
  private curly(node: Extract<RegexNode, { kind: 'repeat' }>, i: number, k: Cont, max: number) {
    let j = 0
    for (; j < node.min; j++) {
      const e = this.once(node.body, i)
      if (e < 0) return false
      i = e
    }
    if (node.mode === 'lazy') {
      for (;;) {
        if (k(i)) return true
        if (j >= max) return false
        const e = this.once(node.body, i)
        if (e < 0 || e === i) return false
        i = e
        j++
      }
    }
    const stack = [i]
    for (; j < max; j++) {
      const e = this.once(node.body, i)
      if (e < 0 || e === i) break
      i = e
      stack.push(i)
      this.tick()
    }
    if (node.mode === 'possessive') return k(i)
    for (let n = stack.length - 1; n >= 0; n--) if (k(stack[n] as number)) return true
    return false
  }

  /** Java's GroupCurly (deterministic group body): a zero-length iteration keeps no capture. */
  private groupCurly(
    node: Extract<RegexNode, { kind: 'repeat' }>,
    i: number,
    k: Cont,
    max: number,
  ) {
    const body = node.body as Extract<RegexNode, { kind: 'group' }>
    const g = body.index
    const caps = this.caps
    const saved = g === null ? null : [caps[2 * g] as number, caps[2 * g + 1] as number]
    const setCap = (a: number, b: number) => {
      if (g === null) return
      caps[2 * g] = a
      caps[2 * g + 1] = b
    }
    const restore = () => saved && setCap(saved[0] as number, saved[1] as number)
    const inner = body.body
    let j = 0
    for (; j < node.min; j++) {
      const e = this.once(inner, i)
      if (e < 0) return (restore(), false)
      setCap(i, e)
      i = e
    }
    const atMin = g === null ? null : [caps[2 * g] as number, caps[2 * g + 1] as number]
    const backToMin = () => atMin && setCap(atMin[0] as number, atMin[1] as number)
    if (node.mode === 'lazy') {
      for (;;) {
        if (k(i)) return true
        if (j >= max) break
        const e = this.once(inner, i)
        if (e < 0 || e === i) break
        setCap(i, e)
        i = e
        j++
      }
      return (restore(), false)
    }
    const stack: [number, number][] = []
    for (; j < max; j++) {
      const e = this.once(inner, i)
      if (e < 0 || e === i) break
      stack.push([i, e])
      setCap(i, e)
      i = e
    }
    for (let n = stack.length - 1; n >= 0; n--) {
      const [a, b] = stack[n] as [number, number]
      setCap(a, b)
      if (k(b)) return true
    }
    backToMin()
    if (k(stack.length ? (stack[0] as [number, number])[0] : i)) return true
    return (restore(), false)
  }

  /** Java's Prolog/Loop (greedy) and LazyLoop over a group body. */
  private loop(node: Extract<RegexNode, { kind: 'repeat' }>, i: number, k: Cont, max: number) {
    const { min, body } = node
    const lazy = node.mode === 'lazy'
    const iterate = (start: number, count: number): boolean =>
      this.m(body, start, (j) => after(j, start, count))
    const after = (j: number, begin: number, count: number): boolean => {
      if (j > begin) {
        if (count < min) return iterate(j, count + 1)
        if (lazy) {
          if (k(j)) return true
          return count < max && iterate(j, count + 1)
        }
        if (count < max && iterate(j, count + 1)) return true
      }
      return k(j)
    }
    if (min > 0) return iterate(i, 1)
    if (lazy) return k(i) || (max > 0 && iterate(i, 1))
    return (max > 0 && iterate(i, 1)) || k(i)
  }
}

/**
 * A small, obviously-correct model of `java.util.regex` whole-string matching for a subset of
 * the syntax, used to check the translator on generated patterns. It answers only "does the
 * whole subject match" (the set of reachable end positions, so backtracking order is
 * irrelevant), over code points like Java. The subset is chosen where Java and JavaScript
 * differ: `.` and line terminators (`\u0085`), `\s` (Java: ASCII only), `(?i)` (Java: ASCII
 * only without UNICODE_CASE), supplementary characters, negated classes.
 */
import fc from 'fast-check'

/** A node of a generated pattern. */
export type RegexNode =
  | { kind: 'char'; c: string }
  | { kind: 'any' }
  | { kind: 'shorthand'; name: 'd' | 'D' | 's' | 'S' | 'w' | 'W' }
  | { kind: 'class'; negated: boolean; items: (string | [string, string])[] }
  | { kind: 'seq'; items: RegexNode[] }
  | { kind: 'alt'; options: RegexNode[] }
  | { kind: 'group'; body: RegexNode; capture: boolean }
  | { kind: 'repeat'; body: RegexNode; min: number; max: number; lazy: boolean }

/** A generated pattern: its tree and the global flags written in front of it. */
export type RegexCase = { root: RegexNode; caseInsensitive: boolean; dotAll: boolean }

/** Characters subjects are drawn from: ASCII, Latin-1, Java's extra line terminators, emoji. */
export const SUBJECT_ALPHABET = [
  'a', 'b', 'A', 'B', 'z', '1', '_', '-', '.', ' ', '\t', '\n', '\r', '\u000b', '\f',
  '\u0085', '\u2028', '\u2029', '\u00a0', 'é', 'É', 'ß', 'K', '\u212a', '😀',
] // prettier-ignore

const LITERALS = ['a', 'b', 'A', 'z', '1', '-', '.', 'é', 'K', '😀', ' ']
const SPECIAL = new Set([
  '.',
  '-',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '*',
  '+',
  '?',
  '|',
  '^',
  '$',
  '\\',
])

const esc = (c: string): string => (SPECIAL.has(c) ? `\\${c}` : c)

/** Prints a tree as Java pattern text. */
export function printRegex(rc: RegexCase): string {
  const flags = `${rc.caseInsensitive ? 'i' : ''}${rc.dotAll ? 's' : ''}`
  return (flags ? `(?${flags})` : '') + print(rc.root)
}

function print(n: RegexNode): string {
  switch (n.kind) {
    case 'char':
      return esc(n.c)
    case 'any':
      return '.'
    case 'shorthand':
      return `\\${n.name}`
    case 'class': {
      const items = n.items.map((i) =>
        typeof i === 'string' ? esc(i) : `${esc(i[0])}-${esc(i[1])}`,
      )
      return `[${n.negated ? '^' : ''}${items.join('')}]`
    }
    case 'seq':
      return n.items.map((i) => (i.kind === 'alt' ? `(?:${print(i)})` : print(i))).join('')
    case 'alt':
      return n.options.map(print).join('|')
    case 'group':
      return `(${n.capture ? '' : '?:'}${print(n.body)})`
    case 'repeat': {
      const atom = ['char', 'any', 'shorthand', 'class', 'group'].includes(n.body.kind)
        ? print(n.body)
        : `(?:${print(n.body)})`
      const q =
        n.min === 0 && n.max === Infinity
          ? '*'
          : n.min === 1 && n.max === Infinity
            ? '+'
            : n.min === 0 && n.max === 1
              ? '?'
              : n.max === Infinity
                ? `{${n.min},}`
                : n.min === n.max
                  ? `{${n.min}}`
                  : `{${n.min},${n.max}}`
      return `${atom}${q}${n.lazy ? '?' : ''}`
    }
  }
}

const isAsciiLetter = (c: string): boolean => /^[A-Za-z]$/.test(c)
/** Java's default (?i): only US-ASCII letters fold. */
const foldsTo = (c: string): string[] =>
  isAsciiLetter(c) ? [c.toLowerCase(), c.toUpperCase()] : [c]

const LINE_TERMINATORS = new Set(['\n', '\r', '\u0085', '\u2028', '\u2029'])

function shorthand(name: string, c: string): boolean {
  const lower = name.toLowerCase()
  const hit =
    lower === 'd'
      ? /^[0-9]$/.test(c)
      : lower === 'w'
        ? /^[A-Za-z0-9_]$/.test(c)
        : [' ', '\t', '\n', '\u000b', '\f', '\r'].includes(c)
  return name === lower ? hit : !hit
}

function charMatches(n: RegexNode, c: string, rc: RegexCase): boolean {
  const variants = rc.caseInsensitive ? foldsTo(c) : [c]
  switch (n.kind) {
    case 'char':
      return variants.includes(n.c)
    case 'any':
      return rc.dotAll || !LINE_TERMINATORS.has(c)
    case 'shorthand':
      return shorthand(n.name, c)
    case 'class': {
      const cp = (s: string): number => s.codePointAt(0) ?? -1
      const inSet = variants.some((v) =>
        n.items.some((i) =>
          typeof i === 'string' ? i === v : cp(i[0]) <= cp(v) && cp(v) <= cp(i[1]),
        ),
      )
      return n.negated ? !inSet : inSet
    }
    default:
      return false
  }
}

/** End positions reachable by matching `n` from each position in `starts`. */
function step(n: RegexNode, cps: string[], starts: Set<number>, rc: RegexCase): Set<number> {
  switch (n.kind) {
    case 'seq':
      return n.items.reduce((acc, item) => step(item, cps, acc, rc), starts)
    case 'alt':
      return new Set(n.options.flatMap((o) => [...step(o, cps, starts, rc)]))
    case 'group':
      return step(n.body, cps, starts, rc)
    case 'repeat': {
      let frontier = starts
      const reached = n.min === 0 ? new Set(starts) : new Set<number>()
      for (let k = 1; k <= Math.min(n.max, cps.length + n.min + 1) && frontier.size > 0; k++) {
        frontier = step(n.body, cps, frontier, rc)
        if (k >= n.min) {
          const before = reached.size
          for (const p of frontier) reached.add(p)
          if (k > n.min && reached.size === before) break
        }
      }
      return reached
    }
    default: {
      const out = new Set<number>()
      for (const p of starts) {
        const c = cps[p]
        if (c !== undefined && charMatches(n, c, rc)) out.add(p + 1)
      }
      return out
    }
  }
}

/** Java `Pattern.matches` for the modelled subset. */
export function modelMatches(rc: RegexCase, subject: string): boolean {
  const cps = Array.from(subject)
  return step(rc.root, cps, new Set([0]), rc).has(cps.length)
}

/** Generated patterns of the modelled subset. */
export const regexCase = (): fc.Arbitrary<RegexCase> => {
  const lit = fc.constantFrom(...LITERALS)
  const leaf: fc.Arbitrary<RegexNode> = fc.oneof(
    { weight: 4, arbitrary: lit.map((c) => ({ kind: 'char' as const, c })) },
    { weight: 2, arbitrary: fc.constant({ kind: 'any' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('d', 'D', 's', 'S', 'w', 'W')
        .map((name) => ({ kind: 'shorthand' as const, name })),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('class' as const),
        negated: fc.boolean(),
        items: fc.array(
          fc.oneof(
            lit,
            fc.constantFrom<[string, string]>(['a', 'z'], ['A', 'Z'], ['0', '9'], ['à', 'ÿ']),
          ),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    },
  )
  const tree = fc.letrec<{ node: RegexNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      leaf,
      fc.record({
        kind: fc.constant('seq' as const),
        items: fc.array(tie('node'), { minLength: 2, maxLength: 4 }),
      }),
      fc.record({
        kind: fc.constant('alt' as const),
        options: fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('group' as const), body: tie('node'), capture: fc.boolean() }),
      fc
        .record({
          body: tie('node'),
          min: fc.integer({ min: 0, max: 2 }),
          extra: fc.constantFrom(0, 1, 2, Infinity),
          lazy: fc.boolean(),
        })
        .map(({ body, min, extra, lazy }) => ({
          kind: 'repeat' as const,
          body,
          min,
          max: min + extra,
          lazy,
        })),
    ),
  })).node
  return fc.record({ root: tree, caseInsensitive: fc.boolean(), dotAll: fc.boolean() })
}

/** Subjects likely to be near the pattern: a random string or a mutated sample of the tree. */
export const subjectFor = (rc: RegexCase): fc.Arbitrary<string> =>
  fc.oneof(
    fc.array(fc.constantFrom(...SUBJECT_ALPHABET), { maxLength: 8 }).map((a) => a.join('')),
    sample(rc.root, rc),
    fc
      .tuple(sample(rc.root, rc), fc.constantFrom(...SUBJECT_ALPHABET), fc.nat(8))
      .map(([s, c, at]) => {
        const cps = Array.from(s)
        cps.splice(at % (cps.length + 1), 0, c)
        return cps.join('')
      }),
  )

/** Strings the tree (probably) matches, built by walking it. */
function sample(n: RegexNode, rc: RegexCase): fc.Arbitrary<string> {
  const fromAlphabet = (): fc.Arbitrary<string> => {
    const ok = SUBJECT_ALPHABET.filter((c) => charMatches(n, c, rc))
    return ok.length > 0 ? fc.constantFrom(...ok) : fc.constant('a')
  }
  switch (n.kind) {
    case 'char':
      return rc.caseInsensitive ? fc.constantFrom(...foldsTo(n.c)) : fc.constant(n.c)
    case 'seq':
      return fc.tuple(...n.items.map((i) => sample(i, rc))).map((p) => p.join(''))
    case 'alt':
      return fc.oneof(...n.options.map((o) => sample(o, rc)))
    case 'group':
      return sample(n.body, rc)
    case 'repeat':
      return fc
        .array(sample(n.body, rc), { minLength: n.min, maxLength: Math.min(n.max, n.min + 2) })
        .map((p) => p.join(''))
    default:
      return fromAlphabet()
  }
}

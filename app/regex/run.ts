/** Runs a compiled pattern: the native RegExp when exact, else the Java-semantics interpreter. */
import { globalRegExp } from './compile'
import type { Compiled } from './compile'
import { JavaMatcher, StepLimitError } from './interp'
import type { Meter } from '../model'

type Ok = Extract<Compiled, { kind: 'ok' }>

const toGroups = (caps: number[], s: string, n: number) => {
  const out: (string | null)[] = []
  for (let g = 1; g <= n; g++) {
    const a = caps[2 * g] ?? -1
    const b = caps[2 * g + 1] ?? -1
    out.push(a < 0 || b < 0 ? null : s.slice(a, b))
  }
  return out
}

/**
 * Matcher.matches(): groups 1..n, `null` when no match, `too-complex` past the step limit.
 * `required` is `readRequiredText(c)`, passed by callers that match one pattern many times (a
 * single match gains nothing from working it out).
 */
export function wholeMatch(
  c: Ok,
  s: string,
  meter: Meter,
  required?: string,
): (string | null)[] | null | 'too-complex' {
  const { groupMap, groupCount } = c.translation
  // Under a budget only the interpreter runs: a native RegExp cannot be stopped midway.
  if (!c.inexact && !meter.interruptible) {
    // A subject without the text every match consumes cannot match: the answer the RegExp
    // would give, without running it (most messages of a batch miss most patterns).
    if (required !== undefined && required !== '' && !s.includes(required)) return null
    const m = c.whole.exec(s)
    if (!m) return null
    const groups: (string | null)[] = []
    for (let g = 1; g <= groupCount; g++) {
      const js = groupMap[g]
      groups.push(js === undefined ? null : (m[js] ?? null))
    }
    return groups
  }
  try {
    const jm = new JavaMatcher(s, groupCount, 0, meter)
    return jm.m(c.parsed.root, 0, (e) => e === s.length) ? toGroups(jm.caps, s, groupCount) : null
  } catch (e) {
    if (e instanceof StepLimitError || e instanceof RangeError) {
      meter.abandon()
      return 'too-complex'
    }
    throw e
  }
}

/** One find() from `from`: [start, end, groups] or null. */
export function findFrom(
  c: Ok,
  s: string,
  from: number,
  lastMatchEnd: number,
  meter: Meter,
): { start: number; end: number; groups: (string | null)[] } | null | 'too-complex' {
  const { groupMap, groupCount } = c.translation
  if (!c.inexact && !c.usesLastMatch) {
    // Under a budget the interpreter stands in, trying the starts the RegExp would.
    if (meter.interruptible) return findWithInterpreter(c, s, from, lastMatchEnd, meter, true)
    const re = globalRegExp(c)
    re.lastIndex = from
    const m = re.exec(s)
    if (!m) return null
    // With the `v` flag a search never starts inside a surrogate pair; Java's can.
    if (m.index < from) return findWithInterpreter(c, s, from, lastMatchEnd, meter)
    const groups: (string | null)[] = []
    for (let g = 1; g <= groupCount; g++) {
      const js = groupMap[g]
      groups.push(js === undefined ? null : (m[js] ?? null))
    }
    return { start: m.index, end: m.index + m[0].length, groups }
  }
  return findWithInterpreter(c, s, from, lastMatchEnd, meter)
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff

/**
 * find() with the interpreter from `from`. Java tries every char index; with `asRegExp` it tries
 * the starts a `v`-flag RegExp tries (none inside a surrogate pair, and a `from` inside one backs
 * up to the pair), deferring to Java's starts when that finds a match before `from`, as findFrom
 * does: so a budgeted run answers exactly as the RegExp path would.
 */
function findWithInterpreter(
  c: Ok,
  s: string,
  from: number,
  lastMatchEnd: number,
  meter: Meter,
  asRegExp = false,
): { start: number; end: number; groups: (string | null)[] } | null | 'too-complex' {
  const { groupCount } = c.translation
  const at = (start: number) => {
    const jm = new JavaMatcher(s, groupCount, lastMatchEnd, meter)
    let end = -1
    return jm.m(c.parsed.root, start, (e) => ((end = e), true))
      ? { start, end, groups: toGroups(jm.caps, s, groupCount) }
      : null
  }
  const insidePair = (i: number) =>
    i > 0 && i < s.length && isLow(s.charCodeAt(i)) && isHigh(s.charCodeAt(i - 1))
  try {
    let start = from
    if (asRegExp && insidePair(from)) {
      if (at(from - 1)) return findWithInterpreter(c, s, from, lastMatchEnd, meter)
      start = from + 1
    }
    for (; start <= s.length; start++) {
      if (asRegExp && insidePair(start)) continue
      const found = at(start)
      if (found) return found
    }
    return null
  } catch (e) {
    if (e instanceof StepLimitError || e instanceof RangeError) {
      meter.abandon()
      return 'too-complex'
    }
    throw e
  }
}

/**
 * Java's String regex methods as Velocity templates call them: `matches`, `replaceAll`,
 * `replaceFirst` (Matcher.appendReplacement's `$n`, `${name}`, `\x` syntax) and `split`
 * (Pattern.split, including the Java 8+ rule that a zero-width match at index 0 adds no
 * leading empty string, and the limit rules).
 */
import { compileJavaPattern } from './compile'
import type { Compiled } from './compile'
import { createMeter, type Meter } from '../model'
import { findFrom, wholeMatch } from './run'

/** Outcome of a Java String regex method called from a template. */
export type JavaRegexCall<T> =
  | { ok: true; value: T }
  | {
      ok: false
      /** `invalid`: PatternSyntaxException; `untranslatable`: cannot reproduce exactly; `replacement`: bad `$n`/`\` in a replacement. */
      error: 'invalid' | 'untranslatable' | 'replacement'
      /** Java-like message, e.g. `Unclosed group near index 3`. */
      message: string
    }

type Ok = Extract<Compiled, { kind: 'ok' }>
type Fail = Extract<JavaRegexCall<never>, { ok: false }>

function compileOrFail(pattern: string): Ok | Fail {
  const c = compileJavaPattern(pattern)
  if (c.kind === 'invalid') {
    // PatternSyntaxException.getMessage(): description, index, the pattern and a caret line.
    const where = c.index >= 0 ? ` near index ${c.index}` : ''
    const caret = c.index >= 0 && c.index < pattern.length ? `\n${' '.repeat(c.index)}^` : ''
    return { ok: false, error: 'invalid', message: `${c.description}${where}\n${pattern}${caret}` }
  }
  if (c.kind === 'untranslatable') return { ok: false, error: 'untranslatable', message: c.message }
  return c
}

const TOO_COMPLEX: Fail = {
  ok: false,
  error: 'untranslatable',
  message: 'Matching this pattern backtracks too much to finish',
}

/** Java `String.matches(regex)`. */
export function javaStringMatches(
  input: string,
  pattern: string,
  meter: Meter = createMeter(),
): JavaRegexCall<boolean> {
  const c = compileOrFail(pattern)
  if ('ok' in c) return c
  const r = wholeMatch(c, input, meter)
  if (r === 'too-complex') return TOO_COMPLEX
  return { ok: true, value: r !== null }
}

class ReplacementError extends Error {}

const isDigit = (ch: string) => ch >= '0' && ch <= '9'
const isAlnum = (ch: string) => /^[A-Za-z0-9]$/.test(ch)

/** Matcher.appendExpandedReplacement for one match; `groups[0]` is the whole match. */
function expandReplacement(rep: string, groups: (string | null)[], names: Map<string, number>) {
  let out = ''
  const groupCount = groups.length - 1
  for (let i = 0; i < rep.length;) {
    const ch = rep[i] as string
    if (ch === '\\') {
      i++
      if (i === rep.length) throw new ReplacementError('character to be escaped is missing')
      out += rep[i]
      i++
    } else if (ch === '$') {
      i++
      if (i === rep.length)
        throw new ReplacementError('Illegal group reference: group index is missing')
      let ref: number
      if (rep[i] === '{') {
        i++
        let name = ''
        while (i < rep.length && isAlnum(rep[i] as string)) name += rep[i++]
        if (name.length === 0) throw new ReplacementError('named capturing group has 0 length name')
        if (rep[i] !== '}')
          throw new ReplacementError("named capturing group is missing trailing '}'")
        if (isDigit(name[0] as string))
          throw new ReplacementError(`capturing group name {${name}} starts with digit character`)
        const n = names.get(name)
        if (n === undefined) throw new ReplacementError(`No group with name {${name}}`)
        ref = n
        i++
      } else {
        const d = rep[i] as string
        if (!isDigit(d)) throw new ReplacementError('Illegal group reference')
        ref = Number(d)
        i++
        while (i < rep.length && isDigit(rep[i] as string)) {
          const next = ref * 10 + Number(rep[i])
          if (groupCount < next) break
          ref = next
          i++
        }
      }
      if (ref > groupCount) throw new ReplacementError(`No group ${ref}`)
      out += groups[ref] ?? ''
    } else {
      out += ch
      i++
    }
  }
  return out
}

function replace(
  input: string,
  pattern: string,
  rep: string,
  all: boolean,
  meter: Meter,
): JavaRegexCall<string> {
  const c = compileOrFail(pattern)
  if ('ok' in c) return c
  const names = c.parsed.names
  let out = ''
  let index = 0
  let from = 0
  try {
    for (;;) {
      if (from > input.length) break
      const m = findFrom(c, input, from, index, meter)
      if (m === 'too-complex') return TOO_COMPLEX
      if (!m) break
      out += input.slice(index, m.start)
      out += expandReplacement(rep, [input.slice(m.start, m.end), ...m.groups], names)
      index = m.end
      from = m.end === m.start ? m.end + 1 : m.end
      if (!all) break
    }
  } catch (e) {
    if (e instanceof ReplacementError)
      return { ok: false, error: 'replacement', message: e.message }
    throw e
  }
  return { ok: true, value: out + input.slice(index) }
}

/** Java `String.replaceAll(regex, replacement)`. */
export function javaReplaceAll(
  input: string,
  pattern: string,
  replacement: string,
  meter: Meter = createMeter(),
) {
  return replace(input, pattern, replacement, true, meter)
}

/** Java `String.replaceFirst(regex, replacement)`. */
export function javaReplaceFirst(
  input: string,
  pattern: string,
  replacement: string,
  meter: Meter = createMeter(),
) {
  return replace(input, pattern, replacement, false, meter)
}

/** Java `String.split(regex, limit)` (limit 0 by default: trailing empty strings removed). */
export function javaSplit(
  input: string,
  pattern: string,
  limit = 0,
  meter: Meter = createMeter(),
): JavaRegexCall<string[]> {
  const c = compileOrFail(pattern)
  if ('ok' in c) return c
  const list: string[] = []
  let index = 0
  let from = 0
  let last = 0
  while (from <= input.length) {
    const m = findFrom(c, input, from, last, meter)
    if (m === 'too-complex') return TOO_COMPLEX
    if (!m) break
    last = m.end
    from = m.end === m.start ? m.end + 1 : m.end
    if (limit <= 0 || list.length < limit - 1) {
      // Java 8+: a zero-width match at the very beginning adds no leading empty string.
      if (index === 0 && m.start === 0 && m.start === m.end) continue
      list.push(input.slice(index, m.start))
      index = m.end
    } else if (list.length === limit - 1) {
      list.push(input.slice(index))
      index = m.end
    }
  }
  if (index === 0) return { ok: true, value: [input] }
  if (limit <= 0 || list.length < limit) list.push(input.slice(index))
  if (limit === 0) while (list.length > 0 && list[list.length - 1] === '') list.pop()
  return { ok: true, value: list }
}

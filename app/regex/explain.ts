/**
 * Why a selection pattern did not match an errorMessage, in words: how far the pattern got,
 * where it stopped, and the usual causes (API Gateway needs the whole message to match, `.`
 * does not cross line breaks, letter case), each confirmed by re-running a corrected pattern.
 */
import { compileJavaPattern } from './compile'
import { JavaMatcher, StepLimitError } from './interp'
import type { Meter } from '../model'
import { findFrom } from './run'
import { JavaPatternParser } from './parser'
import { findInexact } from './unsupported'

/** Steps an explanation may spend finding how far the pattern got. */
const REACH_STEPS = 50_000

const TERMINATOR = /[\n\r\u0085\u2028\u2029]/

/**
 * Whether a corrected pattern matches the whole subject, by the Java-semantics interpreter: the
 * corrected pattern is used once, so building a native RegExp for it would cost more than it saves.
 * Same answers as compiling and matching it (invalid or unreproducible patterns never match).
 */
function matchesWhole(pattern: string, subject: string, meter: Meter): boolean {
  let parsed
  try {
    parsed = new JavaPatternParser(pattern).parse()
    findInexact(parsed.root)
  } catch {
    return false
  }
  const jm = new JavaMatcher(subject, parsed.groupCount, 0, meter)
  try {
    return jm.m(parsed.root, 0, (e) => e === subject.length)
  } catch (e) {
    if (!(e instanceof StepLimitError) && !(e instanceof RangeError)) throw e
    meter.abandon()
    return false
  }
}

/** How far a whole-string match attempt got before every path failed. */
function furthestReach(pattern: string, subject: string, meter: Meter): number {
  const c = compileJavaPattern(pattern)
  if (c.kind !== 'ok') return 0
  const jm = new JavaMatcher(subject, c.translation.groupCount, 0, meter, REACH_STEPS)
  try {
    jm.m(c.parsed.root, 0, (e) => e === subject.length)
  } catch (e) {
    if (!(e instanceof StepLimitError) && !(e instanceof RangeError)) throw e
    if (e instanceof RangeError) meter.abandon()
  }
  return jm.reach
}

const describeChar = (ch: string) =>
  ({ '\n': 'a line break (\\n)', '\r': 'a carriage return (\\r)', '\t': 'a tab' })[ch] ??
  (TERMINATOR.test(ch)
    ? `a line terminator (U+${ch.codePointAt(0)?.toString(16).toUpperCase()})`
    : `"${ch}"`)

const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s)

/** A person-readable explanation of a failed whole-string match. */
export function explainMismatch(pattern: string, subject: string, meter: Meter): string {
  const reach = furthestReach(pattern, subject, meter)
  const parts: string[] = []
  if (reach === 0) parts.push('The pattern does not match even the start of the message.')
  else if (reach >= subject.length)
    parts.push(
      `The pattern reached the end of the message (${subject.length} characters) without completing a match.`,
    )
  else
    parts.push(
      `The pattern matched the first ${reach} characters (${quote(subject.slice(0, reach))}) and stopped at offset ${reach}, at ${describeChar(String.fromCodePoint(subject.codePointAt(reach) as number))}.`,
    )

  const lineBreak = subject.search(TERMINATOR)
  const fixes: [string, string][] = [
    [
      '(?s)',
      lineBreak >= 0
        ? `\`.\` does not match the line break at offset ${lineBreak}: start the pattern with (?s), or write (\\n|.) or [\\s\\S] instead of \`.\`.`
        : '',
    ],
    ['(?i)', 'Letter case differs: start the pattern with (?i) to ignore case.'],
  ]
  for (const [flag, text] of fixes) {
    if (text && matchesWhole(`${flag}${pattern}`, subject, meter))
      return [...parts, `Likely cause: ${text}`].join(' ')
  }
  // A pattern that already starts and ends with "anything" cannot be failing for want of a wrap.
  const wrapped =
    /^(\(\?[a-zA-Z]+\))?(\.\*|\[\\s\\S\]\*)/.test(pattern) && /(\.\*|\[\\s\\S\]\*)$/.test(pattern)
  const c = compileJavaPattern(pattern)
  if (c.kind === 'ok' && !wrapped) {
    const found = findFrom(c, subject, 0, 0, meter)
    if (found && found !== 'too-complex' && (found.end > found.start || pattern === '')) {
      const head = `${lineBreak >= 0 ? '(?s)' : ''}${pattern.startsWith('.*') ? '' : '.*'}`
      const tail = pattern.endsWith('.*') ? '' : '.*'
      return [
        ...parts,
        `Likely cause: the pattern matches only part of the message (offsets ${found.start}–${found.end}, ${quote(subject.slice(found.start, found.end))}), but API Gateway requires the whole errorMessage to match. Wrap it, e.g. ${head}${pattern}${tail}`,
      ].join(' ')
    }
    for (const flag of ['(?s)', '(?i)', '(?is)']) {
      if (matchesWhole(`${flag}.*(?:${pattern}).*`, subject, meter))
        return [
          ...parts,
          `Likely cause: the whole message must match, and ${flag === '(?i)' ? 'letter case differs' : 'the message has line breaks'}; try ${flag}.*${pattern}.*`,
        ].join(' ')
    }
  }
  parts.push('Compare the pattern with the message from that offset on.')
  return parts.join(' ')
}

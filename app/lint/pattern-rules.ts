/**
 * Lint rules about one selection pattern on its own. Each rule proposes a proving errorMessage
 * and a replacement pattern, and reports only when the Java matcher confirms both: the pattern
 * misbehaves on the message, and the replacement behaves as intended.
 */
import type { Span } from '../model'
import { hasDotAll, matchesWhole, readPieces, sampleMessage, withFlag } from './pattern-text'
import type { LintFinding } from './types'
import { DOES_NOT_MATCH, MATCHES } from './types'

type Finding = Omit<LintFinding, 'statusCode'>

/** A stack trace line as Node.js writes it below the message. */
const STACK = '\n    at handler (/var/task/index.js:12:11)'
/** Messages that name none of the usual words, used to show that a class matches them. */
const UNRELATED = ['Forbidden', 'Timeout', 'Internal error', 'x', 'Something else']

const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/

/** Confirms "pattern should match message, and the fix makes it so". */
function missesButFixed(pattern: string, fix: string, message: string): boolean {
  return !matchesWhole(pattern, message) && matchesWhole(fix, message)
}

function dotLineBreak(p: string, messages: string[]): Finding | undefined {
  if (hasDotAll(p)) return undefined
  const dot = readPieces(p).find((x) => x.kind === 'char' && x.ch === '.')
  if (!dot) return undefined
  const fix = withFlag(p, 's')
  const sample = sampleMessage(p)
  const candidates = [
    ...messages.filter((m) => LINE_BREAK.test(m)),
    ...(sample !== undefined ? [sample + STACK, `${sample}\n${sample}`] : []),
  ]
  const proof = candidates.find((m) => missesButFixed(p, fix, m))
  if (proof === undefined) return undefined
  return {
    rule: 'dot-line-break',
    span: { start: dot.start, end: dot.end },
    message:
      '`.` does not match a line break, so a multi-line errorMessage (a stack trace) fails this pattern.',
    proof: { errorMessage: proof, expected: MATCHES, actual: DOES_NOT_MATCH },
    fix: { description: 'Let `.` match line breaks: start the pattern with (?s).', pattern: fix },
  }
}

/** A class that reads like words: letters in a row, with a space, a repeated letter, or `Word`. */
function looksLikeWords(body: string): boolean {
  if (body.startsWith('^') || body.includes('\\') || body.includes('[')) return false
  if (/[a-zA-Z0-9]-[a-zA-Z0-9]/.test(body) || !/[a-zA-Z]{3}/.test(body) || body.length < 4)
    return false
  const repeated = new Set(body).size < body.length
  return repeated || body.includes(' ') || /^[A-Z][a-z]{2,}$/.test(body)
}

function bracketedWords(p: string, messages: string[]): Finding | undefined {
  const cls = readPieces(p).find((x) => x.kind === 'class' && looksLikeWords(x.body))
  if (!cls || cls.kind !== 'class') return undefined
  const words = cls.body
  const fix = `${p.slice(0, cls.start)}\\[${words}\\]${p.slice(cls.end)}`
  const falsePositive = (m: string) =>
    !m.includes(words) && matchesWhole(p, m) && !matchesWhole(fix, m)
  const literal = sampleMessage(fix, ' disk full')
  const sample = sampleMessage(p)
  // Best: a message without the words that the class still accepts (one letter is enough);
  // else a message with the bracketed words that the class rejects.
  let proof: { errorMessage: string; expected: string; actual: string } | undefined
  const wrongly = [...messages, ...UNRELATED].find(falsePositive)
  if (wrongly !== undefined)
    proof = { errorMessage: wrongly, expected: DOES_NOT_MATCH, actual: MATCHES }
  else if (literal !== undefined && missesButFixed(p, fix, literal))
    proof = { errorMessage: literal, expected: MATCHES, actual: DOES_NOT_MATCH }
  else if (sample !== undefined && falsePositive(sample))
    proof = { errorMessage: sample, expected: DOES_NOT_MATCH, actual: MATCHES }
  if (proof === undefined) return undefined
  return {
    rule: 'bracketed-words',
    span: { start: cls.start, end: cls.end },
    message: `[${words}] is a character class: it matches one character out of ${JSON.stringify(words)}, not the words.`,
    proof,
    fix: {
      description: 'Escape the brackets to match them literally, around the words.',
      pattern: fix,
    },
  }
}

function globStar(p: string, messages: string[]): Finding | undefined {
  const pieces = readPieces(p)
  for (let i = 2; i < pieces.length; i++) {
    const star = pieces[i]
    const last = pieces[i - 1]
    const before = pieces[i - 2]
    if (star?.kind !== 'char' || star.ch !== '*') continue
    if (last?.kind !== 'char' || !/[a-zA-Z]/.test(last.ch)) continue
    if (before?.kind !== 'char' || !/[a-zA-Z]/.test(before.ch)) continue
    const fix = `${p.slice(0, star.start)}.*${p.slice(star.end)}`
    const sample = sampleMessage(fix, ' input')
    const candidates = [...messages, ...(sample !== undefined ? [sample] : [])]
    const proof = candidates.find((m) => missesButFixed(p, fix, m))
    if (proof === undefined) continue
    return {
      rule: 'glob-star',
      span: { start: last.start, end: star.end },
      message: `\`${last.ch}*\` means "any number of ${JSON.stringify(last.ch)}", not "anything": a regex is not a shell glob.`,
      proof: { errorMessage: proof, expected: MATCHES, actual: DOES_NOT_MATCH },
      fix: { description: `Write \`${last.ch}.*\` for "then anything".`, pattern: fix },
    }
  }
  return undefined
}

function missingBackslash(p: string, messages: string[]): Finding | undefined {
  const pieces = readPieces(p)
  for (let i = 0; i < pieces.length; i++) {
    const letter = pieces[i]
    const next = pieces[i + 1]
    const prev = pieces[i - 1]
    if (letter?.kind !== 'char' || !'dsw'.includes(letter.ch)) continue
    if (next?.kind !== 'char' || !'{+*'.includes(next.ch)) continue
    // `Word*`-style letters belong to glob-star; `d` after a letter is part of a word.
    if (prev?.kind === 'char' && /[a-zA-Z]/.test(prev.ch)) continue
    if (prev?.kind === 'escape' && /[a-zA-Z]/.test(prev.letter)) continue
    const fix = `${p.slice(0, letter.start)}\\${p.slice(letter.start)}`
    const sample = sampleMessage(fix)
    const candidates = [...messages, ...(sample !== undefined ? [sample] : [])]
    const proof = candidates.find((m) => missesButFixed(p, fix, m))
    if (proof === undefined) continue
    return {
      rule: 'missing-backslash',
      span: { start: letter.start, end: letter.end },
      message: `\`${letter.ch}\` here is the letter ${JSON.stringify(letter.ch)}; \`\\${letter.ch}\` (with a backslash) was probably meant.`,
      proof: { errorMessage: proof, expected: MATCHES, actual: DOES_NOT_MATCH },
      fix: { description: `Write \\${letter.ch}.`, pattern: fix },
    }
  }
  return undefined
}

/** `"key":value` with no space after the colon. */
const JSON_PAIR = /("|\\")\s*:(?=["\d[{tfn-])/

function jsonSpacing(p: string, messages: string[]): Finding | undefined {
  const m = JSON_PAIR.exec(p)
  if (!m) return undefined
  const colon = m.index + m[0].length - 1
  const fix = `${p.slice(0, colon + 1)}\\s*${p.slice(colon + 1)}`
  const spaced = (s: string) => s.replace(/":(?=\S)/g, '": ')
  const sample = sampleMessage(p)
  const candidates = [
    ...messages,
    ...(sample !== undefined ? [`{${spaced(sample)}}`, spaced(sample)] : []),
  ]
  const proof = candidates.find((msg) => missesButFixed(p, fix, msg))
  if (proof === undefined) return undefined
  return {
    rule: 'json-spacing',
    span: { start: colon, end: colon + 1 },
    message: 'JSON may have a space after the colon ("statusCode": 409); this pattern allows none.',
    proof: { errorMessage: proof, expected: MATCHES, actual: DOES_NOT_MATCH },
    fix: { description: 'Allow optional whitespace after the colon (\\s*).', pattern: fix },
  }
}

function letterCase(p: string, messages: string[]): Finding | undefined {
  const fix = withFlag(p, 'i')
  if (fix === p) return undefined
  const proof = messages.find((m) => missesButFixed(p, fix, m))
  if (proof === undefined) return undefined
  return {
    rule: 'letter-case',
    span: { start: 0, end: p.length },
    message:
      'The pattern differs from the message only in letter case, and matching is case-sensitive.',
    proof: { errorMessage: proof, expected: MATCHES, actual: DOES_NOT_MATCH },
    fix: { description: 'Ignore letter case: start the pattern with (?i).', pattern: fix },
  }
}

/** Already accepts anything before and after (`.*X.*`, `(?s).*X.*`, `[\s\S]*X[\s\S]*`). */
const OPEN_START = /^(\(\?[a-zA-Z]+\))?\^?(\.\*|\.\+|\[\\s\\S\]\*|\(\\n\|\.\)[*+])/
const OPEN_END = /(\.\*|\.\+|\[\\s\\S\]\*|\(\\n\|\.\)[*+])\$?$/

function partialMatch(p: string, messages: string[]): Finding | undefined {
  if (p.endsWith('$') && !p.endsWith('\\$')) return undefined
  const openStart = OPEN_START.test(p)
  const openEnd = OPEN_END.test(p)
  if (openStart && openEnd) return undefined
  const body = p.replace(/^\^/, '')
  const fix = `${openStart ? '' : '.*'}${body}${openEnd ? '' : '.*'}`
  const sample = sampleMessage(p)
  const candidates: string[] = []
  for (const m of messages) candidates.push(m)
  if (sample !== undefined && sample !== '')
    candidates.push(
      ...(openEnd ? [] : [`${sample}: token expired`]),
      ...(openStart ? [] : [`Error: ${sample}`]),
    )
  const proof = candidates.find((m) => missesButFixed(p, fix, m))
  if (proof === undefined) return undefined
  return {
    rule: 'partial-match',
    span: { start: 0, end: p.length },
    message:
      'API Gateway needs the pattern to match the whole errorMessage; this one only matches part of it.',
    proof: { errorMessage: proof, expected: MATCHES, actual: DOES_NOT_MATCH },
    fix: { description: 'Allow text around it with .* at the ends.', pattern: fix },
  }
}

const RULES = [
  bracketedWords,
  missingBackslash,
  globStar,
  jsonSpacing,
  letterCase,
  partialMatch,
  dotLineBreak,
]

/** Every pattern-level finding for one selection pattern (never throws). */
export function lintPattern(pattern: string, messages: string[]): Finding[] {
  const out: Finding[] = []
  for (const rule of RULES) {
    try {
      const f = rule(pattern, messages)
      if (f) out.push(f)
    } catch {
      // A rule that cannot read this pattern says nothing about it.
    }
  }
  return out
}

/** The whole pattern as a span. */
export const wholeSpan = (p: string): Span => ({ start: 0, end: p.length })

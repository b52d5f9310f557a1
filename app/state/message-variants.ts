/**
 * Matrix rows generated from the scenario: for the current errorMessage and for the literal text
 * of each selection pattern, the message itself and near misses that catch people out — a
 * multi-line stack (`.` stops at a line break), another letter case, extra spaces, and the
 * message without its prefix. Pure.
 */
import type { Scenario } from '../model'
import { readRules } from './scenario-edit'

/** At most this many messages go into one matrix. */
export const MAX_MATRIX_MESSAGES = 2000

/** The literal text a simple pattern such as `.*Dummy error.*` wants, or undefined. */
export function readPatternLiteral(pattern: string): string | undefined {
  const core = pattern
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/^(?:\.\*|\[\\s\\S\]\*)+/, '')
    .replace(/(?:\.\*|\[\\s\\S\]\*)+$/, '')
  let out = ''
  for (let i = 0; i < core.length; i++) {
    const ch = core[i]!
    if (ch === '\\') {
      const next = core[i + 1]
      if (next === undefined || !/[.[\](){}*+?^$|\\/-]/.test(next)) return undefined
      out += next
      i++
    } else if (/[.[\](){}*+?^$|]/.test(ch)) return undefined
    else out += ch
  }
  return out === '' ? undefined : out
}

/** The near misses of one message (the message itself first). */
export function buildNearMisses(message: string): string[] {
  const firstLine = message.split('\n')[0] ?? message
  const out = [
    message,
    `${firstLine}\n    at Runtime.handler (file:///var/task/index.mjs:2:9)`,
    message === message.toLowerCase() ? message.toUpperCase() : message.toLowerCase(),
    message.replace(/ /g, '  '),
    ` ${message} `,
  ]
  const colon = message.indexOf(': ')
  if (colon > 0) out.push(message.slice(colon + 2))
  else {
    const space = message.indexOf(' ')
    if (space > 0) out.push(message.slice(space + 1))
  }
  return out
}

/**
 * Every generated message, without duplicates, in a stable order: near misses of `subject` (the
 * string the engine's rule table matched, `simulation.rules.subject`) and of each pattern's literal.
 */
export function generateMessages(scenario: Scenario, subject: string | undefined): string[] {
  const seeds: string[] = []
  if (subject) seeds.push(subject)
  for (const rule of Object.values(readRules(scenario))) {
    const literal = readPatternLiteral(rule.selectionPattern ?? '')
    if (literal !== undefined) seeds.push(literal)
  }
  const seen = new Set<string>()
  const out: string[] = []
  for (const seed of seeds)
    for (const m of buildNearMisses(seed))
      if (m !== '' && !seen.has(m)) {
        seen.add(m)
        out.push(m)
      }
  return out
}

/** Messages as the trials text holds them: separated by a line holding only `---`. */
export function joinMessages(messages: readonly string[]): string {
  return messages.join('\n---\n')
}

/**
 * A file's messages: separated by `---` lines when it has any, else one message per line
 * (blank lines dropped), so a plain list of log lines loads as expected.
 */
export function readMessageFile(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n')
  const lines = normalized.split('\n')
  if (lines.includes('---')) {
    const messages: string[][] = [[]]
    for (const line of lines) {
      if (line === '---') messages.push([])
      else messages[messages.length - 1]!.push(line)
    }
    return messages.map((m) => m.join('\n').replace(/\n+$/, '')).filter((m) => m !== '')
  }
  return lines.filter((l) => l.trim() !== '')
}

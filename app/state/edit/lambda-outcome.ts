/** Edits of the Lambda outcome: the error payload's fields, and the trial errorMessages. */
import type { Json } from '../../model'

/** Replaces `key` in a JSON object payload, keeping the other keys and their order. */
export function writeObjectField(payload: Json, key: string, value: Json): Json {
  const base =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload : {}
  if (key in base)
    return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, k === key ? value : v]))
  return { ...base, [key]: value }
}

/**
 * Splits the trial messages text into messages: a line holding only `---` separates them, and
 * every other line (blank ones too) belongs to a message, so multi-line messages stay exact.
 */
export function splitTrialMessages(text: string): string[] {
  if (text === '') return []
  const messages: string[][] = [[]]
  for (const line of text.split('\n')) {
    if (line === '---') messages.push([])
    else messages[messages.length - 1]!.push(line)
  }
  return messages.map((lines) => lines.join('\n')).filter((m) => m !== '')
}

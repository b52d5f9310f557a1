/**
 * Display texts are made in the worker: pretty-printing a large body or event on the page's
 * thread (and cloning it across as nested objects) is what made big scenarios stutter.
 */
import type { Json, Simulation } from '../../model'
import type { SimulationDisplay } from '../../state/types'
import { clippedTraceKey } from './clipped-key'
import { formatCompactJson } from './compact-json'

/** The text without the blanks between JSON tokens (blanks inside strings stay). */
function stripJsonBlanks(text: string): string {
  let out = ''
  let from = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // a backslash escapes the next character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      out += text.slice(from, i)
      from = i + 1
    }
  }
  return out + text.slice(from)
}

/**
 * The value of a JSON text, when writing the value back gives the same text (blanks aside).
 * Otherwise a pretty view would show something the text does not say: a number JavaScript cannot
 * hold exactly (`12345678901234567890`, or a thousand digits read as Infinity and written as
 * `null`), a key given twice (the last one wins), an escape written differently.
 */
function parseFaithfully(text: string): { value: Json } | undefined {
  let value: Json
  try {
    value = JSON.parse(text) as Json
  } catch {
    return undefined
  }
  return JSON.stringify(value) === stripJsonBlanks(text) ? { value } : undefined
}

/** Pretty JSON when the text is JSON that survives the round trip, else the text unchanged. */
export function prettifyJsonText(text: string): string {
  const parsed = parseFaithfully(text)
  return parsed ? JSON.stringify(parsed.value, null, 2) : text
}

/** Compact JSON when the text is JSON (the event: headers and lists stay on one line). */
function compactJsonText(text: string): string {
  const parsed = parseFaithfully(text)
  return parsed ? formatCompactJson(parsed.value) : text
}

function toDisplayText(value: Json | undefined): Json | undefined {
  if (value === undefined || typeof value === 'string') return value
  return formatCompactJson(value)
}

/**
 * Display texts longer than this (characters) reach the page cut to this length. The panels show
 * a few thousand characters before "Show all", and copying a text across threads costs time on
 * the page's thread in proportion to its length: a 6 MB body appears in five texts (the event,
 * its pretty form, two trace stages, the event text), 38 MB that took the page 30 to 200 ms to
 * receive. `display.clipped` keeps each cut text's full length.
 */
export const DISPLAY_TEXT_LIMIT = 100_000

/** Where a clipped text was shown: a display field, the response body or a trace stage's side. */
export type ClippedTextKey =
  | 'bodyPretty'
  | 'eventText'
  | 'eventPretty'
  | 'logText'
  | 'response.body'
  | ReturnType<typeof clippedTraceKey>

/** Cuts texts past `limit`, noting the full lengths in `clipped`. */
function createClipper(limit: number) {
  const clipped: Record<string, number> = {}
  const clip = <T extends Json | undefined>(key: ClippedTextKey, text: T): T => {
    if (typeof text !== 'string' || text.length <= limit) return text
    clipped[key] = text.length
    return text.slice(0, limit) as T
  }
  return { clip, clipped }
}

/**
 * Returns the simulation with each trace entry's input and output turned into display text and
 * the parsed event dropped (its exact text stays), plus the pretty texts the panels show.
 */
export function prepareForDisplay(
  simulation: Simulation,
  limit = DISPLAY_TEXT_LIMIT,
): {
  simulation: Simulation
  display: SimulationDisplay
} {
  const { clip, clipped } = createClipper(limit)
  const { lambdaEventText, lambdaEvent } = simulation
  const eventText =
    lambdaEventText ?? (lambdaEvent === undefined ? undefined : JSON.stringify(lambdaEvent))
  const display: SimulationDisplay = {
    bodyPretty: clip('bodyPretty', prettifyJsonText(simulation.response.body)),
    eventPretty: clip(
      'eventPretty',
      eventText === undefined ? undefined : compactJsonText(eventText),
    ),
    eventText: clip('eventText', eventText),
    logText: clip('logText', simulation.log.join('\n')),
  }
  // The event crosses once, as display text; the parsed copy only when there is no text.
  const prepared: Simulation = {
    ...simulation,
    response: { ...simulation.response, body: clip('response.body', simulation.response.body) },
    lambdaEvent:
      lambdaEventText === undefined && !('eventText' in clipped) ? lambdaEvent : undefined,
    ...(lambdaEventText === undefined ? {} : { lambdaEventText: display.eventText }),
    trace: simulation.trace.map((entry, i) => ({
      ...entry,
      input: clip(clippedTraceKey(i, 'input'), toDisplayText(entry.input)),
      output: clip(clippedTraceKey(i, 'output'), toDisplayText(entry.output)),
    })),
  }
  return {
    simulation: prepared,
    display: Object.keys(clipped).length > 0 ? { ...display, clipped } : display,
  }
}

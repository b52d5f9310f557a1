/**
 * Display texts are made in the worker: pretty-printing a large body or event on the page's
 * thread (and cloning it across as nested objects) is what made big scenarios stutter.
 */
import type { Json, Simulation } from '../../model'
import type { SimulationDisplay } from '../../state/types'
import { formatCompactJson } from './compact-json'

/** Pretty JSON when the text is JSON, else the text unchanged. */
export function prettifyJsonText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** Compact JSON when the text is JSON (the event: headers and lists stay on one line). */
function compactJsonText(text: string): string {
  try {
    return formatCompactJson(JSON.parse(text))
  } catch {
    return text
  }
}

function toDisplayText(value: Json | undefined): Json | undefined {
  if (value === undefined || typeof value === 'string') return value
  return formatCompactJson(value)
}

/**
 * Returns the simulation with each trace entry's input and output turned into display text and
 * the parsed event dropped (its exact text stays), plus the pretty texts the panels show.
 */
export function prepareForDisplay(simulation: Simulation): {
  simulation: Simulation
  display: SimulationDisplay
} {
  const eventText =
    simulation.lambdaEventText ??
    (simulation.lambdaEvent === undefined ? undefined : JSON.stringify(simulation.lambdaEvent))
  return {
    simulation: {
      ...simulation,
      lambdaEvent: simulation.lambdaEventText === undefined ? simulation.lambdaEvent : undefined,
      trace: simulation.trace.map((entry) => ({
        ...entry,
        input: toDisplayText(entry.input),
        output: toDisplayText(entry.output),
      })),
    },
    display: {
      bodyPretty: prettifyJsonText(simulation.response.body),
      eventPretty: eventText === undefined ? undefined : compactJsonText(eventText),
      eventText,
      logText: simulation.log.join('\n'),
    },
  }
}

import type { Scenario } from '../model'
import type { InputsSlice } from './slices/inputs'
import type { LessonSlice } from './slices/lesson'
import type { OutputSlice } from './slices/output'
import type { UiSlice } from './slices/ui'

/** The whole store: the slices combined. */
export type AppState = InputsSlice & UiSlice & OutputSlice & LessonSlice

/** Texts the output panels show, prepared in the worker. */
export type SimulationDisplay = {
  /** The response body, pretty-printed when it is JSON. */
  bodyPretty: string
  /** The Invoke payload exactly as sent; undefined when the function was not invoked. */
  eventText: string | undefined
  /** The same, pretty-printed when it is JSON. */
  eventPretty: string | undefined
  /** The execution log as one text. */
  logText: string
  /**
   * Texts cut for display (see prepare-display.ts), with their full lengths in characters: the
   * fields above, `response.body`, and `trace.<index>.input` / `.output`.
   */
  clipped?: Readonly<Record<string, number>>
}

/** A scenario serialised in the worker, for autosave and the address bar. */
export type SerializedScenario = {
  /** The scenario this belongs to (compared by reference with the current one). */
  scenario: Scenario
  /** `JSON.stringify(scenario)`; null when too large to autosave (see AUTOSAVE_LIMIT). */
  json: string | null
  /** The share fragment, or null when the scenario is too large to mirror into the URL. */
  fragment: string | null
}

/** What the method would answer if the function threw one of the trial messages. */
export type TrialResult = {
  /** The trial errorMessage. */
  message: string
  /** The client's status code. */
  statusCode: number
  /** The integration response selected (its status key); undefined when none was. */
  selected: string | undefined
}

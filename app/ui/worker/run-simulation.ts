/**
 * What the worker does for one request: simulate under the worker's meter (a wall-time budget per
 * pattern or template, measured with the clock the worker supplies), then the trial messages;
 * and, once edits pause, serialise the scenario. Kept apart from the worker entry so it can be
 * tested in Node. Rule state comes only from the simulation's rule table.
 */
import { createEnv, simulate } from '../../engine'
import { createMeter, type Json, type Meter, type Scenario } from '../../model'
import { encodeShareState } from '../../share'
import { writeObjectField } from '../../state/scenario-edit'
import type { TrialResult } from '../../state/types'
import type { SimulateRequest, WorkerMessage } from './protocol'
import { prepareForDisplay } from './prepare-display'
import { runLesson } from './run-lesson'
import { AUTOSAVE_LIMIT, FRAGMENT_MIRROR_LIMIT, MAX_TRIALS, SIMULATION_BUDGET_MS } from './protocol'

/** A clock in milliseconds (the worker's `performance.now`), injected so tests control it. */
export type Clock = () => number

/**
 * The worker's meter for one simulation: each pattern or template may run for
 * SIMULATION_BUDGET_MS by `clock`; keys stopped in an earlier run are skipped; each evaluation is
 * announced through `onEvaluate` (the page's watchdog blames a hung worker on it).
 */
export function createWorkerMeter(
  stopped: readonly string[],
  clock: Clock,
  onEvaluate?: (key: string | null) => void,
): Meter {
  return createMeter({
    limits: { 'wall-time': SIMULATION_BUDGET_MS },
    clock,
    skip: stopped,
    ...(onEvaluate ? { onEvaluate } : {}),
  })
}

/**
 * Simulates the scenario as if the function had thrown `message`: the same error payload with
 * only its errorMessage replaced (a result or failure outcome becomes a plain unhandled Error).
 */
export function runTrial(scenario: Scenario, message: string, meter: Meter): TrialResult {
  const lambda = scenario.lambda
  const payload: Json =
    lambda.kind === 'error'
      ? writeObjectField(lambda.payload, 'errorMessage', message)
      : { errorType: 'Error', errorMessage: message }
  const functionError = lambda.kind === 'error' ? lambda.functionError : 'Unhandled'
  const trial: Scenario = {
    ...scenario,
    lambda: { kind: 'error', payload, ...(functionError ? { functionError } : {}) },
  }
  const simulation = simulate(trial, createEnv({ meter }))
  return {
    message,
    statusCode: simulation.response.statusCode,
    selected: simulation.rules.rules.find((r) => r.selected)?.statusCode,
  }
}

/**
 * The scenario simulated under `meter` and prepared for display, as the response panel shows it.
 * The worker and the page's own quick answer (speculate.ts) both make it here.
 */
export function simulateForDisplay(
  scenario: Scenario,
  meter: Meter,
): ReturnType<typeof prepareForDisplay> {
  return prepareForDisplay(simulate(scenario, createEnv({ meter })))
}

/**
 * Runs one request, announcing each evaluation through `post` before it starts. The response is
 * posted the moment the simulation is done (its rule table is the rule state the page shows);
 * the trials follow in their own message, so they never delay what the response panel shows.
 */
export function runSimulation(
  request: SimulateRequest,
  post: (m: WorkerMessage) => void,
  clock: Clock,
): void {
  const { seq, scenario, stopped, trials } = request
  const onEvaluate = (key: string | null) => post({ type: 'evaluate', seq, key })
  const answer = simulateForDisplay(scenario, createWorkerMeter(stopped, clock, onEvaluate))
  post({ type: 'result', seq, ...answer })
  runLesson(request, post, () => createWorkerMeter(stopped, clock, onEvaluate), clock, onEvaluate)
  const trialResults = trials
    .slice(0, MAX_TRIALS)
    .map((message) => runTrial(scenario, message, createWorkerMeter(stopped, clock, onEvaluate)))
  post({ type: 'trials', seq, trials: trialResults })
}

/**
 * The scenario as autosave text (null when too large to save) and as a share fragment (null when
 * too large to mirror).
 */
export function serializeScenario(scenario: Scenario): {
  json: string | null
  fragment: string | null
} {
  const json = JSON.stringify(scenario)
  const fragment = json.length > FRAGMENT_MIRROR_LIMIT ? null : encodeShareState({ scenario })
  return { json: json.length > AUTOSAVE_LIMIT ? null : json, fragment }
}

/** Timers, injected so tests control time. */
export type SerializerTimers = {
  setTimer: (callback: () => void, ms: number) => unknown
  clearTimer: (handle: unknown) => void
}

/**
 * Serialises only the latest request's scenario, once requests pause for `delayMs`: stringifying
 * and compressing on every keystroke would delay the next answer for text nobody reads yet.
 */
export function createSerializer(
  post: (m: WorkerMessage) => void,
  delayMs: number,
  timers: SerializerTimers,
): { schedule: (request: SimulateRequest) => void } {
  let timer: unknown
  let pending = false
  return {
    schedule: ({ seq, scenario }) => {
      if (pending) timers.clearTimer(timer)
      pending = true
      timer = timers.setTimer(() => {
        pending = false
        post({ type: 'serialized', seq, ...serializeScenario(scenario) })
      }, delayMs)
    },
  }
}

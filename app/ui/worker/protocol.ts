/** Messages between the page and the simulation worker. Plain JSON, so they survive postMessage. */
import type { Scenario, Simulation } from '../../model'
import type { CompareResult } from '../../state/lesson'
import type { MatrixAnswer } from '../../state/slices/lesson'
import type { SimulationDisplay, TrialResult } from '../../state/types'

/** The page's own answer, shown before the worker's (see speculate.ts). */
export type Speculation = {
  simulation: Simulation
  display: SimulationDisplay
}

/** Page → worker: simulate this scenario. */
export type SimulateRequest = {
  seq: number
  scenario: Scenario
  /** Evaluation keys (editor ids) not to run again: they exceeded the budget before. */
  stopped: string[]
  /** Other errorMessages to try against the same configuration. */
  trials: string[]
  /** What the compare view and the outcome matrix need (absent: nothing). */
  lesson?: LessonRequest
}

/** The compare view's and the matrix's part of a request. */
export type LessonRequest = {
  /** Simulate the three integration variants and the outcome table. */
  compare: boolean
  /** The matrix's errorMessages; null or empty: no matrix. */
  matrix: string[] | null
}

/**
 * Worker → page, in the order a run sends them. `ready`: the worker's code has loaded (the
 * budget starts then, so a slow first load is not mistaken for a runaway pattern); `evaluate`
 * announces the pattern/template about to run, or with `null` that no untrusted code is running
 * (so slow ordinary work on a busy machine is never blamed on a pattern). A run answers with
 * `result` as soon as the simulation is done (what the response panel shows, rule table
 * included), then `trials`, which ends the run. `serialized` is not part of
 * a run: the worker sends it once edits pause (see SERIALIZE_DELAY_MS), for the latest request.
 */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'evaluate'; seq: number; key: string | null }
  | {
      type: 'result'
      seq: number
      /** Prepared for display: trace inputs/outputs are text (see prepare-display.ts). */
      simulation: Simulation
      display: SimulationDisplay
    }
  | { type: 'trials'; seq: number; trials: TrialResult[] }
  /** Sent before `trials` when the request asked for it (see run-lesson.ts). */
  | { type: 'compare'; seq: number; compare: CompareResult }
  | { type: 'matrix'; seq: number; matrix: MatrixAnswer }
  | {
      type: 'serialized'
      seq: number
      /**
       * `JSON.stringify(scenario)` (null past AUTOSAVE_LIMIT: it would not be saved, and sending
       * megabytes costs the page's thread), and its share fragment (null when too large to mirror).
       */
      json: string | null
      fragment: string | null
    }

/**
 * How long the worker waits after the latest request before serialising its scenario for the
 * autosave and the address bar (JSON text and the compressed share fragment). While someone types,
 * no keystroke pays for it; the page's own writes wait longer (300 and 500 ms), so they normally
 * find this copy ready.
 */
export const SERIALIZE_DELAY_MS = 150

/**
 * Scenarios larger than this (JSON characters) are not mirrored into the address bar: such links
 * are too long to paste anyway. The URL then loses its fragment, so a reload restores the
 * autosave rather than an older link.
 */
export const FRAGMENT_MIRROR_LIMIT = 64 * 1024

/** Autosaves longer than this (characters) are not written: no browser's storage quota holds them. */
export const AUTOSAVE_LIMIT = 4_000_000

/** At most this many trial messages are simulated per change. */
export const MAX_TRIALS = 20

/**
 * How long the worker may go without answering while no pattern or template is running, before
 * the run is abandoned (the engine itself is stuck, or the machine is overloaded).
 */
export const IDLE_LIMIT_MS = 5000

/**
 * The time budget of one pattern or template evaluation, in milliseconds: the worker's meter
 * stops an evaluation past it (wall-time limit), and the page's watchdog terminates a worker
 * that stays silent past it while an evaluation runs (code the meter cannot interrupt).
 */
export const SIMULATION_BUDGET_MS = 250

/**
 * How long the page's watchdog lets an evaluation run before it terminates the worker. The
 * worker's own meter stops a pattern or template at SIMULATION_BUDGET_MS and reports it; the
 * watchdog is the backstop for code the meter cannot interrupt, so it allows four times as long:
 * on a busy machine the worker's "done" message can wait behind other work on the page's thread,
 * and a finished evaluation must not be taken for a hung one.
 */
export const WATCHDOG_BUDGET_MS = 4 * SIMULATION_BUDGET_MS

/**
 * The time budget of a whole outcome matrix (it runs as one evaluation): a thousand messages take
 * milliseconds, but a busy machine's first run is much slower than that.
 */
export const MATRIX_BUDGET_MS = 3000

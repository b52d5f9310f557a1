/** Messages between the page and the simulation worker. Plain JSON, so they survive postMessage. */
import type { Scenario, Simulation } from '../../model'
import type { RuleCheck } from '../../state/types'

export type { RuleCheck }

/** Page → worker: simulate this scenario. */
export type SimulateRequest = {
  seq: number
  scenario: Scenario
  /** Evaluation keys not to run again (they exceeded the budget before). */
  stopped: string[]
}

/**
 * Worker → page. `ready`: the worker's code has loaded (the budget starts then, so a slow first
 * load is not mistaken for a runaway pattern); `evaluate` announces the pattern/template about
 * to run.
 */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'evaluate'; seq: number; key: string }
  | { type: 'result'; seq: number; simulation: Simulation; checks: Record<string, RuleCheck> }

/** The time budget of one simulation, in milliseconds. */
export const SIMULATION_BUDGET_MS = 250

/** The message shown on a pattern or template that was stopped. */
export const STOPPED_MESSAGE = 'stopped: exceeded time budget'

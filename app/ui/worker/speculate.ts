/**
 * The page's own quick answer. A worker's reply always waits behind the frame the keystroke
 * started (the editor's rendering, then the browser's), which alone takes longer than the 16 ms
 * a keystroke may cost. So the page first runs the same simulation itself under a meter with a
 * small work allowance: the regex interpreter and the VTL renderer charge every step to it and
 * the whole run gives up past it (a native RegExp, which cannot be stopped, is never used under
 * a budget). When the allowance suffices, which it does for every ordinary scenario, the
 * response and its rule table are shown in the keystroke's own task; when it does not, or the
 * scenario is large, the page waits for the worker as before. Either way the worker still runs
 * everything under its own meter.
 *
 * Loaded lazily (it carries the engine), so the first paint never waits for it.
 */
import { createMeter, type Meter, type Scenario } from '../../model'
import type { Speculation } from './protocol'
import { fitsTextBudget } from './text-size'
import { simulateForDisplay } from './run-simulation'

/**
 * The page's meter: SPECULATION_WORK units for the whole run, no clock (the page never times a
 * run; the allowance is counted work), and the worker's stopped keys skipped as the worker does.
 */
export function createSpeculationMeter(stopped: readonly string[]): Meter {
  return createMeter({ limits: { work: SPECULATION_WORK }, skip: stopped })
}

/**
 * Work units a speculative run may spend (a regex interpreter step, a template step, 16
 * characters of template text). Every preset needs at most 532, and a pattern typed one
 * character past a match (`.*Dummy error.*x`: backtracking, then the mismatch explanation) up to
 * about 16,000 on most presets' messages (37,000 on the JSON-message preset, which the worker
 * then answers); a run that gives up (a catastrophic pattern, an endless
 * template) costs a few milliseconds. It was 50,000: a give-up then cost 5-30 ms inside the
 * keystroke's task, on top of the editor's own work, which took that task past 50 ms on a slow
 * machine.
 */
export const SPECULATION_WORK = 20_000

/** Scenarios with more text than this (characters), or nested deeper, go to the worker only. */
export const SPECULATION_MAX_TEXT = 32 * 1024
export const SPECULATION_MAX_DEPTH = 64

/** Whether `value` stays within the text and depth limits (see fitsTextBudget). */
function isSmall(value: unknown): boolean {
  return fitsTextBudget(value, SPECULATION_MAX_TEXT, SPECULATION_MAX_DEPTH)
}

/**
 * Simulates `scenario` as the worker would (same engine, same deterministic env, same `stopped`
 * keys) within the work allowance; undefined when it cannot answer for sure.
 */
export function speculate(scenario: Scenario, stopped: readonly string[]): Speculation | undefined {
  if (!isSmall(scenario)) return undefined
  try {
    const meter = createSpeculationMeter(stopped)
    const answer = simulateForDisplay(scenario, meter)
    return meter.gaveUp ? undefined : answer
  } catch {
    // Never the page's problem: the worker answers (and reports) instead.
    return undefined
  }
}

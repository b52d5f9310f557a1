/** The injected, non-deterministic inputs of a simulation. */
import { createMeter, type Meter } from '../model'

/** Everything non-deterministic the engine needs, injected. */
export type EngineEnv = {
  /** Current time, epoch milliseconds. */
  now: () => number
  /** Next request id (UUID text). Called in a fixed order, so a seeded generator is deterministic. */
  nextId: () => string
  region: string
  accountId: string
  apiId: string
  /**
   * Counts every limit of the run (regex steps, template steps, loop iterations and output,
   * response size, work, wall time), made by the caller with `createMeter`. Each pattern or
   * template is evaluated through `meter.evaluate(<editor id>, …)`, which announces it, skips it
   * when it was stopped in an earlier run, and stops it past the meter's wall-time budget.
   */
  meter: Meter
  /**
   * `false`: selection patterns that do not match are not explained in words (the outcome is
   * the same). Batch callers that show no explanation set it; default true.
   */
  explainMismatches?: boolean
  /**
   * `false`: the scenario's own checks (validateScenario) are left out of the diagnostics; they
   * never change the response. Batch callers that read only the response set it; default true.
   */
  checkScenario?: boolean
}

/**
 * A deterministic env (fixed clock, counter-based ids) for tests and the UI, with a meter that
 * has the default limits and no budget unless `overrides.meter` gives one.
 */
export function createEnv(overrides: Partial<EngineEnv> = {}): EngineEnv {
  let n = 0
  return {
    now: () => Date.UTC(2026, 0, 1, 12, 0, 0),
    nextId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    region: 'us-east-1',
    accountId: '123456789012',
    apiId: 'a1b2c3d4e5',
    meter: createMeter(),
    ...overrides,
  }
}

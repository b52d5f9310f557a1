/** The injected, non-deterministic inputs of a simulation. */

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
   * Evaluation keys (`pattern:<statusCode>`, `template:<editorId>`) that exceeded the time budget
   * in an earlier run: the engine does not evaluate them and reports
   * "stopped: exceeded time budget" as their outcome.
   */
  stopped?: readonly string[]
  /** Called with an evaluation key just before a pattern or template is evaluated. */
  onEvaluate?: (key: string) => void
  /**
   * `false`: selection patterns that do not match are not explained in words (the outcome is
   * the same). Batch callers that show no explanation set it; default true.
   */
  explainMismatches?: boolean
}

/** A deterministic env (fixed clock, counter-based ids) for tests and the UI. */
export function createEnv(overrides: Partial<EngineEnv> = {}): EngineEnv {
  let n = 0
  return {
    now: () => Date.UTC(2026, 0, 1, 12, 0, 0),
    nextId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    region: 'us-east-1',
    accountId: '123456789012',
    apiId: 'a1b2c3d4e5',
    ...overrides,
  }
}

/** The outcome text shown for an evaluation skipped because of the time budget. */
export const STOPPED_OUTCOME = 'stopped: exceeded time budget'

/** Asks the budget hooks whether `key` may run; reports it to `onEvaluate` when it may. */
export function mayEvaluate(env: EngineEnv, key: string): boolean {
  if (env.stopped && env.stopped.includes(key)) return false
  env.onEvaluate?.(key)
  return true
}

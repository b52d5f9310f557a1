/**
 * The simulation engine: the public surface of `app/engine/`.
 * PLACEHOLDER: the signatures below are the contract; the implementation is being written
 * (issues 3 and 6).
 */
import type { Diagnostic, Scenario, Simulation } from '../model'

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

/** Checks untrusted JSON (an import, a share link) and returns a scenario or diagnostics. */
export function validateScenario(value: unknown): {
  scenario?: Scenario
  diagnostics: Diagnostic[]
} {
  return { scenario: value as Scenario, diagnostics: [] }
}

/** Runs one request through API Gateway and Lambda. Pure, synchronous, never throws. */
export function simulate(scenario: Scenario, env: EngineEnv): Simulation {
  void scenario
  void env
  return {
    response: { statusCode: 500, headers: [], body: 'engine not implemented yet' },
    trace: [],
    log: [],
    lambdaEvent: undefined,
    diagnostics: [],
  }
}

/**
 * Runs loaded conformance cases through `simulate` with a fresh deterministic env each, and
 * compares the outcome. Pure; the CLI and the Vitest gate print or assert the outcomes.
 */
import type { ConformanceCase, Simulation } from '../../model'
import { createEnv, simulate, type EngineEnv } from '../index'
import { compareDiagnostics, compareExpectation, type Mismatch } from './compare'
import type { LoadedCase } from './load-cases'

/** The outcome of one case. */
export type CaseOutcome = {
  id: string
  file: string
  passed: boolean
  mismatches: Mismatch[]
  /** Set when `simulate` threw, which it must never do. */
  crash?: string
}

/** The engine entry point, injectable for tests of the runner itself. */
export type Simulate = (scenario: ConformanceCase, env: EngineEnv) => Simulation

/** Runs one case; an exception from the engine becomes a failed outcome, never a crash. */
export function runCase(loaded: LoadedCase, run: Simulate = simulate): CaseOutcome {
  const { conformanceCase: c, file } = loaded
  let sim: Simulation
  try {
    sim = run(c, createEnv())
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return { id: c.id, file, passed: false, mismatches: [], crash: text }
  }
  let mismatches: Mismatch[]
  try {
    mismatches = compareExpectation(c.expect, sim)
    if (loaded.expectDiagnostics) {
      mismatches.push(...compareDiagnostics(loaded.expectDiagnostics, sim.diagnostics))
    }
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    return { id: c.id, file, passed: false, mismatches: [], crash: `malformed simulation: ${text}` }
  }
  return { id: c.id, file, passed: mismatches.length === 0, mismatches }
}

/** One readable line for a failing case: its id and what differed. */
export function formatOutcome(outcome: CaseOutcome): string {
  const what = outcome.crash
    ? `simulate threw ${outcome.crash}`
    : outcome.mismatches.map((m) => m.message).join(' | ')
  return `FAIL ${outcome.id}: ${what}`
}

/**
 * Our `simulate` on the seed scenarios: the recorded seed cases of the shared conformance suite
 * (the seed article's handler behind a Lambda proxy integration, exactly as AWS was recorded)
 * and every preset a visitor starts from (app/state/presets.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createEnv, simulate } from '../../app/engine'
import type { Scenario } from '../../app/model'
import { PRESETS } from '../../app/state/presets'
import { medianMicros } from './timing'

/** One timed scenario: where it comes from, the status it gave (and AWS's, when recorded). */
export type SimulateRow = {
  /** `case:<id>` for a recorded conformance case, `preset:<id>` for a preset. */
  scenario: string
  status: number
  /** The status AWS gave, for a recorded case. */
  expectedStatus?: number
  medianMicros: number
}

/** Median µs of one simulation, per seed scenario. */
export type SimulateBench = SimulateRow[]

/** The recorded seed cases timed first: the seed proxy scenario is the budget's subject. */
const SEED_CASES = ['seed-proxy-error-502', 'seed-proxy-success']

type RecordedCase = Scenario & { id: string; expect: { statusCode: number } }

function seedCases(conformance: string | undefined): RecordedCase[] {
  const file = conformance && join(conformance, 'cases/docs.json')
  if (!file || !existsSync(file)) return []
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as
    RecordedCase[] | { cases: RecordedCase[] }
  const cases = Array.isArray(parsed) ? parsed : parsed.cases
  return SEED_CASES.flatMap((id) => cases.filter((c) => c.id === id))
}

/** Times one scenario (a fresh env per call, as the worker does per keystroke). */
function time(scenario: Scenario): { status: number; medianMicros: number } {
  return {
    status: simulate(scenario, createEnv()).response.statusCode,
    medianMicros: medianMicros(() => simulate(scenario, createEnv()), 2000, 500),
  }
}

/** Times the recorded seed cases (when the shared corpus is present) and every preset. */
export function benchSimulate(conformance: string | undefined): SimulateBench {
  const recorded = seedCases(conformance).map((c) => {
    const { setup, request, lambda } = c
    return {
      scenario: `case:${c.id}`,
      expectedStatus: c.expect.statusCode,
      ...time({ setup, request, lambda }),
    }
  })
  const presets = PRESETS.map(({ id, scenario }) => ({
    scenario: `preset:${id}`,
    ...time(scenario),
  }))
  return [...recorded, ...presets]
}

/** Our `simulate` on the seed scenarios (the presets a visitor starts from). */
import { createEnv, simulate } from '../../app/engine'
import { PRESETS } from '../../app/state/presets'
import { medianMicros } from './timing'

/** Median µs of one simulation, per preset. */
export type SimulateBench = { preset: string; status: number; medianMicros: number }[]

/** Times each preset's simulation (a fresh env per call, as the UI does per keystroke). */
export function benchSimulate(): SimulateBench {
  return PRESETS.map(({ id, scenario }) => ({
    preset: id,
    status: simulate(scenario, createEnv()).response.statusCode,
    medianMicros: medianMicros(() => simulate(scenario, createEnv()), 2000, 500),
  }))
}

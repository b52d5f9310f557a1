/**
 * The output slice: a cache of the latest simulation, derived from the scenario by the
 * simulation runner (the only writer). It is never edited by the person.
 */
import type { StateCreator } from 'zustand'
import type { LessonSlice } from './lesson'
import type { Simulation } from '../../model'
import type { AppState, SerializedScenario, SimulationDisplay, TrialResult } from '../types'

/** The output slice's state and its single writer. */
export type OutputSlice = {
  /** Latest simulation of the current scenario; undefined until the first answer. */
  simulation: Simulation | undefined
  /** Display texts of that simulation. */
  display: SimulationDisplay | undefined
  /** The scenario serialised by the worker, when it has caught up with the latest edit. */
  serialized: SerializedScenario | undefined
  /** How each trial errorMessage fared. */
  trials: TrialResult[]
  /** Evaluation keys stopped for exceeding the time budget in the latest run. */
  stopped: readonly string[]
  /** True while a newer scenario is being simulated. */
  pending: boolean
  /** Written by the simulation runner only. */
  receiveOutput: (
    output: Partial<
      Pick<
        OutputSlice,
        'simulation' | 'display' | 'serialized' | 'trials' | 'stopped' | 'pending'
      > &
        Pick<LessonSlice, 'compare' | 'matrix'>
    >,
  ) => void
}

/** Creates the output slice. */
export const createOutputSlice: StateCreator<AppState, [], [], OutputSlice> = (set) => ({
  simulation: undefined,
  display: undefined,
  serialized: undefined,
  trials: [],
  stopped: [],
  pending: true,
  receiveOutput: (output) => set(output),
})

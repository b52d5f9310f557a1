/**
 * The lesson slice: the compare view and the outcome matrix. Whether the compare view is open is
 * the person's choice; the results are written by the simulation runner only, like the output
 * slice, and never edited.
 */
import type { StateCreator } from 'zustand'
import type { CompareResult } from '../lesson'
import type { MatrixResult } from '../matrix'
import type { AppState } from '../types'

/** The matrix as the worker answered it. */
export type MatrixAnswer =
  | {
      kind: 'ok'
      result: MatrixResult
      /** Time the worker spent computing it, milliseconds. */
      elapsedMs: number
    }
  | {
      /** It ran past its time budget (a pattern backtracks badly on some message). */
      kind: 'stopped'
    }

/** The lesson slice's state and actions. */
export type LessonSlice = {
  /** Whether the compare view (and its outcome table) is shown and computed. */
  compareOpen: boolean
  setCompareOpen: (open: boolean) => void
  /** Latest compare view of the current scenario; undefined while closed or not yet answered. */
  compare: CompareResult | undefined
  /** Latest matrix of the trial messages; undefined when there are none. */
  matrix: MatrixAnswer | undefined
}

/** Creates the lesson slice. */
export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set) => ({
  compareOpen: false,
  setCompareOpen: (compareOpen) => set({ compareOpen }),
  compare: undefined,
  matrix: undefined,
})

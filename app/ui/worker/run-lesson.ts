/**
 * The worker's part of the compare view and the outcome matrix: both are plain engine runs
 * (state/lesson.ts, state/matrix.ts). The compare view's simulations announce each pattern and
 * template like any run; the matrix runs as one evaluation under its own key, so a thousand
 * messages cost a thousand announcements less, and a matrix that runs too long is stopped as a
 * whole (its key changes with its messages and patterns, so an edit runs it again).
 */
import { createEnv } from '../../engine'
import { createMeter, type Meter } from '../../model'
import { runCompare } from '../../state/lesson'
import {
  computeMatrix,
  createMatrixStatusCache,
  readCachedStatuses,
  readMatrixKey,
} from '../../state/matrix'
import type { SimulateRequest, WorkerMessage } from './protocol'

/**
 * The rules' statuses of the latest matrix's scenario: while only its messages are edited, a new
 * matrix reuses them (see computeMatrix).
 */
const matrixStatuses = createMatrixStatusCache()

/**
 * Runs what `request.lesson` asks for, posting `compare` then `matrix`. `workerMeter` makes the
 * meter of one ordinary run (the worker's, with its time budget); `clock` times the matrix.
 */
export function runLesson(
  request: SimulateRequest,
  post: (m: WorkerMessage) => void,
  workerMeter: () => Meter,
  clock: () => number,
  onEvaluate: (key: string | null) => void,
): void {
  const { lesson, seq, scenario, stopped } = request
  if (!lesson) return
  if (lesson.compare) {
    const compare = runCompare(scenario, () => createEnv({ meter: workerMeter() }))
    post({ type: 'compare', seq, compare })
  }
  const messages = lesson.matrix
  if (!messages || messages.length === 0) return
  const key = readMatrixKey(scenario, messages)
  if (stopped.includes(key)) {
    post({ type: 'matrix', seq, matrix: { kind: 'stopped' } })
    return
  }
  onEvaluate(key)
  const started = clock()
  // The env's only input is the stopped keys: with the scenario, they decide every status.
  const statuses = readCachedStatuses(matrixStatuses, JSON.stringify([stopped, scenario]))
  // Inside the matrix, earlier stops are still skipped; the page's watchdog bounds its time.
  const result = computeMatrix(
    scenario,
    messages,
    () => createEnv({ meter: createMeter({ skip: stopped }) }),
    statuses,
  )
  const elapsedMs = clock() - started
  onEvaluate(null)
  post({ type: 'matrix', seq, matrix: { kind: 'ok', result, elapsedMs } })
}

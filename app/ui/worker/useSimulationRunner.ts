/**
 * Keeps the output slice in step with the scenario: every scenario change is simulated in the
 * worker and the newest answer is written to the store.
 */
import { useEffect } from 'react'
import type { AppStore } from '../../state/store'
import type { OutputSlice } from '../../state/slices/output'
import { splitTrialMessages } from '../../state/scenario-edit'
import type { AppState } from '../../state/types'
import type { LessonRequest } from './protocol'
import { createSimulationRunner, type RunnerOutput, type WorkerLike } from './simulation-runner'
import { isSmallText } from './text-size'
import type { speculate as Speculate } from './speculate'

type Speculator = typeof Speculate

/**
 * The response is marked busy only when an answer takes longer than this: flagging every
 * keystroke would re-render the response panel in the keystroke's own task, delaying the answer.
 */
const PENDING_DELAY_MS = 150

function createSimulationWorker(): WorkerLike {
  const worker = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' })
  // The DOM typing of onmessage is wider than the runner needs; the shapes agree at runtime.
  return worker as unknown as WorkerLike
}

type StoreOutput = Parameters<OutputSlice['receiveOutput']>[0]

/** What the compare view and the matrix need from the worker for this state. */
export function readLessonRequest(state: AppState, messages: string[]): LessonRequest {
  return { compare: state.compareOpen, matrix: messages.length > 0 ? messages : null }
}

/**
 * The store update for one runner output; a new response (or none) ends `pending`. Trials and
 * stopped keys equal to what the store holds are left out, so the panels reading
 * them do not re-render on every keystroke for the same content.
 */
export function toStoreOutput(output: RunnerOutput, current?: OutputSlice): StoreOutput {
  const { trials, stopped, ...rest } = output
  const changed = <T>(next: T | undefined, held: T | undefined) =>
    next !== undefined && (held === undefined || JSON.stringify(next) !== JSON.stringify(held))
  return {
    ...rest,
    ...(changed(trials, current?.trials) ? { trials } : {}),
    ...(changed(stopped, current?.stopped) ? { stopped } : {}),
    ...('simulation' in output ? { pending: false } : {}),
  }
}

/** Starts the runner for the store's lifetime in the component that calls it. */
export function useSimulationRunner(store: AppStore): void {
  useEffect(() => {
    let pendingTimer: ReturnType<typeof setTimeout> | undefined
    let postTimer: ReturnType<typeof setTimeout> | undefined
    // The page's own quick answer carries the engine: it loads after the first paint.
    let speculate: Speculator | undefined
    let disposed = false
    import('./speculate').then(
      (m) => {
        speculate = m.speculate
        // One run in a task of its own, answer discarded: the first run of the engine's code is
        // several times slower than the next (nothing compiled yet), and would otherwise land
        // in the first keystroke's task.
        setTimeout(() => {
          if (!disposed) m.speculate(store.getState().scenario, [])
        }, 0)
      },
      () => {
        // Not loaded (e.g. the chunk failed to arrive): the worker answers every change alone.
      },
    )
    const runner = createSimulationRunner({
      createWorker: createSimulationWorker,
      speculate: (scenario, stopped) => speculate?.(scenario, stopped),
      onOutput: (output) => {
        if ('simulation' in output && pendingTimer !== undefined) {
          clearTimeout(pendingTimer)
          pendingTimer = undefined
        }
        const state = store.getState()
        const update = toStoreOutput(output, state)
        if (Object.keys(update).length > 0) state.receiveOutput(update)
      },
    })
    const runWith = (state: AppState) => {
      const messages = splitTrialMessages(state.trialMessages)
      runner.run(state.scenario, messages, readLessonRequest(state, messages))
    }
    const schedule = (state: AppState) => {
      if (postTimer !== undefined) clearTimeout(postTimer)
      postTimer = undefined
      // A large scenario goes to the worker in a task of its own, not the one that changed it
      // (and renders the change); a small one at once, so a keystroke loses no time.
      if (isSmallText(state.scenario)) return runWith(state)
      postTimer = setTimeout(() => {
        postTimer = undefined
        if (!disposed) runWith(store.getState())
      }, 0)
    }
    runWith(store.getState())
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.scenario !== previous.scenario ||
        state.trialMessages !== previous.trialMessages ||
        state.compareOpen !== previous.compareOpen
      ) {
        // Armed before running: the page's own answer, delivered within `run`, disarms it.
        if (!state.pending && pendingTimer === undefined) {
          pendingTimer = setTimeout(() => {
            pendingTimer = undefined
            store.getState().receiveOutput({ pending: true })
          }, PENDING_DELAY_MS)
        }
        schedule(state)
      }
    })
    return () => {
      disposed = true
      if (pendingTimer !== undefined) clearTimeout(pendingTimer)
      if (postTimer !== undefined) clearTimeout(postTimer)
      unsubscribe()
      runner.dispose()
    }
  }, [store])
}

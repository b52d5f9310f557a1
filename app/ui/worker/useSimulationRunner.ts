/**
 * Keeps the output slice in step with the scenario: every scenario change is simulated in the
 * worker and the newest answer is written to the store.
 */
import { useEffect } from 'react'
import type { AppStore } from '../../state/store'
import { splitTrialMessages } from '../../state/scenario-edit'
import { createSimulationRunner, type WorkerLike } from './simulation-runner'

function createSimulationWorker(): WorkerLike {
  const worker = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' })
  // The DOM typing of onmessage is wider than the runner needs; the shapes agree at runtime.
  return worker as unknown as WorkerLike
}

/** Starts the runner for the store's lifetime in the component that calls it. */
export function useSimulationRunner(store: AppStore): void {
  useEffect(() => {
    const runner = createSimulationRunner({
      createWorker: createSimulationWorker,
      onOutput: ({ simulation, display, serialized, trials, checks, stopped }) =>
        store.getState().receiveOutput({
          simulation,
          display,
          serialized,
          trials,
          matches: checks,
          stopped,
          pending: false,
        }),
    })
    const { scenario, trialMessages } = store.getState()
    runner.run(scenario, splitTrialMessages(trialMessages))
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.scenario !== previous.scenario || state.trialMessages !== previous.trialMessages) {
        if (!state.pending) state.receiveOutput({ pending: true })
        runner.run(state.scenario, splitTrialMessages(state.trialMessages))
      }
    })
    return () => {
      unsubscribe()
      runner.dispose()
    }
  }, [store])
}

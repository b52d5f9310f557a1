/// <reference lib="webworker" />
/** The simulation worker: untrusted patterns and templates run here, never on the page's thread. */
import type { SimulateRequest, WorkerMessage } from './protocol'
import { runSimulation } from './run-simulation'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<SimulateRequest>) => {
  runSimulation(event.data, (message: WorkerMessage) => scope.postMessage(message))
}

scope.postMessage({ type: 'ready' } satisfies WorkerMessage)

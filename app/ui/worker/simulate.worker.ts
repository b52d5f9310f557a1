/// <reference lib="webworker" />
/** The simulation worker: untrusted patterns and templates run here, never on the page's thread. */
import type { SimulateRequest, WorkerMessage } from './protocol'
import { SERIALIZE_DELAY_MS } from './protocol'
import { createSerializer, runSimulation } from './run-simulation'

const scope = self as unknown as DedicatedWorkerGlobalScope
const post = (message: WorkerMessage) => scope.postMessage(message)
const serializer = createSerializer(post, SERIALIZE_DELAY_MS, {
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
})

scope.onmessage = (event: MessageEvent<SimulateRequest>) => {
  runSimulation(event.data, post, () => performance.now())
  serializer.schedule(event.data)
}

scope.postMessage({ type: 'ready' } satisfies WorkerMessage)

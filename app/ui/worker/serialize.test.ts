import { describe, expect, it } from 'vitest'
import { createMeter, type Scenario } from '../../model'
import { decodeShareState } from '../../share'
import { createDefaultScenario } from '../../state/presets'
import { reviseScenario } from '../../state/scenario-edit'
import { createAppStore } from '../../state/store'
import type { SimulateRequest, WorkerMessage } from './protocol'
import { AUTOSAVE_LIMIT, FRAGMENT_MIRROR_LIMIT } from './protocol'
import { createSerializer, serializeScenario, simulateForDisplay } from './run-simulation'
import { createSimulationRunner, type RunnerOutput, type WorkerLike } from './simulation-runner'
import { toStoreOutput } from './useSimulationRunner'

const request = (seq: number, scenario: Scenario): SimulateRequest => ({
  seq,
  scenario,
  stopped: [],
  trials: [],
})

const withPath = (path: string): Scenario =>
  reviseScenario(createDefaultScenario(), (d) => {
    d.request.path = path
  })

describe('worker serializer', () => {
  it('serialises only the latest request, once requests pause', () => {
    const posted: WorkerMessage[] = []
    const timers = new Map<number, () => void>()
    let next = 0
    const serializer = createSerializer((m) => posted.push(m), 150, {
      setTimer: (cb) => (timers.set(++next, cb), next),
      clearTimer: (h) => timers.delete(h as number),
    })
    serializer.schedule(request(1, withPath('/a')))
    serializer.schedule(request(2, withPath('/b')))
    serializer.schedule(request(3, withPath('/c')))
    expect(posted).toEqual([])
    expect(timers.size).toBe(1)
    for (const cb of timers.values()) cb()
    expect(posted).toHaveLength(1)
    const message = posted[0]!
    if (message.type !== 'serialized') throw new Error(message.type)
    expect(message.seq).toBe(3)
    expect(JSON.parse(message.json ?? 'null')).toEqual(withPath('/c'))
    const decoded = decodeShareState(message.fragment!)
    expect(decoded.ok && decoded.value.scenario).toEqual(withPath('/c'))
  })

  it('leaves the fragment out when the scenario is too large to mirror', () => {
    const big = reviseScenario(createDefaultScenario(), (d) => {
      d.request.body = 'x'.repeat(FRAGMENT_MIRROR_LIMIT)
    })
    expect(serializeScenario(big).fragment).toBeNull()
    expect(serializeScenario(createDefaultScenario()).fragment).toMatch(/^v\d+\./)
  })

  it('leaves the JSON out when the scenario is too large to autosave', () => {
    const big = reviseScenario(createDefaultScenario(), (d) => {
      d.request.body = 'x'.repeat(AUTOSAVE_LIMIT)
    })
    expect(serializeScenario(big).json).toBeNull()
    expect(serializeScenario(createDefaultScenario()).json).toBe(
      JSON.stringify(createDefaultScenario()),
    )
  })
})

describe('runner and serialized copies', () => {
  it('delivers a serialized copy only for the latest request, with its scenario', () => {
    const outputs: RunnerOutput[] = []
    let worker: WorkerLike | undefined
    const runner = createSimulationRunner({
      createWorker: () => {
        worker = { onmessage: null, postMessage: () => {}, terminate: () => {} }
        return worker
      },
      onOutput: (o) => outputs.push(o),
      setTimer: () => 0,
      clearTimer: () => {},
    })
    const scenario = withPath('/x')
    runner.run(scenario)
    const send = (data: WorkerMessage) => worker!.onmessage!({ data })
    send({ type: 'serialized', seq: 7, json: '{}', fragment: null })
    expect(outputs).toEqual([])
    send({ type: 'serialized', seq: 1, json: '{"a":1}', fragment: 'v1.x' })
    expect(outputs).toEqual([{ serialized: { scenario, json: '{"a":1}', fragment: 'v1.x' } }])
  })

  it('drops the parts of a run that a newer scenario overtook', () => {
    const outputs: RunnerOutput[] = []
    const posted: SimulateRequest[] = []
    let worker: WorkerLike | undefined
    const runner = createSimulationRunner({
      createWorker: () => {
        worker = { onmessage: null, postMessage: (r) => posted.push(r), terminate: () => {} }
        return worker
      },
      onOutput: (o) => outputs.push(o),
      setTimer: () => 0,
      clearTimer: () => {},
    })
    const send = (data: WorkerMessage) => worker!.onmessage!({ data })
    runner.run(withPath('/old'))
    const answer = simulateForDisplay(withPath('/old'), createMeter())
    send({ type: 'result', seq: 1, ...answer })
    expect(outputs).toHaveLength(1)
    runner.run(withPath('/new'))
    send({ type: 'result', seq: 1, ...answer })
    send({ type: 'trials', seq: 1, trials: [] })
    expect(outputs).toHaveLength(1)
    // The run ended: the newer scenario is sent at once.
    expect(posted.map((r) => r.scenario.request.path)).toEqual(['/old', '/new'])
  })
})

describe('store output', () => {
  it('leaves out what the store holds already, and ends pending only with a response', () => {
    const held = createAppStore().getState()
    expect(toStoreOutput({ trials: [], stopped: [] }, held)).toEqual({})
    expect(toStoreOutput({ trials: [] })).toEqual({ trials: [] })
    expect(toStoreOutput({ simulation: undefined, display: undefined, stopped: [] })).toEqual({
      simulation: undefined,
      display: undefined,
      stopped: [],
      pending: false,
    })
  })
})

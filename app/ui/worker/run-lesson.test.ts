import { describe, expect, it } from 'vitest'
import { readMatrixKey } from '../../state/matrix'
import { createDefaultScenario } from '../../state/presets'
import type { SimulateRequest, WorkerMessage } from './protocol'
import { MATRIX_BUDGET_MS } from './protocol'
import { runSimulation } from './run-simulation'
import { createSimulationRunner, type RunnerOutput, type WorkerLike } from './simulation-runner'

const MESSAGES = ['Dummy error ...', 'Other']

function request(lesson: SimulateRequest['lesson'], stopped: string[] = []): SimulateRequest {
  return { seq: 1, scenario: createDefaultScenario(), stopped, trials: [], lesson }
}

function collect(req: SimulateRequest): WorkerMessage[] {
  const out: WorkerMessage[] = []
  runSimulation(
    req,
    (m) => out.push(m),
    () => 0,
  )
  return out
}

describe('worker lesson messages', () => {
  it('sends compare and matrix after the result and before the trials', () => {
    const out = collect(request({ compare: true, matrix: MESSAGES }))
    expect(out.filter((m) => m.type !== 'evaluate').map((m) => m.type)).toEqual([
      'result',
      'compare',
      'matrix',
      'trials',
    ])
    const compare = out.find((m) => m.type === 'compare')
    expect(
      compare?.type === 'compare' && compare.compare.columns.map((c) => c.response.statusCode),
    ).toEqual([502, 200, 400])
    const matrix = out.find((m) => m.type === 'matrix')
    expect(matrix?.type === 'matrix' && matrix.matrix.kind).toBe('ok')
    if (matrix?.type === 'matrix' && matrix.matrix.kind === 'ok')
      expect(matrix.matrix.result.rows.map((r) => r.cells[2]!.statusCode)).toEqual([400, 200])
  })

  it('reuses the statuses while only the messages change, not after a scenario edit', () => {
    const simulations = (req: SimulateRequest) => {
      const m = collect(req).find((o) => o.type === 'matrix')
      return m?.type === 'matrix' && m.matrix.kind === 'ok' ? m.matrix.result.simulations : -1
    }
    const edited = request({ compare: false, matrix: ['Other', 'Dummy error'] })
    edited.scenario.setup.stageName = 'edited'
    expect(simulations(edited)).toBe(4)
    expect(simulations({ ...edited, lesson: { compare: false, matrix: ['x', 'y'] } })).toBe(0)
    expect(simulations(request({ compare: false, matrix: ['x', 'y'] }))).toBe(3)
  })

  it('announces the matrix as one evaluation', () => {
    const out = collect(request({ compare: false, matrix: MESSAGES }))
    const keys = out.flatMap((m) => (m.type === 'evaluate' ? [m.key] : []))
    const at = keys.findIndex((k) => k?.startsWith('matrix:'))
    expect(at).toBeGreaterThan(-1)
    expect(keys[at + 1]).toBeNull()
    expect(keys.filter((k) => k?.startsWith('matrix:'))).toHaveLength(1)
  })

  it('sends nothing extra without a lesson, and a stopped matrix as stopped', () => {
    expect(
      collect(request(undefined)).some((m) => m.type === 'compare' || m.type === 'matrix'),
    ).toBe(false)
    const key = readMatrixKey(createDefaultScenario(), MESSAGES)
    const out = collect(request({ compare: false, matrix: MESSAGES }, [key]))
    expect(out.find((m) => m.type === 'matrix')).toMatchObject({ matrix: { kind: 'stopped' } })
  })
})

describe('runner and the matrix', () => {
  it('gives a running matrix its own budget, and reports it stopped after a runaway', () => {
    const limits: number[] = []
    const timers: (() => void)[] = []
    const outputs: RunnerOutput[] = []
    let first = true
    const createWorker = (): WorkerLike => {
      const worker: WorkerLike = {
        onmessage: null,
        terminate: () => {},
        postMessage: (req) => {
          const runaway = first
          first = false
          worker.onmessage?.({ data: { type: 'ready' } })
          let stuck = false
          runSimulation(
            req,
            (m) => {
              if (stuck) return
              worker.onmessage?.({ data: m })
              if (runaway && m.type === 'evaluate' && m.key?.startsWith('matrix:')) stuck = true
            },
            () => 0,
          )
        },
      }
      return worker
    }
    const runner = createSimulationRunner({
      createWorker,
      onOutput: (o) => outputs.push(o),
      setTimer: (cb, ms) => {
        limits.push(ms)
        return timers.push(cb) - 1
      },
      clearTimer: (h) => {
        timers[h as number] = () => {}
      },
    })
    runner.run(createDefaultScenario(), [], { compare: true, matrix: MESSAGES })
    expect(limits).toContain(MATRIX_BUDGET_MS)
    expect(outputs.some((o) => o.compare !== undefined)).toBe(true)
    // The matrix never answered: its budget expires and the run restarts without it.
    timers[timers.length - 1]!()
    expect(outputs.at(-2)).toEqual({ matrix: { kind: 'stopped' } })
    expect(outputs.at(-1)).toHaveProperty('trials')
  })
})

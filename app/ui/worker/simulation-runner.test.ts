import { describe, expect, it } from 'vitest'
import { createMeter, type Scenario } from '../../model'
import { readRuleEvaluation } from '../../state/selectors'
import { createDefaultScenario } from '../../state/presets'
import { readRules, reviseScenario } from '../../state/scenario-edit'
import type { SimulateRequest, WorkerMessage } from './protocol'
import { runSimulation, runTrial } from './run-simulation'
import {
  createSimulationRunner,
  type RunnerOptions,
  type RunnerOutput,
  type WorkerLike,
} from './simulation-runner'
import { speculate } from './speculate'

/** A fake worker that answers synchronously, except for patterns listed as runaway. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: WorkerMessage }) => void) | null = null
  terminated = false
  received: SimulateRequest[] = []
  held: WorkerMessage[] = []
  constructor(
    private runaway: Set<string>,
    private hold: boolean,
    /** The worker's clock; by default one that never moves, so its meter never stops anything. */
    private clock: () => number = () => 0,
  ) {}
  private announced = false
  postMessage(request: SimulateRequest) {
    this.received.push(request)
    const out: WorkerMessage[] = []
    if (!this.announced) {
      // A real worker says it is ready once its module has loaded.
      this.announced = true
      this.onmessage?.({ data: { type: 'ready' } })
    }
    let stuck = false
    runSimulation(
      request,
      (m) => {
        if (stuck) return
        out.push(m)
        if (m.type === 'evaluate' && m.key !== null && this.runaway.has(m.key)) stuck = true
      },
      this.clock,
    )
    for (const m of out) {
      if (this.hold) this.held.push(m)
      else this.onmessage?.({ data: m })
    }
  }
  release() {
    const held = this.held.splice(0)
    for (const m of held) this.onmessage?.({ data: m })
  }
  terminate() {
    this.terminated = true
  }
}

function setup(
  runaway: string[] = [],
  hold = false,
  pageAnswer?: RunnerOptions['speculate'],
  clock?: () => number,
) {
  const workers: FakeWorker[] = []
  const outputs: RunnerOutput[] = []
  const timers: (() => void)[] = []
  const runner = createSimulationRunner({
    createWorker: () => {
      const worker = new FakeWorker(new Set(runaway), hold, clock)
      workers.push(worker)
      return worker
    },
    onOutput: (o) => outputs.push(o),
    ...(pageAnswer ? { speculate: pageAnswer } : {}),
    setTimer: (cb) => timers.push(cb) - 1,
    clearTimer: (h) => {
      timers[h as number] = () => {}
    },
  })
  const fireTimers = () => timers.splice(0).forEach((t) => t())
  /** Responses delivered (each with the parts that followed it), as the store would see them. */
  const responses = () => {
    const merged: RunnerOutput[] = []
    for (const output of outputs) {
      if ('simulation' in output) merged.push({ ...output })
      else if (merged.length > 0) Object.assign(merged[merged.length - 1]!, output)
    }
    return merged
  }
  return { runner, workers, outputs, fireTimers, responses }
}

/** The editor id (and evaluation key) of rule 400's pattern. */
const P400 = 'integration.responses.400.selectionPattern'

/** Rule `key` as the delivered simulation's rule table has it. */
const ruleOf = (output: RunnerOutput | undefined, key: string) =>
  readRuleEvaluation(output?.simulation, key)

const withPattern = (pattern: string): Scenario =>
  reviseScenario(createDefaultScenario(), (d) => {
    d.setup.method.methodIntegration.integrationResponses!['400']!.selectionPattern = pattern
  })

describe('simulation runner', () => {
  it('delivers the simulation with its rule table, then the trials', () => {
    const { runner, outputs } = setup()
    runner.run(createDefaultScenario())
    // The response first, on its own (its rule table is the rule state); then the trials.
    expect(outputs.map((o) => Object.keys(o).sort())).toEqual([
      ['display', 'simulation', 'stopped'],
      ['trials'],
    ])
    expect(outputs[0]!.simulation?.response.statusCode).toBe(400)
    expect(ruleOf(outputs[0], '400')).toMatchObject({
      outcome: 'matched',
      subject: 'Dummy error ...',
      selected: true,
    })
    expect(ruleOf(outputs[0], '200')!.outcome).toBe('default')
  })

  it('drops a stale answer and delivers only the newest scenario', () => {
    const { runner, workers, outputs, responses } = setup([], true)
    runner.run(withPattern('nope'))
    runner.run(withPattern('.*Dummy.*'))
    runner.run(withPattern('Dummy'))
    workers[0]!.release()
    expect(outputs).toHaveLength(0)
    expect(workers[0]!.received.map((r) => r.seq)).toEqual([1, 2])
    workers[0]!.release()
    expect(responses()).toHaveLength(1)
    expect(ruleOf(responses()[0], '400')!.outcome).toBe('not-matched')
  })

  it('stops a runaway pattern: new worker, re-run without it, reported as stopped', () => {
    const { runner, workers, outputs, fireTimers, responses } = setup([P400])
    runner.run(withPattern('(a+)+$'))
    expect(outputs).toHaveLength(0)
    fireTimers()
    expect(workers[0]!.terminated).toBe(true)
    expect(workers).toHaveLength(2)
    expect(workers[1]!.received[0]!.stopped).toEqual([P400])
    expect(responses()).toHaveLength(1)
    const [response] = responses()
    expect(response!.stopped).toEqual([P400])
    expect(ruleOf(response, '400')!.outcome).toBe('stopped')
    expect(ruleOf(response, '400')!.diagnostics[0]).toMatchObject({
      source: P400,
      code: 'budget.stopped',
    })
    expect(ruleOf(response, '400')!.diagnostics[0]!.message).toContain(
      'stopped: exceeded time budget in an earlier run (wall-time limit)',
    )
  })

  it('lets a stopped pattern run again once its text changes', () => {
    const { runner, workers, fireTimers, responses } = setup([P400])
    runner.run(withPattern('(a+)+$'))
    fireTimers()
    runner.run(withPattern('(a+)+$'))
    expect(workers.at(-1)!.received.at(-1)!.stopped).toEqual([P400])
    const fixedRunner = setup()
    fixedRunner.runner.run(withPattern('.*Dummy error.*'))
    expect(ruleOf(fixedRunner.responses()[0], '400')!.outcome).toBe('matched')
    runner.run(withPattern('.*Dummy error.*'))
    expect(workers.at(-1)!.received.at(-1)!.stopped).toEqual([])
    expect(responses()).toHaveLength(2)
  })

  it('does not start the budget before the worker has loaded', () => {
    const timers: unknown[] = []
    let worker: WorkerLike | undefined
    const runner = createSimulationRunner({
      createWorker: () => {
        worker = { onmessage: null, postMessage: () => {}, terminate: () => {} }
        return worker
      },
      onOutput: () => {},
      setTimer: (cb) => timers.push(cb),
      clearTimer: () => {},
    })
    runner.run(createDefaultScenario())
    expect(timers).toHaveLength(0)
    worker!.onmessage!({ data: { type: 'ready' } })
    expect(timers).toHaveLength(1)
  })

  it('gives up with no simulation when the worker hangs outside any known evaluation', () => {
    const { runner, outputs, fireTimers } = setup([], true)
    runner.run(createDefaultScenario())
    fireTimers()
    expect(outputs).toEqual([
      {
        simulation: undefined,
        display: undefined,
        trials: [],
        stopped: [],
      },
    ])
  })

  it('simulates each trial message as the thrown errorMessage', () => {
    const { runner, responses } = setup()
    runner.run(createDefaultScenario(), ['Dummy error: disk full', 'Something else'])
    expect(responses()[0]!.trials).toEqual([
      { message: 'Dummy error: disk full', statusCode: 400, selected: '400' },
      { message: 'Something else', statusCode: 200, selected: '200' },
    ])
  })

  it('turns a success or failure outcome into a plain Error for a trial', () => {
    const success = reviseScenario(createDefaultScenario(), (d) => {
      d.lambda = { kind: 'result', payload: 'ok' }
    })
    expect(runTrial(success, 'Dummy error', createMeter())).toEqual({
      message: 'Dummy error',
      statusCode: 400,
      selected: '400',
    })
  })

  it('gives slow ordinary work the idle limit, and only untrusted code the short budget', () => {
    const limits: number[] = []
    let worker: WorkerLike | undefined
    const outputs: RunnerOutput[] = []
    const runner = createSimulationRunner({
      createWorker: () => {
        worker = { onmessage: null, postMessage: () => {}, terminate: () => {} }
        return worker
      },
      onOutput: (o) => outputs.push(o),
      budgetMs: 250,
      idleLimitMs: 5000,
      setTimer: (_cb, ms) => limits.push(ms),
      clearTimer: () => {},
    })
    runner.run(createDefaultScenario())
    const send = (data: WorkerMessage) => worker!.onmessage!({ data })
    send({ type: 'ready' })
    send({ type: 'evaluate', seq: 1, key: P400 })
    send({ type: 'evaluate', seq: 1, key: null })
    expect(limits).toEqual([5000, 250, 5000])
  })

  it('forgives a watchdog timer that fired late (the page was busy), then blames a silent worker', () => {
    let clock = 0
    const timers: (() => void)[] = []
    let terminated = 0
    let worker: WorkerLike | undefined
    const runner = createSimulationRunner({
      createWorker: () => {
        worker = { onmessage: null, postMessage: () => {}, terminate: () => terminated++ }
        return worker
      },
      onOutput: () => {},
      budgetMs: 1000,
      idleLimitMs: 5000,
      setTimer: (cb) => timers.push(cb),
      clearTimer: () => {},
      now: () => clock,
    })
    runner.run(createDefaultScenario())
    const send = (data: WorkerMessage) => worker!.onmessage!({ data })
    send({ type: 'ready' })
    send({ type: 'evaluate', seq: 1, key: P400 })
    // The page's thread was busy: the 1000 ms timer runs at 2600 ms. The worker is given more time.
    clock = 2600
    timers.at(-1)!()
    expect(terminated).toBe(0)
    // On time, and still no word from the worker: it is taken for hung.
    clock = 3600
    timers.at(-1)!()
    expect(terminated).toBe(1)
    runner.dispose()
  })

  it("shows the page's own answer at once, and the worker's copy of it is not delivered again", () => {
    const { runner, workers, outputs } = setup([], true, speculate)
    runner.run(createDefaultScenario(), ['Other'])
    // Delivered within run(), before the worker said anything.
    expect(outputs).toHaveLength(1)
    expect(Object.keys(outputs[0]!).sort()).toEqual(['display', 'simulation', 'stopped'])
    expect(outputs[0]!.simulation?.response.statusCode).toBe(400)
    expect(ruleOf(outputs[0], '400')!.outcome).toBe('matched')
    workers[0]!.release()
    // Only the trials come from the worker.
    expect(outputs.slice(1)).toEqual([
      { trials: [{ message: 'Other', statusCode: 200, selected: '200' }] },
    ])
  })

  it('waits for the worker when the page declines, and delivers its restart after a runaway', () => {
    // The page declines runaway patterns; the fake stands in for that decision.
    const declining: RunnerOptions['speculate'] = (scenario, stopped) =>
      readRules(scenario)['400']?.selectionPattern === '(a+)+$'
        ? undefined
        : speculate(scenario, stopped)
    const { runner, workers, outputs, fireTimers, responses } = setup([P400], false, declining)
    runner.run(withPattern('(a+)+$'))
    expect(outputs).toHaveLength(0)
    fireTimers()
    expect(workers.at(-1)!.received.at(-1)!.stopped).toEqual([P400])
    expect(responses()).toHaveLength(1)
    expect(ruleOf(responses()[0], '400')!.outcome).toBe('stopped')
    // Editing the pattern lets the page answer again, at once.
    runner.run(withPattern('.*Dummy error.*'))
    expect(responses()).toHaveLength(2)
    expect(ruleOf(responses()[1], '400')!.outcome).toBe('matched')
  })

  it("lets the worker's own meter stop a pattern past its wall time, and remembers it", () => {
    let now = 0
    // Each reading of the worker's clock moves it on 1 ms.
    const { runner, workers, responses } = setup([], false, undefined, () => (now += 1))
    const scenario = reviseScenario(withPattern('(a+)+b'), (d) => {
      d.lambda = { kind: 'error', payload: { errorMessage: 'a'.repeat(40) } }
    })
    runner.run(scenario)
    // No watchdog was needed: the same worker answered, with the pattern stopped by its meter.
    expect(workers).toHaveLength(1)
    const [response] = responses()
    expect(ruleOf(response, '400')!.outcome).toBe('stopped')
    expect(response!.simulation!.limits).toEqual([
      expect.objectContaining({ limit: 'wall-time', max: 250, key: P400 }),
    ])
    expect(
      response!.simulation!.log.some((l) =>
        l.includes('(simulator) stopped: exceeded time budget (wall-time limit: '),
      ),
    ).toBe(true)
    // The next run skips it until its text changes.
    runner.run(scenario)
    expect(workers[0]!.received.at(-1)!.stopped).toEqual([P400])
  })
})

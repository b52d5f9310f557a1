/**
 * Runs simulations in a worker under a time budget. The worker's own meter stops a pattern or
 * template past its wall-time budget and reports it in the simulation (`limits`); such keys are
 * remembered as stopped until their text changes, so later runs skip them. A run that stays
 * silent past the budget (code the meter cannot interrupt) has its worker terminated by this
 * watchdog; the evaluation that was running is marked stopped the same way and the scenario is
 * run again in a fresh worker without it. Only the newest scenario's answers are delivered, each
 * part as soon as it arrives: the response (with its rule table) first, then the trials. When the
 * page can answer for sure on its own (see speculate.ts), the response is delivered at once, and
 * the worker's copy of it for that scenario is not delivered again.
 */
import type { Scenario, Simulation } from '../../model'
import type { SerializedScenario, SimulationDisplay, TrialResult } from '../../state/types'
import { readEvaluationText } from '../../state/scenario-edit'
import type { LessonSlice } from '../../state/slices/lesson'
import type { LessonRequest, SimulateRequest, Speculation, WorkerMessage } from './protocol'
import { IDLE_LIMIT_MS, MATRIX_BUDGET_MS, WATCHDOG_BUDGET_MS } from './protocol'

/** The part of a Worker the runner uses (a fake in tests). */
export type WorkerLike = {
  postMessage: (message: SimulateRequest) => void
  terminate: () => void
  onmessage: ((event: { data: WorkerMessage }) => void) | null
}

/**
 * What the runner delivers for the newest scenario: only the fields present changed. The
 * response comes with `stopped`; `trials` and `serialized` follow separately.
 */
export type RunnerOutput = Partial<{
  /** Undefined (with display) when the run did not finish within its budget. */
  simulation: Simulation | undefined
  display: SimulationDisplay | undefined
  /** The scenario serialised by the worker once edits paused. */
  serialized: SerializedScenario
  /** How each trial errorMessage fared. */
  trials: TrialResult[]
  /** Keys stopped for exceeding the budget. */
  stopped: string[]
  /** The compare view and the outcome matrix, when the request asked for them. */
  compare: LessonSlice['compare']
  matrix: LessonSlice['matrix']
}>

/** Dependencies, injected so tests control workers and time. */
export type RunnerOptions = {
  createWorker: () => WorkerLike
  onOutput: (output: RunnerOutput) => void
  /** Per pattern/template evaluation (default WATCHDOG_BUDGET_MS). */
  budgetMs?: number
  /** While no evaluation is running. */
  idleLimitMs?: number
  setTimer?: (callback: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  /** The page's clock in milliseconds (performance.now), to tell a late timer. */
  now?: () => number
  /** The page's own answer with these stopped keys, or undefined to wait for the worker. */
  speculate?: (scenario: Scenario, stopped: readonly string[]) => Speculation | undefined
}

/** The runner's public face. */
export type SimulationRunner = {
  /** Simulates `scenario`, and each of `trials` as the errorMessage (see run-simulation.ts). */
  run: (scenario: Scenario, trials?: readonly string[], lesson?: LessonRequest) => void
  dispose: () => void
}

/** A runaway run is retried at most this many times (one new stopped key each time). */
const MAX_RESTARTS = 8

/** How many times in a row a late watchdog timer waits once more before it blames the worker. */
const MAX_GRACES = 3

/** One request to the worker; a new object for every change, so identity says "newer". */
type Job = { scenario: Scenario; trials: readonly string[]; lesson?: LessonRequest }

type InFlight = {
  seq: number
  job: Job
  /** The pattern/template running now (null or undefined: none). */
  lastKey: string | null | undefined
  timer: unknown
  restarts: number
  /** When the timer was armed, its limit, and how many late firings it forgave in a row. */
  armedAt?: number
  limit?: number
  graces?: number
}

/** Creates a runner; call `run` on every scenario change. */
export function createSimulationRunner(options: RunnerOptions): SimulationRunner {
  const budgetMs = options.budgetMs ?? WATCHDOG_BUDGET_MS
  const now = options.now ?? (() => performance.now())
  const idleLimitMs = options.idleLimitMs ?? IDLE_LIMIT_MS
  const setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms))
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>))
  /** Stopped keys with the text they had, so editing the text lets it run again. */
  const stoppedTexts = new Map<string, string | undefined>()
  let worker: WorkerLike | undefined
  /** Whether the current worker has said it is loaded; the budget only runs once it has. */
  let workerReady = false
  let seq = 0
  let inFlight: InFlight | undefined
  let latest: Job | undefined
  /** The request the worker saw last: the one whose scenario it serialises. */
  let lastSent: { seq: number; scenario: Scenario } | undefined
  /** The job whose response was already delivered from the page's own answer. */
  let speculated: Job | undefined
  let disposed = false

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker
    const created = options.createWorker()
    created.onmessage = (event) => receive(event.data)
    worker = created
    workerReady = false
    return created
  }

  const currentStopped = (scenario: Scenario): string[] => {
    for (const [key, text] of stoppedTexts) {
      if (readEvaluationText(scenario, key) !== text) stoppedTexts.delete(key)
    }
    return [...stoppedTexts.keys()]
  }

  const start = (job: Job, restarts: number) => {
    seq += 1
    const { scenario, trials } = job
    const stopped = currentStopped(scenario)
    inFlight = { seq, job, lastKey: undefined, restarts, timer: undefined }
    const target = ensureWorker()
    if (workerReady) startBudget(inFlight)
    lastSent = { seq, scenario }
    target.postMessage({
      seq,
      scenario,
      stopped,
      trials: [...trials],
      ...(job.lesson ? { lesson: job.lesson } : {}),
    })
  }

  /** (Re)starts the run's timer: the short budget while untrusted code runs, else the idle limit. */
  const startBudget = (run: InFlight) => {
    if (run.timer !== undefined) clearTimer(run.timer)
    const limit =
      typeof run.lastKey !== 'string'
        ? idleLimitMs
        : run.lastKey.startsWith('matrix:')
          ? Math.max(budgetMs, MATRIX_BUDGET_MS)
          : budgetMs
    run.graces = 0
    arm(run, limit)
  }

  /** Starts the run's watchdog timer for `limit` ms from now. */
  const arm = (run: InFlight, limit: number) => {
    run.armedAt = now()
    run.limit = limit
    run.timer = setTimer(() => expire(run.seq), limit)
  }

  const receive = (message: WorkerMessage) => {
    if (disposed) return
    if (message.type === 'ready') {
      workerReady = true
      if (inFlight && inFlight.timer === undefined) startBudget(inFlight)
      return
    }
    if (message.type === 'serialized') {
      // Sent between runs, for the latest request this worker saw.
      if (lastSent?.seq !== message.seq) return
      const { json, fragment } = message
      options.onOutput({ serialized: { scenario: lastSent.scenario, json, fragment } })
      return
    }
    if (!inFlight || message.seq !== inFlight.seq) return
    if (message.type === 'evaluate') {
      inFlight.lastKey = message.key
      if (workerReady) startBudget(inFlight)
      return
    }
    // A newer scenario arrived meanwhile: this run's answers are stale.
    const stale = latest !== inFlight.job && latest !== undefined
    // The first run of a job the page answered itself says the same again (a restart has a new
    // stopped key, so its answer may differ and is delivered).
    const shown = stale || (speculated === inFlight.job && inFlight.restarts === 0)
    if (message.type === 'result') {
      // Evaluations the worker's meter stopped stay stopped until their text changes.
      for (const hit of message.simulation.limits ?? []) {
        if (hit.limit === 'wall-time' && hit.key !== undefined && !stoppedTexts.has(hit.key))
          stoppedTexts.set(hit.key, readEvaluationText(inFlight.job.scenario, hit.key))
      }
      if (!shown) {
        const { simulation, display } = message
        options.onOutput({ simulation, display, stopped: [...stoppedTexts.keys()] })
      }
      return
    }
    if (message.type === 'compare' || message.type === 'matrix') {
      // Never answered by the page itself: delivered unless a newer scenario is waiting.
      if (!stale)
        options.onOutput(
          message.type === 'compare' ? { compare: message.compare } : { matrix: message.matrix },
        )
      return
    }
    // `trials` ends the run.
    if (inFlight.timer !== undefined) clearTimer(inFlight.timer)
    inFlight = undefined
    if (stale && latest) {
      start(latest, 0)
      return
    }
    options.onOutput({ trials: message.trials })
  }

  const expire = (expiredSeq: number) => {
    if (disposed || !inFlight || inFlight.seq !== expiredSeq) return
    const runaway = inFlight
    // A timer that fires well after its time means the page's own thread was held up: the
    // worker's messages may be waiting behind it. Wait once more before blaming the worker.
    const { armedAt, limit, graces = 0 } = runaway
    if (armedAt !== undefined && limit !== undefined && graces < MAX_GRACES) {
      const late = now() - armedAt - limit
      if (late > limit / 2) {
        runaway.graces = graces + 1
        arm(runaway, limit)
        return
      }
    }
    inFlight = undefined
    worker?.terminate()
    worker = undefined
    workerReady = false
    const key = runaway.lastKey
    const target = latest ?? runaway.job
    if (key && !stoppedTexts.has(key) && runaway.restarts < MAX_RESTARTS) {
      stoppedTexts.set(key, readEvaluationText(runaway.job.scenario, key))
      start(target, target === runaway.job ? runaway.restarts + 1 : 0)
      return
    }
    if (target !== runaway.job) {
      start(target, 0)
      return
    }
    options.onOutput({
      simulation: undefined,
      display: undefined,
      trials: [],
      stopped: [...stoppedTexts.keys()],
    })
  }

  return {
    run: (scenario, trials = [], lesson) => {
      if (disposed) return
      latest = lesson ? { scenario, trials, lesson } : { scenario, trials }
      const answer = options.speculate?.(scenario, currentStopped(scenario))
      speculated = answer ? latest : undefined
      if (answer) {
        const { simulation, display } = answer
        options.onOutput({ simulation, display, stopped: [...stoppedTexts.keys()] })
      }
      if (!inFlight) start(latest, 0)
    },
    dispose: () => {
      disposed = true
      if (inFlight?.timer !== undefined) clearTimer(inFlight.timer)
      worker?.terminate()
      worker = undefined
    },
  }
}

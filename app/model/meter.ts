/**
 * The one meter that counts every limit of a simulation: regex steps, template steps, loop
 * iterations and output, response size, total work and wall time. The caller creates it and
 * passes it in the engine's env; the regex matcher and the template renderer receive it from the
 * engine. No limit lives anywhere else, and nothing here reads a clock: wall time is measured with
 * the clock the caller supplies.
 *
 * Three kinds of limit:
 * - safety limits (`regex-steps`, `template-steps`, `template-output`) end one match or render
 *   with a definite outcome (the pattern is "too complex", the template fails with a limit
 *   error); they are counts, so a run answers the same wherever it runs;
 * - AWS's own limits (`template-iterations`: `#foreach` stops after 1000 iterations;
 *   `response-size`: Lambda's 6 MB response payload) are read by the stages that model them;
 * - budgets (`work` for the whole run, `wall-time` per evaluation) give up: a run past its work
 *   allowance is discarded by the caller (`gaveUp`), an evaluation past its wall time is reported
 *   as stopped and counts as not evaluated.
 */

/** Every limit a meter counts. */
export type LimitName =
  | 'regex-steps'
  | 'template-steps'
  | 'template-iterations'
  | 'template-output'
  | 'response-size'
  | 'work'
  | 'wall-time'

export type MeterLimits = Record<LimitName, number>

/** Defaults: generous safety limits, AWS's own limits, no budget. */
export const DEFAULT_METER_LIMITS: Readonly<MeterLimits> = {
  'regex-steps': 5_000_000,
  'template-steps': 1_000_000,
  // API Gateway stops a #foreach after 1000 iterations.
  'template-iterations': 1000,
  'template-output': 5_000_000,
  // Lambda's synchronous response payload limit, in bytes.
  'response-size': 6_291_556,
  work: Infinity,
  'wall-time': Infinity,
}

/** Which limit stopped some work, and at what count. */
export type LimitHit = {
  limit: LimitName
  /** The count that went past the limit (0 for an `earlier` hit: that count belonged to another run). */
  count: number
  /** The limit (0 for an `earlier` hit). */
  max: number
  /** The evaluation it stopped: the editor id of the pattern or template, when one was running. */
  key?: string
  /** Not evaluated this time: the same evaluation exceeded the budget in an earlier run. */
  earlier?: true
}

const UNIT: Record<LimitName, string> = {
  'regex-steps': 'regex steps',
  'template-steps': 'template steps',
  'template-iterations': '#foreach iterations',
  'template-output': 'characters of template output',
  'response-size': 'bytes of response payload',
  work: 'work units',
  'wall-time': 'ms',
}

/**
 * The hit in words. Budget stops start with "stopped: exceeded time budget" (or work budget), the
 * words the page shows on a stopped pattern or template; then which limit, at what count.
 */
export function describeLimitHit(hit: LimitHit): string {
  const what = hit.key ? ` while evaluating ${hit.key}` : ''
  if (hit.earlier)
    return `stopped: exceeded time budget in an earlier run (${hit.limit} limit)${what}, so it was not evaluated again`
  const count = Number.isInteger(hit.count) ? hit.count : Math.ceil(hit.count)
  const at = `${hit.limit} limit: ${count} ${UNIT[hit.limit]}, at most ${hit.max}`
  if (hit.limit === 'wall-time') return `stopped: exceeded time budget (${at})${what}`
  if (hit.limit === 'work') return `stopped: exceeded work budget (${at})${what}`
  return `stopped by the ${at}${what}`
}

/** Thrown by a meter when a limit is passed. */
export class LimitExceeded extends Error {
  constructor(readonly hit: LimitHit) {
    super(describeLimitHit(hit))
  }
}

/** How a caller sets up a meter. */
export type MeterOptions = {
  limits?: Partial<MeterLimits>
  /** Milliseconds from any origin; required for a finite `wall-time`. */
  clock?: () => number
  /** Evaluation keys (editor ids) that exceeded a budget in an earlier run: not run again. */
  skip?: readonly string[]
  /** Told each evaluation's key before it runs, and `null` once it is over. */
  onEvaluate?: (key: string | null) => void
}

/** What a metered evaluation gave: its value, or the limit that stopped it. */
export type Metered<T> = { ok: true; value: T } | { ok: false; hit: LimitHit }

/** Work units between two readings of the clock (a reading costs more than a step). */
const CLOCK_EVERY = 512

/** Counts the limits of one run (see the file comment). */
export class Meter {
  readonly limits: Readonly<MeterLimits>
  /** Every limit that stopped something, in order. */
  readonly hits: LimitHit[] = []
  /** Set once the `work` allowance ran out: the caller must discard the whole run. */
  gaveUp: LimitHit | undefined
  /**
   * True under a budget: work must then be interruptible, so matching never uses a native
   * RegExp (which cannot be stopped midway) and every step is charged.
   */
  readonly interruptible: boolean
  private readonly clock: (() => number) | undefined
  private readonly skip: readonly string[]
  private readonly onEvaluate: ((key: string | null) => void) | undefined
  private work = 0
  private untilClock = CLOCK_EVERY
  /** The evaluation running now, its start time, and the hit that stopped it. */
  private key: string | undefined
  private startedAt = 0
  private stopped: LimitHit | undefined

  constructor(options: MeterOptions = {}) {
    this.limits = { ...DEFAULT_METER_LIMITS, ...options.limits }
    this.clock = options.clock
    this.skip = options.skip ?? []
    this.onEvaluate = options.onEvaluate
    if (this.limits['wall-time'] !== Infinity && !this.clock)
      throw new Error('A wall-time limit needs a clock')
    this.interruptible = this.limits.work !== Infinity || this.limits['wall-time'] !== Infinity
  }

  /**
   * Runs one evaluation (a pattern or template, named by its editor id) under the per-evaluation
   * budget. A key stopped in an earlier run is not run again. A `work` overrun propagates (the
   * whole run is void); a `wall-time` overrun ends this evaluation only.
   */
  evaluate<T>(key: string, run: () => T): Metered<T> {
    if (this.skip.includes(key)) {
      const hit: LimitHit = { limit: 'wall-time', count: 0, max: 0, key, earlier: true }
      this.hits.push(hit)
      return { ok: false, hit }
    }
    const outer = { key: this.key, startedAt: this.startedAt, stopped: this.stopped }
    this.key = key
    this.stopped = undefined
    this.startedAt = this.clock ? this.clock() : 0
    this.onEvaluate?.(key)
    try {
      const value = run()
      if (this.gaveUp) throw new LimitExceeded(this.gaveUp)
      return this.stopped ? { ok: false, hit: this.stopped } : { ok: true, value }
    } catch (e) {
      if (this.gaveUp) throw e instanceof LimitExceeded ? e : new LimitExceeded(this.gaveUp)
      if (this.stopped) return { ok: false, hit: this.stopped }
      throw e
    } finally {
      this.key = outer.key
      this.startedAt = outer.startedAt
      this.stopped = outer.stopped
      this.onEvaluate?.(outer.key ?? null)
    }
  }

  /**
   * Runs `fn` as a whole (not one evaluation): its value, or the work allowance that ran out,
   * even if `fn` caught the overrun and returned something. Other errors propagate.
   */
  run<T>(fn: () => T): Metered<T> {
    try {
      const value = fn()
      return this.gaveUp ? { ok: false, hit: this.gaveUp } : { ok: true, value }
    } catch (e) {
      if (this.gaveUp) return { ok: false, hit: this.gaveUp }
      throw e
    }
  }

  /** Charges `units` of work to the budgets (a no-op without one). */
  charge(units = 1): void {
    if (!this.interruptible) return
    this.work += units
    if (this.gaveUp || this.stopped) this.rethrow()
    if (this.work > this.limits.work) this.exceed('work', this.work)
    if (this.clock && (this.untilClock -= units) <= 0) {
      this.untilClock = CLOCK_EVERY
      const elapsed = this.clock() - this.startedAt
      if (this.key !== undefined && elapsed > this.limits['wall-time'])
        this.exceed('wall-time', elapsed)
    }
  }

  /** Charges text produced or scanned: one unit per 16 characters. */
  chargeText(length: number): void {
    if (this.interruptible && length >= 16) this.charge(length / 16)
  }

  /**
   * Counts `count` against a safety limit: past it, records the hit and throws LimitExceeded
   * (the caller turns that into its own outcome).
   */
  check(limit: 'regex-steps' | 'template-steps' | 'template-output', count: number): void {
    if (count > this.limits[limit]) throw new LimitExceeded(this.record(limit, count))
  }

  /** Records that `limit` stopped some work at `count`. */
  record(limit: LimitName, count: number): LimitHit {
    const hit: LimitHit = { limit, count, max: this.limits[limit] }
    if (this.key !== undefined) hit.key = this.key
    this.hits.push(hit)
    return hit
  }

  /** Whether `count` passes one of AWS's own limits (recorded; the stage decides what happens). */
  exceeds(limit: 'response-size' | 'template-iterations', count: number): boolean {
    if (count <= this.limits[limit]) return false
    this.record(limit, count)
    return true
  }

  /**
   * Gives up a run under a work allowance, for outcomes that depend on where it runs (a stack
   * overflow happens at a different depth on the page than in the worker). Otherwise a no-op.
   */
  abandon(): void {
    if (this.limits.work === Infinity) return
    this.exceed('work', this.work)
  }

  /** Whether `e` is this meter's budget stopping the work (rethrow it; do not report it). */
  isBudgetStop(e: unknown): boolean {
    return e instanceof LimitExceeded && (e.hit.limit === 'work' || e.hit.limit === 'wall-time')
  }

  private exceed(limit: 'work' | 'wall-time', count: number): never {
    const hit = this.record(limit, count)
    if (limit === 'work') this.gaveUp = hit
    else this.stopped = hit
    throw new LimitExceeded(hit)
  }

  /** Once a budget is spent every further charge throws again, so code that catches winds down. */
  private rethrow(): never {
    throw new LimitExceeded((this.gaveUp ?? this.stopped)!)
  }
}

/** A meter with the given options (defaults: safety and AWS limits, no budget). */
export function createMeter(options: MeterOptions = {}): Meter {
  return new Meter(options)
}

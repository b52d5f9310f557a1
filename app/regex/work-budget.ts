/**
 * A work allowance for evaluations that must stay short because nothing can interrupt them: the
 * page runs a speculative simulation on its own thread to show the answer in the keystroke's own
 * frame, and the worker (with its time budget) stays the authority. While an allowance is open,
 * the regex interpreter and the VTL renderer charge every step to it, and pattern matching never
 * uses a native RegExp (which cannot be stopped midway). Once the allowance is spent every further
 * charge throws, so even code that catches errors winds down quickly; the caller then discards
 * whatever the evaluation returned.
 *
 * The allowance is scoped to one synchronous call (`withWorkBudget`), so the module-level slot is
 * never seen by unrelated code: JavaScript runs the call to completion before anything else.
 */

/** Thrown by `spendWork` once the open allowance is used up. */
export class WorkBudgetExceeded extends Error {
  constructor() {
    super('work budget exceeded')
  }
}

type Allowance = { remaining: number; exceeded: boolean }

let open: Allowance | undefined

/** What a budgeted evaluation gave: its value, or `exceeded` when the allowance ran out. */
export type Budgeted<T> = { ok: true; value: T } | { ok: false }

/**
 * Runs `evaluate` with `units` of work allowed. Returns `{ ok: false }` when it ran out, even if
 * the evaluation caught the overrun and returned something; other errors propagate.
 */
export function withWorkBudget<T>(units: number, evaluate: () => T): Budgeted<T> {
  const outer = open
  const allowance: Allowance = { remaining: units, exceeded: false }
  open = allowance
  try {
    const value = evaluate()
    return allowance.exceeded ? { ok: false } : { ok: true, value }
  } catch (e) {
    if (allowance.exceeded || e instanceof WorkBudgetExceeded) return { ok: false }
    throw e
  } finally {
    open = outer
  }
}

/** Charges `units` to the open allowance (a no-op when none is open). */
export function spendWork(units = 1): void {
  const allowance = open
  if (allowance === undefined) return
  allowance.remaining -= units
  if (allowance.remaining < 0) {
    allowance.exceeded = true
    throw new WorkBudgetExceeded()
  }
}

/**
 * Under an open allowance, gives up the whole evaluation: for outcomes that depend on where it
 * runs (a stack overflow happens at a different depth on the page than in the worker), or that
 * an unbudgeted run would reach differently. Without an allowance it does nothing.
 */
export function abandonIfBudgeted(): void {
  const allowance = open
  if (allowance === undefined) return
  allowance.exceeded = true
  throw new WorkBudgetExceeded()
}

/** Whether an allowance is open: matching must then use the interruptible interpreter. */
export function isWorkBudgeted(): boolean {
  return open !== undefined
}

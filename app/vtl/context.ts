/**
 * Rendering state that outlives a single node: the Limiter (steps, output size, nesting) and
 * the control-flow signals `#break` / `#stop` use to unwind.
 */
import type { Span } from '../model'
import { LimitExceeded, type Meter } from '../model'
import type { VtlLimits } from './index'
import { VtlLimitError } from './errors'

/** Velocity's default macro calling depth (`velocimacro.max.depth`). */
export const MACRO_DEPTH = 20

/** How deep templates may nest renders (#evaluate, #define, string literals) before we stop. */
export const MAX_NESTING = 150

/** Largest `[a..b]` range we build as a list (iterating a range in `#foreach` is lazy). */
export const MAX_RANGE = 200_000

/**
 * One render's view of the meter: counts steps (limit `template-steps`) and the length of the text
 * being built (`template-output`), throwing a VtlLimitError with a span past either; charges work
 * to the meter's budgets. A budget stop (LimitExceeded) passes through untouched.
 */
export class Limiter {
  steps = 0
  nesting = 0
  readonly limits: VtlLimits

  constructor(readonly meter: Meter) {
    this.limits = {
      maxIterations: meter.limits['template-iterations'],
      maxSteps: meter.limits['template-steps'],
      maxDepth: MACRO_DEPTH,
      maxOutput: meter.limits['template-output'],
    }
  }

  step(span: Span): void {
    this.meter.charge()
    if (++this.steps > this.limits.maxSteps) {
      this.meter.record('template-steps', this.steps)
      throw new VtlLimitError(
        `The template took more than ${this.limits.maxSteps} evaluation steps (the template-steps limit)`,
        span,
        'vtl.limit.steps',
        'Look for loops or recursive macros that never finish.',
      )
    }
  }

  /** Checks the length of the text being built (the output, or a string inside it). */
  write(length: number, span: Span): void {
    if (length > this.limits.maxOutput) {
      this.meter.record('template-output', length)
      throw new VtlLimitError(
        `The text being built is longer than ${this.limits.maxOutput} characters (the template-output limit)`,
        span,
        'vtl.limit.output',
        'Check loops that build strings; mapping template output should stay small.',
      )
    }
  }

  /**
   * Charges text a template produces or passes to a method (one unit per 16 characters): a single
   * step can build or scan a whole body, so steps alone would not bound a budgeted render.
   */
  chargeText(text: string): void {
    this.meter.chargeText(text.length)
  }

  enter(span: Span): void {
    if (++this.nesting > MAX_NESTING)
      throw new VtlLimitError(
        'Templates nest too deeply (#define, #evaluate or string literals referring to themselves)',
        span,
        'vtl.limit.depth',
        'Remove the self-reference.',
      )
  }

  leave(): void {
    this.nesting--
  }
}

/** Whether `e` is a meter's budget stopping the render (it must propagate, never be reported). */
export function isBudgetStop(e: unknown): boolean {
  return e instanceof LimitExceeded && (e.hit.limit === 'work' || e.hit.limit === 'wall-time')
}

/** `#break`: unwinds to the scope it names (or the innermost one when `target` is undefined). */
export class BreakSignal {
  constructor(readonly target?: unknown) {}
}

/** `#stop`: ends the whole rendering, keeping what was written so far. */
export class StopSignal {}

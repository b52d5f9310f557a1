/**
 * Rendering state that outlives a single node: the Limiter (steps, output size, nesting) and
 * the control-flow signals `#break` / `#stop` use to unwind.
 */
import type { Span } from '../model'
import type { VtlLimits } from './index'
import { spendWork } from '../regex'
import { VtlLimitError } from './errors'

/** Defaults: API Gateway's 1000 `#foreach` iterations and Velocity's macro depth of 20. */
export const DEFAULT_LIMITS: VtlLimits = {
  maxIterations: 1000,
  maxSteps: 1_000_000,
  maxDepth: 20,
  maxOutput: 5_000_000,
}

/** How deep templates may nest renders (#evaluate, #define, string literals) before we stop. */
export const MAX_NESTING = 150

/** Largest `[a..b]` range we build as a list (iterating a range in `#foreach` is lazy). */
export const MAX_RANGE = 200_000

/** Counts work and output, throwing a VtlLimitError with a span when a limit is passed. */
export class Limiter {
  steps = 0
  nesting = 0

  constructor(readonly limits: VtlLimits) {}

  step(span: Span): void {
    spendWork()
    if (++this.steps > this.limits.maxSteps)
      throw new VtlLimitError(
        `The template took more than ${this.limits.maxSteps} evaluation steps`,
        span,
        'vtl.limit.steps',
        'Look for loops or recursive macros that never finish.',
      )
  }

  /** Checks the length of the text being built (the output, or a string inside it). */
  write(length: number, span: Span): void {
    if (length > this.limits.maxOutput)
      throw new VtlLimitError(
        `The text being built is longer than ${this.limits.maxOutput} characters`,
        span,
        'vtl.limit.output',
        'Check loops that build strings; mapping template output should stay small.',
      )
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

/** `#break`: unwinds to the scope it names (or the innermost one when `target` is undefined). */
export class BreakSignal {
  constructor(readonly target?: unknown) {}
}

/** `#stop`: ends the whole rendering, keeping what was written so far. */
export class StopSignal {}

/**
 * Charges text a template produces or passes to a method to the open work budget (one unit per
 * 16 characters): a single step can build or scan a whole body, so steps alone would not bound
 * a budgeted render (see app/regex/work-budget.ts).
 */
export function chargeText(text: string): void {
  if (text.length >= 16) spendWork(text.length / 16)
}

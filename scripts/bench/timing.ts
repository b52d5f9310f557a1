/** Small timing helpers for the benchmarks: medians over repeated passes, after a warm-up. */

/** The q-quantile (0..1) of a list of numbers, by linear interpolation between neighbours. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const at = (sorted.length - 1) * q
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  return (sorted[lo] ?? NaN) + ((sorted[hi] ?? NaN) - (sorted[lo] ?? NaN)) * (at - lo)
}

/** Median of a list of numbers (the mean of the two middle ones for even lengths). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5)
}

/** Median wall time in µs of one call of `fn`, over `samples` timed calls after a warm-up. */
export function medianMicros(fn: () => unknown, samples = 1000, warmup = 200): number {
  for (let i = 0; i < warmup; i++) fn()
  return median(sampleMicros(fn, samples))
}

/**
 * Wall times in µs of `samples` calls of `fn`; `before` runs untimed ahead of each call (to
 * put the code under test into the state being measured, e.g. an emptied cache).
 */
export function sampleMicros(fn: () => unknown, samples: number, before?: () => void): number[] {
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    before?.()
    const t0 = performance.now()
    fn()
    times.push((performance.now() - t0) * 1000)
  }
  return times
}

/**
 * Median wall time in ms of one pass of `fn` (a pass runs a whole corpus), over `passes`
 * passes after one warm-up pass. Used where one call is too short to time on its own.
 */
export function medianPassMillis(fn: () => unknown, passes = 7): number {
  fn()
  const times: number[] = []
  for (let i = 0; i < passes; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return median(times)
}

/** Small timing helpers for the benchmarks: medians over repeated passes, after a warm-up. */

/** Median of a list of numbers (the mean of the two middle ones for even lengths). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return NaN
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

/** Median wall time in µs of one call of `fn`, over `samples` timed calls after a warm-up. */
export function medianMicros(fn: () => unknown, samples = 1000, warmup = 200): number {
  for (let i = 0; i < warmup; i++) fn()
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now()
    fn()
    times.push((performance.now() - t0) * 1000)
  }
  return median(times)
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

/**
 * Whether a JSON-like value holds at most `maxText` characters of text (each string counts its
 * length plus its quotes, each other leaf 8) and nests at most `maxDepth` levels. Walks until it
 * knows, so a huge value costs no more than the limit. Kept apart from the engine: the page uses
 * it before anything heavy has loaded.
 */
export function fitsTextBudget(value: unknown, maxText: number, maxDepth: number): boolean {
  let budget = maxText
  const fits = (v: unknown, depth: number): boolean => {
    if (depth > maxDepth) return false
    if (typeof v === 'string') return (budget -= v.length + 2) >= 0
    if (v === null || typeof v !== 'object') return (budget -= 8) >= 0
    const items = Array.isArray(v) ? (v as unknown[]) : Object.entries(v)
    for (const item of items) if (!fits(item, depth + 1)) return false
    return true
  }
  return fits(value, 0)
}

/** Text (characters of strings and keys) up to which the page handles a scenario on its thread. */
const SMALL_TEXT = 200_000
/** Nesting beyond which the page leaves a scenario to the worker too. */
const SMALL_DEPTH = 256

/**
 * Whether the page may serialise `value` itself, or copy it to the worker within the task that
 * changed it: past this, each costs milliseconds per megabyte on the page's thread.
 */
export function isSmallText(value: unknown): boolean {
  return fitsTextBudget(value, SMALL_TEXT, SMALL_DEPTH)
}

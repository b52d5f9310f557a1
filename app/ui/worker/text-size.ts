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

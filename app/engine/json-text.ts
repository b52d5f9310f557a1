/** JSON text in the two spellings the simulation needs. */
import type { Json } from '../model'

/** Parses JSON text; `undefined` when it is not JSON. */
export function tryParseJson(text: string): { value: Json } | undefined {
  try {
    return { value: JSON.parse(text) as Json }
  } catch {
    return undefined
  }
}

function pyString(s: string): string {
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const ch = s[i]!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (c < 0x20 || c > 0x7e) out += '\\u' + c.toString(16).padStart(4, '0')
    else out += ch
  }
  return out + '"'
}

/**
 * Python's `json.dumps(value)` with its defaults (`", "`/`": "` separators, ASCII-only), how
 * the recorded Python handlers serialise (FORMAT.md `proxyEcho`).
 */
export function pythonJsonDumps(value: Json): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return pyString(value)
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value)
  if (Array.isArray(value)) return '[' + value.map(pythonJsonDumps).join(', ') + ']'
  const parts: string[] = []
  for (const key of Object.keys(value))
    parts.push(pyString(key) + ': ' + pythonJsonDumps(value[key]!))
  return '{' + parts.join(', ') + '}'
}

/**
 * Compact JSON text the way `$input.json(...)` prints it (the VTL oracle's writer): no spaces,
 * keys in document order, whole Doubles below 10^15 as `2.0`, other Doubles as Java prints
 * them (`1.0E20`), NaN/Infinity as `null`, control characters, DEL and lone surrogates as
 * lower-case `\u00XX` escapes, everything else (including `/` and non-ASCII) as is.
 */
import { JavaNumber, formatJavaDouble } from './json-value'
import type { JsonValue } from './json-value'

/** Writes one value as compact JSON text. */
export function writeCompactJson(value: JsonValue): string {
  const parts: string[] = []
  writeInto(value, parts)
  return parts.join('')
}

function writeInto(value: JsonValue, parts: string[]): void {
  if (value === null) parts.push('null')
  else if (typeof value === 'boolean') parts.push(String(value))
  else if (typeof value === 'string') parts.push(quoteJsonString(value))
  else if (value instanceof JavaNumber) parts.push(writeNumber(value))
  else if (Array.isArray(value)) {
    parts.push('[')
    value.forEach((item, index) => {
      if (index > 0) parts.push(',')
      writeInto(item, parts)
    })
    parts.push(']')
  } else {
    parts.push('{')
    let first = true
    for (const [key, item] of value) {
      if (!first) parts.push(',')
      first = false
      parts.push(quoteJsonString(key), ':')
      writeInto(item, parts)
    }
    parts.push('}')
  }
}

function writeNumber(number: JavaNumber): string {
  if (number.type !== 'Double') return number.text
  const d = number.value
  if (!Number.isFinite(d)) return 'null'
  if (Number.isInteger(d) && Math.abs(d) < 1e15) return `${BigInt(d).toString()}.0`
  return formatJavaDouble(d)
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
}

const hex4 = (unit: number): string => '\\u' + unit.toString(16).padStart(4, '0')

/** Quotes a string as a JSON string literal. */
export function quoteJsonString(text: string): string {
  let out = '"'
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    const unit = text.charCodeAt(i)
    const named = NAMED_ESCAPES[ch]
    if (named !== undefined) out += named
    else if (unit < 0x20 || unit === 0x7f) out += hex4(unit)
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + text.charAt(i + 1)
        i++
      } else {
        out += hex4(unit)
      }
    } else if (unit >= 0xdc00 && unit <= 0xdfff) out += hex4(unit)
    else out += ch
  }
  return out + '"'
}

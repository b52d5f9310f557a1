/** Header and media-type helpers shared by the stages. */

/** A header as it travels: name (casing kept) and one value. Repeated headers repeat. */
export type HeaderPair = [name: string, value: string]

/** Expands the scenario's header record (arrays = repeated header) into ordered pairs. */
export function flattenHeaders(
  headers: Record<string, string | string[]> | undefined,
): HeaderPair[] {
  const out: HeaderPair[] = []
  if (!headers || typeof headers !== 'object') return out
  for (const name of Object.keys(headers)) {
    const value = headers[name]
    if (Array.isArray(value)) for (const v of value) out.push([name, String(v)])
    else if (value !== undefined && value !== null) out.push([name, String(value)])
  }
  return out
}

/** The first value of a header, names compared case-insensitively. */
export function firstHeader(headers: readonly HeaderPair[], name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [n, v] of headers) if (n.toLowerCase() === lower) return v
  return undefined
}

/** The last value of a header (API Gateway's single-value view keeps the last one). */
export function lastHeader(headers: readonly HeaderPair[], name: string): string | undefined {
  const lower = name.toLowerCase()
  let found: string | undefined
  for (const [n, v] of headers) if (n.toLowerCase() === lower) found = v
  return found
}

/**
 * Sets a header, replacing the first one of the same name (any casing) in place, else appending.
 */
export function setHeader(headers: HeaderPair[], name: string, value: string): void {
  const lower = name.toLowerCase()
  const index = headers.findIndex(([n]) => n.toLowerCase() === lower)
  if (index >= 0) headers[index] = [name, value]
  else headers.push([name, value])
}

/** The MIME type of a Content-Type/Accept value: parameters after `;` dropped, lower-cased. */
export function mimeOf(value: string): string {
  const semi = value.indexOf(';')
  return (semi >= 0 ? value.slice(0, semi) : value).trim().toLowerCase()
}

/**
 * The first media type of an Accept header: API Gateway honours only that one.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html
 */
export function firstMediaType(accept: string): string {
  const comma = accept.indexOf(',')
  return mimeOf(comma >= 0 ? accept.slice(0, comma) : accept)
}

/**
 * Whether a media type is binary for the API: exact `type/subtype`, or an entry `type/*`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html). A wildcard on the left never matches (`proxy-binary-left-wildcard-not-supported`).
 */
export function matchBinaryMediaType(
  mime: string,
  binaryMediaTypes: readonly string[],
): string | undefined {
  const slash = mime.indexOf('/')
  if (slash <= 0 || slash === mime.length - 1) return undefined
  const type = mime.slice(0, slash)
  for (const raw of binaryMediaTypes) {
    const entry = String(raw).trim().toLowerCase()
    // `*/*` is what AWS's docs suggest for "everything binary"; not covered by recordings.
    if (entry === '*/*') return raw
    // A wildcard type never matches, not even the same literal text (observed).
    if (entry.startsWith('*/')) continue
    if (entry === mime) return raw
    if (entry.endsWith('/*') && entry.slice(0, -2) === type) return raw
  }
  return undefined
}

/** Prints pairs the way Java's `Map.toString()` does: `{a=1, b=2}`. */
export function formatJavaMap(entries: Iterable<readonly [string, string]>): string {
  let out = ''
  for (const [k, v] of entries) out += (out ? ', ' : '') + k + '=' + v
  return '{' + out + '}'
}

/** Byte length of a string once encoded as UTF-8. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** `Thu, 01 Jan 2026 12:00:00 GMT`: an HTTP `Date` header value. */
export function httpDate(epochMs: number): string {
  const d = new Date(epochMs)
  return Number.isNaN(d.getTime()) ? 'Thu, 01 Jan 1970 00:00:00 GMT' : d.toUTCString()
}

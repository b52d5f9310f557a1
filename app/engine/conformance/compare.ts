/**
 * Compares a simulation with a conformance case's `expect` block, following
 * `../shared/conformance/FORMAT.md`. Pure: returns the differences as short readable lines.
 */
import type { CaseExpectation, Diagnostic, Json, Simulation } from '../../model'

/** FORMAT.md's wildcard: any one JSON value, or in text any run of characters. */
export const ANY = '<<any>>'

/** One way the simulation differed from the expectation. */
export type Mismatch = {
  /** Which part of `expect` failed. */
  field:
    | 'statusCode'
    | 'headers'
    | 'absentHeaders'
    | 'body'
    | 'bodyJson'
    | 'bodyJsonSubset'
    | 'bodyBase64'
    | 'lambdaEvent'
    | 'executionLog'
    | 'diagnostics'
  /** One line saying what differed. */
  message: string
}

const SNIPPET = 60

/** Text shown in a message: quoted, control characters escaped, long text cut in the middle. */
export function quote(text: string, max = SNIPPET): string {
  const cut = text.length > max ? `${text.slice(0, max - 20)}…${text.slice(-16)}` : text
  return JSON.stringify(cut)
}

/** Whole-string match where each `<<any>>` in the pattern stands for any run of characters. */
export function matchText(pattern: string, text: string): boolean {
  const parts = pattern.split(ANY)
  const first = parts[0] ?? ''
  if (parts.length === 1) return pattern === text
  const last = parts[parts.length - 1] ?? ''
  if (!text.startsWith(first) || text.length < first.length + last.length) return false
  if (!text.endsWith(last)) return false
  // Leftmost placement of each middle piece is optimal for single-wildcard globs.
  let at = first.length
  const end = text.length - last.length
  for (const piece of parts.slice(1, -1)) {
    const found = text.indexOf(piece, at)
    if (found < 0 || found + piece.length > end) return false
    at = found + piece.length
  }
  return true
}

function describeTextDiff(expected: string, actual: string): string {
  if (expected.includes(ANY)) return `expected ${quote(expected)}, got ${quote(actual)}`
  let i = 0
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++
  const from = Math.max(0, i - 20)
  const exp = expected.slice(from, i + 30)
  const got = actual.slice(from, i + 30)
  const where = `at offset ${i}${from > 0 ? ' (…shown from ' + from + ')' : ''}`
  return `differs ${where}: expected ${quote(exp)}, got ${quote(got)} (lengths ${expected.length} vs ${actual.length})`
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function pathJoin(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
}

function show(value: Json | undefined): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 44)}…${text.slice(-12)}` : text
}

/**
 * The differences between an expected and an actual JSON value, as `path: expected …, got …`
 * lines (at most `limit`). `subset` ignores keys the expectation does not name.
 */
export function diffJson(
  expected: Json,
  actual: Json | undefined,
  path: string,
  subset = false,
  limit = 3,
): string[] {
  const out: string[] = []
  const walk = (exp: Json, act: Json | undefined, p: string): void => {
    if (out.length >= limit || exp === ANY) return
    if (isObject(exp)) {
      if (!isObject(act)) return void out.push(`${p}: expected an object, got ${show(act)}`)
      for (const key of Object.keys(exp)) {
        const kp = pathJoin(p, key)
        if (!Object.hasOwn(act, key)) out.push(`${kp}: missing (expected ${show(exp[key])})`)
        else walk(exp[key] as Json, act[key], kp)
        if (out.length >= limit) return
      }
      if (subset) return
      for (const key of Object.keys(act)) {
        if (!Object.hasOwn(exp, key)) out.push(`${pathJoin(p, key)}: unexpected ${show(act[key])}`)
        if (out.length >= limit) return
      }
      return
    }
    if (Array.isArray(exp)) {
      if (!Array.isArray(act)) return void out.push(`${p}: expected an array, got ${show(act)}`)
      if (exp.length !== act.length) {
        out.push(`${p}: expected ${exp.length} items, got ${act.length}: ${show(act)}`)
        return
      }
      exp.forEach((item, i) => walk(item, act[i], pathJoin(p, i)))
      return
    }
    if (typeof exp === 'string' && typeof act === 'string' && matchText(exp, act)) return
    if (exp !== act) out.push(`${p}: expected ${show(exp)}, got ${show(act)}`)
  }
  walk(expected, actual, path)
  return out
}

/** Response headers by lower-case name; a repeated header is its values joined with ", ". */
export function collectHeaders(headers: readonly [string, string][]): Map<string, string> {
  const out = new Map<string, string>()
  for (const [name, value] of headers) {
    const key = name.toLowerCase()
    const prev = out.get(key)
    out.set(key, prev === undefined ? value : `${prev}, ${value}`)
  }
  return out
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Bytes of a base64 text (padding optional); undefined when it is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return undefined
  const bytes: number[] = []
  let buffer = 0
  let bits = 0
  for (const ch of clean) {
    buffer = (buffer << 6) | B64.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((buffer >> bits) & 0xff)
    }
  }
  return Uint8Array.from(bytes)
}

function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '='
    out += i + 2 < bytes.length ? B64[n & 63]! : '='
  }
  return out
}

/** The response body's bytes: `bodyBase64` when the body is binary, else the text as UTF-8. */
export function responseBytes(response: Simulation['response']): Uint8Array {
  if (response.bodyBase64 !== undefined) {
    return decodeBase64(response.bodyBase64) ?? new TextEncoder().encode(response.bodyBase64)
  }
  return new TextEncoder().encode(response.body)
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

function parseBody(body: string): { ok: true; value: Json } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) as Json }
  } catch {
    return { ok: false }
  }
}

/** Every way `sim` differs from `expect`; empty when the case passes. */
export function compareExpectation(expect: CaseExpectation, sim: Simulation): Mismatch[] {
  const out: Mismatch[] = []
  const { response } = sim
  if (response.statusCode !== expect.statusCode) {
    out.push({
      field: 'statusCode',
      message: `status: expected ${expect.statusCode}, got ${response.statusCode} (body ${quote(response.body, 80)})`,
    })
  }
  const headers = collectHeaders(response.headers)
  for (const [name, value] of Object.entries(expect.headers ?? {})) {
    const got = headers.get(name.toLowerCase())
    if (got === undefined) out.push({ field: 'headers', message: `header ${name}: missing` })
    else if (!matchText(value, got)) {
      out.push({
        field: 'headers',
        message: `header ${name}: expected ${quote(value)}, got ${quote(got)}`,
      })
    }
  }
  for (const name of expect.absentHeaders ?? []) {
    const got = headers.get(name.toLowerCase())
    if (got !== undefined) {
      out.push({
        field: 'absentHeaders',
        message: `header ${name} must be absent, got ${quote(got)}`,
      })
    }
  }
  if (expect.body !== undefined && !matchText(expect.body, response.body)) {
    out.push({ field: 'body', message: `body ${describeTextDiff(expect.body, response.body)}` })
  }
  for (const field of ['bodyJson', 'bodyJsonSubset'] as const) {
    const expected = expect[field]
    if (expected === undefined) continue
    const parsed = parseBody(response.body)
    if (!parsed.ok) {
      out.push({ field, message: `${field}: body is not JSON: ${quote(response.body)}` })
      continue
    }
    for (const line of diffJson(expected, parsed.value, field, field === 'bodyJsonSubset')) {
      out.push({ field, message: line })
    }
  }
  if (expect.bodyBase64 !== undefined) {
    const want = decodeBase64(expect.bodyBase64) ?? new Uint8Array()
    const got = responseBytes(response)
    if (!sameBytes(want, got)) {
      out.push({
        field: 'bodyBase64',
        message: `body bytes: expected ${want.length} bytes ${quote(expect.bodyBase64, 40)}, got ${got.length} bytes ${quote(encodeBase64(got), 40)}`,
      })
    }
  }
  if (expect.lambdaEvent !== undefined) {
    if (sim.lambdaEvent === undefined) {
      out.push({ field: 'lambdaEvent', message: 'lambdaEvent: the function was not invoked' })
    } else {
      for (const line of diffJson(expect.lambdaEvent, sim.lambdaEvent, 'lambdaEvent')) {
        out.push({ field: 'lambdaEvent', message: line })
      }
    }
  }
  const log = sim.log.join('\n')
  for (const line of expect.executionLog ?? []) {
    if (!matchText(`${ANY}${line}${ANY}`, log)) {
      out.push({ field: 'executionLog', message: `log line missing: ${quote(line, 90)}` })
    }
  }
  return out
}

/** Each expected diagnostic (source, code, optional severity) must be among `actual`. */
export function compareDiagnostics(
  expected: readonly { source: string; code: string; severity?: Diagnostic['severity'] }[],
  actual: readonly Diagnostic[],
): Mismatch[] {
  const out: Mismatch[] = []
  for (const want of expected) {
    const found = actual.some(
      (d) =>
        d.source === want.source &&
        d.code === want.code &&
        (want.severity === undefined || d.severity === want.severity),
    )
    if (!found) {
      const got = actual.map((d) => `${d.source}:${d.code}`).join(', ') || 'none'
      const what = `${want.severity ? want.severity + ' ' : ''}${want.code} on ${want.source}`
      out.push({ field: 'diagnostics', message: `diagnostic missing: ${what} (got ${got})` })
    }
  }
  return out
}

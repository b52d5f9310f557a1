/**
 * Assertions shared by the properties. Each throws an Error naming what broke, so fast-check
 * reports the shrunk counterexample with a readable reason.
 */
import type { Diagnostic } from '../../app/model'

/** Fails the property with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

/**
 * Throws unless `value` is plain JSON data (what can be posted from a worker, stored as a
 * golden file and rendered without engine knowledge). `undefined` is allowed as an object
 * field, because optional fields are typed that way.
 */
export function checkPlainJson(value: unknown, path = '$'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return
  if (typeof value === 'number') {
    check(Number.isFinite(value), `${path} is a non-finite number (${value})`)
    return
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      check(v !== undefined, `${path}[${i}] is undefined`)
      checkPlainJson(v, `${path}[${i}]`)
    })
    return
  }
  check(typeof value === 'object', `${path} is a ${typeof value}, not JSON`)
  const proto = Object.getPrototypeOf(value)
  check(proto === Object.prototype || proto === null, `${path} is not a plain object`)
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    if (v !== undefined) checkPlainJson(v, `${path}.${k}`)
}

/** Throws unless every diagnostic is well formed (and inside `length` when given). */
export function checkDiagnostics(diags: readonly Diagnostic[], length?: number): void {
  for (const d of diags) {
    const where = `diagnostic ${d.code} (${d.message})`
    check(typeof d.source === 'string' && d.source !== '', `${where} has no source`)
    check(['error', 'warning', 'info'].includes(d.severity), `${where} has a bad severity`)
    check(typeof d.code === 'string' && d.code !== '', `${where} has no code`)
    check(typeof d.message === 'string' && d.message !== '', `${where} has no message`)
    const { start, end } = d.span
    check(
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end,
      `${where} has a bad span ${start}..${end}`,
    )
    if (length !== undefined)
      check(end <= length, `${where} span ${start}..${end} is past the end (${length})`)
  }
}

/** Throws if anything was added to the prototypes untrusted keys could reach. */
export function checkNoPollution(): void {
  for (const proto of [Object.prototype, Array.prototype, String.prototype, Function.prototype]) {
    for (const k of ['polluted', 'pwned', 'isAdmin', 'x', 'a', 'k'])
      check(!Object.prototype.hasOwnProperty.call(proto, k), `prototype gained "${k}"`)
  }
  check(({} as Record<string, unknown>).polluted === undefined, 'Object.prototype polluted')
}

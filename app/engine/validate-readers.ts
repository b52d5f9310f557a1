/**
 * Generic readers for untrusted JSON: each one checks a value, records a diagnostic naming its
 * JSON path when it is wrong, and returns a fresh copy. Used by the scenario and case validators.
 */
import type { Diagnostic, Json } from '../model'

/** Limits on untrusted input, so a hostile value cannot exhaust the stack or the memory. */
export const SCENARIO_LIMITS = { maxDepth: 64, maxNodes: 200_000, maxTextChars: 16_000_000 }

/** Keys that would reach Object.prototype when a map is indexed with user text. */
export const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** Collected diagnostics and the budget spent so far. */
export type Ctx = { diags: Diagnostic[]; nodes: number; chars: number }

/** A plain object read from untrusted input. */
export type Obj = Record<string, unknown>

/** Records a diagnostic on the scenario editor (untrusted input has no text span to point at). */
export function report(
  ctx: Ctx,
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  hint?: string,
): void {
  const diag: Diagnostic = {
    source: 'scenario',
    severity,
    code,
    message,
    span: { start: 0, end: 0 },
  }
  if (hint !== undefined) diag.hint = hint
  ctx.diags.push(diag)
}

/** `a.b`, `a["x-y"]`, `a[0]`: a JSON path a person can follow. */
export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`
  return `${path}[${JSON.stringify(key)}]`
}

/** What a wrong value is, for messages: `an array`, `the string "x"`, `number 3`. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  return `${typeof value} ${String(value)}`
}

/** A `{...}` object (not an array, class instance or exotic prototype). */
export function isPlainObject(value: unknown): value is Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** The value as a plain object, or a `scenario.type` error. */
export function readObject(value: unknown, path: string, ctx: Ctx): Obj | undefined {
  if (isPlainObject(value)) return value
  report(ctx, 'error', 'scenario.type', `${path} must be an object, not ${describe(value)}`)
  return undefined
}

/** Warns about fields that are not part of the model; they are left out of the clean copy. */
export function checkFields(
  obj: Obj,
  path: string,
  ctx: Ctx,
  known: string[],
  extras: string[] = [],
) {
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue
    if (extras.includes(key)) {
      report(ctx, 'info', 'scenario.ignored-field', `${join(path, key)} is not simulated; ignored`)
    } else {
      report(
        ctx,
        'warning',
        'scenario.unknown-field',
        `${join(path, key)} is not a known field; ignored`,
        `Known fields here: ${known.join(', ')}`,
      )
    }
  }
}

/** An own property that is not `undefined`. */
export function has(obj: Obj, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && obj[key] !== undefined
}

/** `obj[key]` as a string (counted against the text budget); `required` reports its absence. */
export function readString(obj: Obj, key: string, path: string, ctx: Ctx, required = false) {
  const p = join(path, key)
  if (!has(obj, key)) {
    if (required) report(ctx, 'error', 'scenario.missing', `${p} is required`)
    return undefined
  }
  const value = obj[key]
  if (typeof value === 'string') return countText(value, p, ctx)
  report(ctx, 'error', 'scenario.type', `${p} must be a string, not ${describe(value)}`)
  return undefined
}

/** `obj[key]` as one of the allowed strings, or a `scenario.enum` error listing them. */
export function readEnum<T extends string>(
  obj: Obj,
  key: string,
  path: string,
  ctx: Ctx,
  allowed: readonly T[],
  required = false,
): T | undefined {
  const value = readString(obj, key, path, ctx, required)
  if (value === undefined) return undefined
  if ((allowed as readonly string[]).includes(value)) return value as T
  const list = allowed.map((a) => `"${a}"`)
  const words = list.length === 2 ? list.join(' or ') : `one of ${list.join(', ')}`
  report(ctx, 'error', 'scenario.enum', `${join(path, key)} must be ${words}`)
  return undefined
}

/** Counts text against the size limit; undefined (reported once) when the scenario holds too much. */
export function countText(text: string, path: string, ctx: Ctx): string | undefined {
  ctx.chars += text.length
  if (ctx.chars <= SCENARIO_LIMITS.maxTextChars) return text
  if (ctx.chars - text.length <= SCENARIO_LIMITS.maxTextChars) {
    report(ctx, 'error', 'scenario.too-large', `${path}: the scenario holds too much text`)
  }
  return undefined
}

/** Counts one more value; false (reported once) when the scenario holds too many. */
export function spendNode(path: string, ctx: Ctx): boolean {
  if (++ctx.nodes <= SCENARIO_LIMITS.maxNodes) return true
  if (ctx.nodes === SCENARIO_LIMITS.maxNodes + 1) {
    report(ctx, 'error', 'scenario.too-large', `${path}: the scenario holds too many values`)
  }
  return false
}

/** A fresh copy of a JSON value; `__proto__` and friends stay ordinary data keys. */
export function readJson(value: unknown, path: string, ctx: Ctx, depth = 0): Json | undefined {
  if (!spendNode(path, ctx)) return undefined
  if (depth > SCENARIO_LIMITS.maxDepth) {
    report(ctx, 'error', 'scenario.too-deep', `${path} is nested too deeply`)
    return undefined
  }
  if (value === null || typeof value === 'boolean') return value
  if (typeof value === 'string') return countText(value, path, ctx)
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value
    report(ctx, 'error', 'scenario.type', `${path} must be a finite number`)
    return undefined
  }
  if (Array.isArray(value)) {
    if (value.length > SCENARIO_LIMITS.maxNodes) {
      report(ctx, 'error', 'scenario.too-large', `${path} has too many items`)
      return undefined
    }
    const out: Json[] = []
    for (let i = 0; i < value.length; i++) {
      const item = readJson(value[i], join(path, i), ctx, depth + 1)
      if (item === undefined) return undefined
      out.push(item)
    }
    return out
  }
  if (isPlainObject(value)) {
    const out: { [key: string]: Json } = {}
    for (const key of Object.keys(value)) {
      const item = readJson(value[key], join(path, key), ctx, depth + 1)
      if (item === undefined) return undefined
      Object.defineProperty(out, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return out
  }
  report(ctx, 'error', 'scenario.type', `${path} must be a JSON value, not ${describe(value)}`)
  return undefined
}

/** A map of user-chosen keys; hostile keys are dropped so lookups cannot reach the prototype. */
export function readRecord<T>(
  obj: Obj,
  key: string,
  path: string,
  ctx: Ctx,
  readValue: (value: unknown, path: string, key: string) => T | undefined,
): Record<string, T> | undefined {
  if (!has(obj, key)) return undefined
  const p = join(path, key)
  const source = readObject(obj[key], p, ctx)
  if (source === undefined) return undefined
  const out: Record<string, T> = {}
  for (const k of Object.keys(source)) {
    if (!spendNode(join(p, k), ctx)) return out
    if (HOSTILE_KEYS.has(k)) {
      report(
        ctx,
        'warning',
        'scenario.key',
        `${join(p, k)}: the key "${k}" is not allowed; ignored`,
      )
      continue
    }
    const value = readValue(source[k], join(p, k), k)
    if (value !== undefined) out[k] = value
  }
  return out
}

/** A reader of string values, for `readRecord` and arrays. */
export function stringValue(ctx: Ctx) {
  return (value: unknown, path: string): string | undefined => {
    if (typeof value === 'string') return countText(value, path, ctx)
    report(ctx, 'error', 'scenario.type', `${path} must be a string, not ${describe(value)}`)
    return undefined
  }
}

/** A reader of boolean values, for `readRecord`. */
export function booleanValue(ctx: Ctx) {
  return (value: unknown, path: string): boolean | undefined => {
    if (typeof value === 'boolean') return value
    report(ctx, 'error', 'scenario.type', `${path} must be true or false, not ${describe(value)}`)
    return undefined
  }
}

/** Status codes are strings in AWS's shapes (`"200"`); a whole number is accepted with a warning. */
export function readStatusCode(obj: Obj, key: string, path: string, ctx: Ctx, fallback?: string) {
  const p = join(path, key)
  if (!has(obj, key)) {
    // Maps keyed by status code may leave it out: the key is the status code then.
    if (fallback !== undefined && /^[1-5]\d\d$/.test(fallback)) return fallback
    report(ctx, 'error', 'scenario.missing', `${p} is required`)
    return undefined
  }
  let value = obj[key]
  if (typeof value === 'number' && Number.isInteger(value)) {
    report(ctx, 'warning', 'scenario.status-code', `${p} should be the string "${value}"`)
    value = String(value)
  }
  if (typeof value === 'string' && /^[1-5]\d\d$/.test(value)) return value
  report(
    ctx,
    'error',
    'scenario.status-code',
    `${p} must be an HTTP status code string such as "200", not ${describe(value)}`,
    'AWS accepts three digits from 100 to 599.',
  )
  return undefined
}

/** Entries keyed by status code must repeat their key as `statusCode`. */
export function statusKeyed<T extends { statusCode?: string }>(
  ctx: Ctx,
  readEntry: (o: Obj, path: string, key: string) => T | undefined,
) {
  return (value: unknown, path: string, key: string): T | undefined => {
    const o = readObject(value, path, ctx)
    if (o === undefined) return undefined
    const entry = readEntry(o, path, key)
    if (entry?.statusCode !== undefined && entry.statusCode !== key && /^[1-5]\d\d$/.test(key)) {
      report(
        ctx,
        'warning',
        'scenario.status-code',
        `${join(path, 'statusCode')} is "${entry.statusCode}" but its key is "${key}"`,
      )
    }
    return entry
  }
}

/** An array of strings; any wrong item makes the whole array undefined. */
export function readStringArray(value: unknown, path: string, ctx: Ctx): string[] | undefined {
  if (!Array.isArray(value)) {
    report(
      ctx,
      'error',
      'scenario.type',
      `${path} must be an array of strings, not ${describe(value)}`,
    )
    return undefined
  }
  if (value.length > SCENARIO_LIMITS.maxNodes) {
    report(ctx, 'error', 'scenario.too-large', `${path} has too many items`)
    return undefined
  }
  const read = stringValue(ctx)
  const out: string[] = []
  for (let i = 0; i < value.length; i++) {
    const item = read(value[i], join(path, i))
    if (item === undefined) return undefined
    out.push(item)
  }
  return out
}

/**
 * Runs a reader and returns its value only when no error was recorded; an exception from hostile
 * input (a proxy, a throwing getter) becomes a diagnostic instead of escaping.
 */
export function guard<T>(ctx: Ctx, run: () => T | undefined): T | undefined {
  try {
    const value = run()
    return ctx.diags.some((d) => d.severity === 'error') ? undefined : value
  } catch {
    // A proxy or a throwing getter in the input: report it rather than letting it escape.
    report(ctx, 'error', 'scenario.invalid', 'the scenario could not be read as plain JSON data')
    return undefined
  }
}

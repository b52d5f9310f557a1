/**
 * What every importer shares: the scenario built around one imported method, prototype-safe
 * objects, the failure every adapter may raise, and the Lambda outcome a fresh import starts with.
 */
import type { LambdaOutcome, Method, Scenario, Setup } from '../../model'
import {
  SEED_ERROR_MESSAGE,
  SEED_REQUEST_ID,
  buildRuntimeErrorOutcome,
} from '../../engine/runtime-errors'
import type { ImportedScenario, ImportWarning, NotImported } from '../types'

/** A problem that makes the whole file unreadable; `importText` turns it into `{ ok: false }`. */
export class ImportFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportFailure'
  }
}

/** Any plain JSON-like value read from a file. */
export type Value = unknown
export type Obj = Record<string, unknown>

export function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Own property read that never reaches a prototype (`__proto__`, `constructor`). */
export function own(obj: unknown, key: string): unknown {
  return isObject(obj) && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined
}

/** An object with the given entries; `__proto__` becomes an own key, not a prototype. */
export function objectFrom<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const [k, v] of entries) {
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

/** Sets one own key on a plain object (safe for `__proto__`). */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
}

/**
 * The Lambda outcome an import starts with: the seed handler's error (`raise Exception('Dummy
 * error ...')` as the Python runtime reports it, the same as the seed preset), so the imported rule
 * table shows a match at once.
 */
export function defaultLambdaOutcome(): LambdaOutcome {
  return buildRuntimeErrorOutcome({
    runtime: 'python',
    kind: 'exception',
    message: SEED_ERROR_MESSAGE,
    requestId: SEED_REQUEST_ID,
  })
}

/**
 * A request path that reaches the resource: `{id}` → `id`, `{proxy+}` → `proxy`. A method
 * without a resource path (get-method output) is placed at `/`.
 */
export function samplePath(resourcePath: string): string {
  return resourcePath.replace(/\{([^}/]+?)\+?\}/g, (_, name: string) => encodeURIComponent(name))
}

/** The method id shown in the picker: `VERB /path`, or just `VERB` without a path. */
export function methodId(httpMethod: string, resourcePath: string | undefined): string {
  return resourcePath === undefined ? httpMethod : `${httpMethod} ${resourcePath}`
}

/** Everything a format reads besides the method itself. */
export type SetupExtras = Omit<Setup, 'method'>

/** Collects what one method's import could not carry, and the warnings about its strings. */
export type Notes = { notImported: NotImported[]; warnings: ImportWarning[] }

export function createNotes(): Notes {
  return { notImported: [], warnings: [] }
}

/** The scenario around one method: the method's own request and the seed's error. */
export function buildImportedScenario(
  method: Method,
  extras: SetupExtras,
  notes: Notes,
): ImportedScenario {
  const setup: Setup = { ...dropUndefined(extras), method }
  const request: Scenario['request'] = {
    method: method.httpMethod === 'ANY' ? 'GET' : method.httpMethod,
    path: samplePath(method.resourcePath),
  }
  return {
    scenario: { setup, request, lambda: defaultLambdaOutcome() },
    notImported: notes.notImported,
    warnings: notes.warnings,
  }
}

/** A copy without keys whose value is `undefined` or an empty object/array. */
export function dropUndefined<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue
    if (Array.isArray(v) && v.length === 0) continue
    if (isObject(v) && Object.keys(v).length === 0) continue
    setOwn(out, k, v)
  }
  return out as T
}

/** A string value, or `undefined` for anything else. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** Upper-case HTTP verbs API Gateway accepts for a REST API method. */
export const HTTP_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']

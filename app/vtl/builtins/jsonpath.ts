/**
 * `$input.path(x)`, `$input.json(x)` and `integration.response.body.x`: JSONPath over a JSON
 * payload, and the compact JSON `$input.json` prints. Semantics follow Jayway JsonPath (which
 * the API Gateway docs point to) as the VTL oracle reproduces it: a missing value is
 * `undefined` (the template sees `""`); wildcards, deep scans, filters, slices and lists of
 * indexes always give a list (`isList`), possibly empty; an empty body reads as `{}`.
 *
 * Two flavours of every function: plain `Json` (the contract; JS numbers and JS objects), and
 * `JsonValue` (`./json-value`: exact key order and Java number types) for callers that want
 * `2.0`, big integers and integer-like keys to come out as API Gateway prints them.
 */
import type { Json } from '../../model'
import { createMeter, type Meter } from '../../model'
import { javaStringMatches } from '../../regex'
import {
  JavaNumber,
  javaNumberFromJs,
  javaTrim,
  jsonToValue,
  parseJsonValue,
  valueToJson,
} from './json-value'
import type { JsonParseResult, JsonValue } from './json-value'
import { writeCompactJson } from './json-write'
import { JsonPathSyntaxError, parseJsonPath } from './jsonpath-parse'
import type { FilterExpr, FilterOperand, Segment } from './jsonpath-parse'

export { JavaNumber, formatJavaDouble, parseJsonValue } from './json-value'
export type { JavaNumberType, JsonParseResult, JsonValue } from './json-value'

/** Result of evaluating a path: a value (`undefined` = nothing there) or a syntax error. */
export type JsonPathResult<T> =
  | {
      ok: true
      /** The value found; a list for indefinite paths; `undefined` when nothing matched. */
      value: T | undefined
      /** True when the path is indefinite (wildcard, deep scan, filter, slice, several indexes). */
      isList?: boolean
    }
  | { ok: false; message: string }

/** Evaluates `path` against a plain JSON document. */
export function evaluateJsonPath(
  doc: Json,
  path: string,
  meter: Meter = createMeter(),
): JsonPathResult<Json> {
  const result = evaluateJsonPathValue(cachedValueOf(doc), path, meter)
  if (!result.ok) return result
  const value = result.value === undefined ? undefined : valueToJson(result.value)
  return result.isList ? { ok: true, value, isList: true } : { ok: true, value }
}

/** Evaluates `path` against a Java-shaped document (from `parseJsonBodyValue`). */
export function evaluateJsonPathValue(
  doc: JsonValue,
  path: string,
  meter: Meter = createMeter(),
): JsonPathResult<JsonValue> {
  const walk: Walk = { root: doc, meter }
  let segments: Segment[]
  try {
    segments = cachedParse(path)
  } catch (error) {
    if (error instanceof JsonPathSyntaxError) return { ok: false, message: error.message }
    throw error
  }
  const last = segments[segments.length - 1]
  const body = segments.slice(0, -1)
  // Jayway merges `['a','b']` at the end of a definite path into one object.
  if (last?.kind === 'name' && last.names.length > 1 && body.every(isDefinite)) {
    const [node] = select(doc, body, walk)
    if (!(node instanceof Map)) return { ok: true, value: undefined }
    const merged = new Map<string, JsonValue>()
    for (const name of last.names) {
      if (node.has(name)) merged.set(name, node.get(name) as JsonValue)
    }
    return { ok: true, value: merged }
  }
  const values = select(doc, segments, walk)
  if (segments.every(isDefinite)) return { ok: true, value: values[0] }
  return { ok: true, value: values, isList: true }
}

/** How `$input.json(x)` prints a value: compact JSON; nothing found prints as `""`. */
export function formatInputJson(value: Json | JsonValue | undefined): string {
  return value === undefined ? '' : writeCompactJson(toValueLoose(value))
}

/** The payload as `$input.path` sees it: Java-trimmed; empty → `{}`, otherwise strict JSON. */
export function parseJsonBodyValue(body: string): JsonParseResult<JsonValue> {
  const trimmed = javaTrim(body)
  return trimmed === '' ? { ok: true, value: new Map() } : parseJsonValue(trimmed)
}

/** `parseJsonBodyValue` as plain JSON (the error value is what the template's call fails with). */
export function parseJsonBody(body: string): JsonParseResult<Json> {
  const parsed = parseJsonBodyValue(body)
  return parsed.ok ? { ok: true, value: valueToJson(parsed.value) } : parsed
}

// ---- evaluation ---------------------------------------------------------------------------

function isDefinite(segment: Segment): boolean {
  return (
    (segment.kind === 'name' && segment.names.length === 1) ||
    (segment.kind === 'index' && segment.indexes.length === 1)
  )
}

function select(start: JsonValue, segments: Segment[], walk: Walk): JsonValue[] {
  let nodes: JsonValue[] = [start]
  for (const segment of segments) {
    const next: JsonValue[] = []
    for (const node of nodes) applySegment(segment, node, walk, next)
    nodes = next
  }
  return nodes
}

function applySegment(segment: Segment, node: JsonValue, walk: Walk, out: JsonValue[]): void {
  switch (segment.kind) {
    case 'name':
      if (node instanceof Map) {
        for (const name of segment.names) if (node.has(name)) out.push(node.get(name) as JsonValue)
      }
      return
    case 'wildcard':
      if (node instanceof Map) out.push(...node.values())
      else if (Array.isArray(node)) out.push(...node)
      return
    case 'index':
      if (!Array.isArray(node)) return
      for (const index of segment.indexes) {
        const at = index < 0 ? node.length + index : index
        if (at >= 0 && at < node.length) out.push(node[at] as JsonValue)
      }
      return
    case 'slice':
      if (Array.isArray(node)) out.push(...sliceList(node, segment))
      return
    case 'filter':
      if (Array.isArray(node)) {
        for (const item of node) if (testFilter(segment.expr, item, walk)) out.push(item)
      } else if (node instanceof Map && testFilter(segment.expr, node, walk)) {
        out.push(node)
      }
      return
    case 'scan':
      scan(segment.inner, node, walk, out)
      return
  }
}

/** Deep scan: the selector on this node first, then on every descendant, depth first. */
function scan(inner: Segment, node: JsonValue, walk: Walk, out: JsonValue[]): void {
  applySegment(inner, node, walk, out)
  const children = node instanceof Map ? [...node.values()] : Array.isArray(node) ? node : []
  for (const child of children) scan(inner, child, walk, out)
}

function sliceList(list: JsonValue[], slice: { start?: number; end?: number; step?: number }) {
  const n = list.length
  const step = slice.step ?? 1
  const clamp = (value: number, low: number, high: number): number =>
    Math.min(high, Math.max(low, value < 0 ? value + n : value))
  const out: JsonValue[] = []
  if (step > 0) {
    const from = clamp(slice.start ?? 0, 0, n)
    const to = clamp(slice.end ?? n, 0, n)
    for (let i = from; i < to; i += step) out.push(list[i] as JsonValue)
  } else {
    const from = clamp(slice.start ?? n - 1, -1, n - 1)
    const to = slice.end === undefined ? -1 : clamp(slice.end, -1, n - 1)
    for (let i = from; i > to; i += step) out.push(list[i] as JsonValue)
  }
  return out
}

/** What a path walk carries: the document root (`$`) and the meter its regex filters charge. */
type Walk = { root: JsonValue; meter: Meter }

// ---- filters ------------------------------------------------------------------------------

/** A `/regex/` operand: a Java pattern, matched against the whole string like Jayway does. */
class JavaPattern {
  constructor(readonly source: string) {}
}

type Operand = JsonValue | JavaPattern | undefined

function testFilter(expr: FilterExpr, current: JsonValue, walk: Walk): boolean {
  switch (expr.kind) {
    case 'or':
      return testFilter(expr.left, current, walk) || testFilter(expr.right, current, walk)
    case 'and':
      return testFilter(expr.left, current, walk) && testFilter(expr.right, current, walk)
    case 'not':
      return !testFilter(expr.expr, current, walk)
    case 'test': {
      const value = operandValue(expr.operand, current, walk)
      // A path tests for existence; a literal for being neither false nor null.
      if (expr.operand.kind === 'path') {
        return isListPath(expr.operand)
          ? Array.isArray(value) && value.length > 0
          : value !== undefined
      }
      return value !== false && value !== null
    }
    case 'compare':
      return compare(
        walk.meter,
        expr.op,
        operandValue(expr.left, current, walk),
        operandValue(expr.right, current, walk),
      )
  }
}

function isListPath(operand: FilterOperand): boolean {
  return operand.kind === 'path' && !operand.segments.every(isDefinite)
}

function operandValue(operand: FilterOperand, current: JsonValue, walk: Walk): Operand {
  if (operand.kind === 'literal') return operand.value
  if (operand.kind === 'regex') return new JavaPattern(operand.pattern)
  const values = select(operand.root === '@' ? current : walk.root, operand.segments, walk)
  return operand.segments.every(isDefinite) ? values[0] : values
}

function compare(meter: Meter, op: string, left: Operand, right: Operand): boolean {
  switch (op) {
    case '==':
      return isEqual(left, right)
    case '!=':
      return !isEqual(left, right)
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const order = ordering(left, right)
      if (order === undefined) return false
      return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0
    }
    case '=~':
      return (
        right instanceof JavaPattern && typeof left === 'string' && matchesJava(left, right, meter)
      )
    case 'in':
      return Array.isArray(right) && right.some((item) => isEqual(left, item))
    case 'nin':
      return !(Array.isArray(right) && right.some((item) => isEqual(left, item)))
    case 'subsetof':
      return (
        Array.isArray(left) &&
        Array.isArray(right) &&
        left.every((l) => right.some((r) => isEqual(l, r)))
      )
    case 'anyof':
      return (
        Array.isArray(left) &&
        Array.isArray(right) &&
        left.some((l) => right.some((r) => isEqual(l, r)))
      )
    case 'noneof':
      return (
        Array.isArray(left) &&
        Array.isArray(right) &&
        !left.some((l) => right.some((r) => isEqual(l, r)))
      )
    case 'size':
      return right instanceof JavaNumber && sizeOf(left) === right.value
    case 'empty':
      return (
        typeof right === 'boolean' && sizeOf(left) !== undefined && (sizeOf(left) === 0) === right
      )
    default:
      return false
  }
}

/** Java `Matcher.matches()`; a pattern Java would reject matches nothing. */
function matchesJava(input: string, pattern: JavaPattern, meter: Meter): boolean {
  const result = javaStringMatches(input, pattern.source, meter)
  return result.ok && result.value
}

function sizeOf(value: Operand): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length
  return undefined
}

function ordering(left: Operand, right: Operand): number | undefined {
  if (left instanceof JavaNumber && right instanceof JavaNumber) {
    return left.value === right.value ? 0 : left.value < right.value ? -1 : 1
  }
  if (typeof left === 'string' && typeof right === 'string') {
    return left === right ? 0 : left < right ? -1 : 1
  }
  return undefined
}

function isEqual(left: Operand, right: Operand): boolean {
  if (left === undefined || right === undefined) return false
  if (left instanceof JavaPattern || right instanceof JavaPattern) return false
  if (left instanceof JavaNumber || right instanceof JavaNumber) {
    return left instanceof JavaNumber && right instanceof JavaNumber && left.value === right.value
  }
  if (Array.isArray(left) || Array.isArray(right)) {
    return (
      Array.isArray(left) &&
      Array.isArray(right) &&
      left.length === right.length &&
      left.every((item, index) => isEqual(item, right[index]))
    )
  }
  if (left instanceof Map || right instanceof Map) {
    if (!(left instanceof Map && right instanceof Map) || left.size !== right.size) return false
    for (const [key, item] of left)
      if (!right.has(key) || !isEqual(item, right.get(key))) return false
    return true
  }
  return left === right
}

// ---- caches -------------------------------------------------------------------------------

const PARSE_CACHE_LIMIT = 512
const parseCache = new Map<string, Segment[]>()

/** Templates evaluate the same few paths over and over (often inside `#foreach`). */
function cachedParse(path: string): Segment[] {
  const hit = parseCache.get(path)
  if (hit !== undefined) return hit
  const segments = parseJsonPath(path)
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear()
  parseCache.set(path, segments)
  return segments
}

const valueCache = new WeakMap<object, JsonValue>()

function cachedValueOf(doc: Json): JsonValue {
  if (doc === null || typeof doc !== 'object') return jsonToValue(doc)
  const hit = valueCache.get(doc)
  if (hit !== undefined) return hit
  const value = jsonToValue(doc)
  valueCache.set(doc, value)
  return value
}

function toValueLoose(value: Json | JsonValue): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
  if (typeof value === 'number') return javaNumberFromJs(value)
  if (value instanceof JavaNumber) return value
  if (Array.isArray(value)) return (value as (Json | JsonValue)[]).map(toValueLoose)
  if (value instanceof Map) {
    const map = new Map<string, JsonValue>()
    for (const [key, item] of value) map.set(key, toValueLoose(item))
    return map
  }
  const map = new Map<string, JsonValue>()
  for (const key of Object.keys(value)) map.set(key, toValueLoose(value[key] as Json))
  return map
}

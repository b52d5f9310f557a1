/**
 * The whitelist: the only methods and properties a template can reach. Anything else
 * (`getClass`, `constructor`, `__proto__`, ...) is "no such method", which API Gateway's
 * Velocity turns into an empty string.
 */
import type { Meter } from '../../model'
import { encodeUtf8Java } from '../builtins/java-text'
import {
  JBigInt,
  JDouble,
  JEntry,
  JHost,
  JIterator,
  JList,
  JLong,
  JMap,
  JMapView,
  JSubList,
  javaClassOf,
  javaEquals,
  javaHash,
  javaToString,
  type JValue,
} from '../values'
import { compareNumbers } from '../operators'
import {
  callEntryOrIterator,
  callListMethod,
  callMapMethod,
  callSubListMethod,
  callViewMethod,
} from './collections'
import { callStringMethod } from './string'
import { NO_METHOD, isStr, raise, type MethodResult } from './support'

export { NO_METHOD, type MethodResult } from './support'
export { iteratorHasNext, iteratorNext, listIterator, viewIterator } from './collections'

/** What host objects (`$input`, `$util`, `$foreach`, `#define` blocks) implement. */
export type HostImpl = {
  call(name: string, args: JValue[]): MethodResult
  prop(name: string): MethodResult
}

function parseIntJava(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) raise('java.lang.NumberFormatException', `For input string: "${s}"`)
  const n = BigInt(s)
  if (n < -(2n ** 31n) || n >= 2n ** 31n)
    raise('java.lang.NumberFormatException', `For input string: "${s}"`)
  return Number(n)
}

function callNumber(
  v: number | JDouble | JLong | JBigInt,
  name: string,
  a: JValue[],
): MethodResult {
  const [x] = a
  const n = a.length
  const asNum = v instanceof JDouble ? v.v : typeof v === 'number' ? v : Number(v.v)
  switch (name) {
    case 'intValue':
      if (n) return NO_METHOD
      if (v instanceof JDouble)
        return Number.isNaN(asNum)
          ? 0
          : Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Math.trunc(asNum)))
      return typeof v === 'number' ? v : Number(BigInt.asIntN(32, v.v))
    case 'byteValue':
    case 'shortValue': {
      // Java narrows through int: (byte) intValue(), (short) intValue().
      if (n) return NO_METHOD
      const i = callNumber(v, 'intValue', []) as number
      return name === 'byteValue' ? (i << 24) >> 24 : (i << 16) >> 16
    }
    case 'longValue':
      if (n) return NO_METHOD
      if (v instanceof JDouble) {
        // (long) d saturates at Long.MIN_VALUE / MAX_VALUE; NaN gives 0.
        if (Number.isNaN(asNum)) return new JLong(0n)
        if (asNum >= 2 ** 63) return new JLong(2n ** 63n - 1n)
        if (asNum <= -(2 ** 63)) return new JLong(-(2n ** 63n))
        return wrapLong(BigInt(Math.trunc(asNum)))
      }
      return wrapLong(typeof v === 'number' ? BigInt(v) : v.v)
    case 'doubleValue':
      return n ? NO_METHOD : new JDouble(asNum)
    case 'floatValue':
      return n ? NO_METHOD : new JDouble(Math.fround(asNum), true)
    case 'toString':
      return n ? NO_METHOD : javaToString(v)
    case 'equals':
      return n === 1 ? javaEquals(v, x ?? null) : NO_METHOD
    case 'hashCode':
      return n ? NO_METHOD : javaHash(v)
    case 'compareTo':
      if (
        n !== 1 ||
        x === null ||
        x === undefined ||
        typeof x === 'string' ||
        typeof x === 'boolean'
      )
        return NO_METHOD
      if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(v))
        raise(
          'java.lang.ClassCastException',
          `${javaClassOf(x)} cannot be cast to ${javaClassOf(v)}`,
        )
      return compareNumbers(v, x as number)
    case 'isNaN':
      return n === 0 && v instanceof JDouble ? Number.isNaN(asNum) : NO_METHOD
    case 'isInfinite':
      return n === 0 && v instanceof JDouble
        ? !Number.isFinite(asNum) && !Number.isNaN(asNum)
        : NO_METHOD
    case 'parseInt':
    case 'valueOf':
      if (n === 1 && isStr(x) && typeof v === 'number') return parseIntJava(x)
      if (n === 1 && name === 'valueOf' && typeof x === 'number' && typeof v === 'number') return x
      if (
        n === 1 &&
        isStr(x) &&
        v instanceof JDouble &&
        /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(x.trim())
      )
        return new JDouble(Number(x))
      return NO_METHOD
    default:
      return NO_METHOD
  }
}

function wrapLong(n: bigint): JValue {
  return new JLong(BigInt.asIntN(64, n))
}

function callBoolean(b: boolean, name: string, a: JValue[]): MethodResult {
  const [x] = a
  switch (name) {
    case 'booleanValue':
    case 'toString':
      return a.length ? NO_METHOD : name === 'toString' ? String(b) : b
    case 'equals':
      return a.length === 1 ? x === b : NO_METHOD
    case 'compareTo':
      return a.length === 1 && typeof x === 'boolean' ? (b === x ? 0 : b ? 1 : -1) : NO_METHOD
    case 'hashCode':
      return a.length ? NO_METHOD : b ? 1231 : 1237
    case 'parseBoolean':
    case 'valueOf':
      return a.length === 1 && isStr(x) ? x.toLowerCase() === 'true' : NO_METHOD
    default:
      return NO_METHOD
  }
}

/** Calls a whitelisted method; NO_METHOD when the target has none of that name and arity. */
export function callMethod(
  target: JValue,
  name: string,
  args: JValue[],
  /** Charged by regex methods (`replaceAll`, `matches`, `split`). */
  meter?: Meter,
): MethodResult {
  if (target === null) return NO_METHOD
  if (target instanceof JHost) return (target.data as HostImpl).call(name, args)
  if (name === 'toString' && args.length === 0) return javaToString(target)
  if (name === 'equals' && args.length === 1 && typeof target === 'object')
    return javaEquals(target, args[0] ?? null)
  if (name === 'hashCode' && args.length === 0) return javaHash(target)
  if (name === 'compareTo' && args.length === 1) {
    const x = args[0] ?? null
    const comparable =
      typeof target === 'string' ||
      typeof target === 'boolean' ||
      typeof target === 'number' ||
      target instanceof JDouble ||
      target instanceof JLong ||
      target instanceof JBigInt
    if (comparable && x !== null && javaClassOf(x) !== javaClassOf(target))
      raise(
        'java.lang.ClassCastException',
        `class ${javaClassOf(x)} cannot be cast to class ${javaClassOf(target)}`,
      )
  }
  if (typeof target === 'string') return callStringMethod(target, name, args, meter)
  if (typeof target === 'boolean') return callBoolean(target, name, args)
  if (
    typeof target === 'number' ||
    target instanceof JDouble ||
    target instanceof JLong ||
    target instanceof JBigInt
  )
    return callNumber(target, name, args)
  if (target instanceof JList) return callListMethod(target, name, args)
  if (target instanceof JMap) return callMapMethod(target, name, args)
  if (target instanceof JMapView) return callViewMethod(target, name, args)
  if (target instanceof JSubList) return callSubListMethod(target, name, args)
  if (target instanceof JEntry || target instanceof JIterator)
    return callEntryOrIterator(target, name, args)
  return NO_METHOD
}

/** Velocity's property lookup `$x.name`: getName()/isName(), or `get("name")` on maps. */
export function getProperty(target: JValue, name: string): MethodResult {
  if (target === null) return NO_METHOD
  if (target instanceof JHost) return (target.data as HostImpl).prop(name)
  if (target instanceof JMap) return target.get(name) ?? null
  if (target instanceof JEntry) {
    if (name === 'key') return target.key
    if (name === 'value') return target.value
    return NO_METHOD
  }
  if (
    name === 'empty' &&
    (typeof target === 'string' || target instanceof JList || target instanceof JMapView)
  )
    return callMethod(target, 'isEmpty', [])
  if (name === 'blank' && typeof target === 'string') return callMethod(target, 'isBlank', [])
  if (name === 'bytes' && typeof target === 'string')
    return new JList(encodeUtf8Java(target).map((b) => (b > 127 ? b - 256 : b)))
  if (target instanceof JIterator && name === 'next') return NO_METHOD
  return NO_METHOD
}

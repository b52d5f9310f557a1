/**
 * Helpers shared by the per-type method tables: Java's argument conversions and exceptions.
 */
import { JavaException } from '../errors'
import type { JValue } from '../values'

/** Returned when no whitelisted method or property matches (Velocity then yields null → ""). */
export const NO_METHOD: unique symbol = Symbol('no-method')
/** A method lookup result. */
export type MethodResult = JValue | typeof NO_METHOD

/** Java `int` parameter: accepts Integer only (no narrowing from Long/Double). */
export function isInt(v: JValue | undefined): v is number {
  return typeof v === 'number'
}

/** Java `String`/`CharSequence` parameter. */
export function isStr(v: JValue | undefined): v is string {
  return typeof v === 'string'
}

/** Throws a Java exception that the evaluator reports as a MethodInvocationException. */
export function raise(javaClass: string, message: string): never {
  throw new JavaException(javaClass, message)
}

/** Java's `String.hashCode`. */
export function stringHash(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0
  return h
}

/** Checks an index like Java's `Objects.checkIndex`. */
export function checkIndex(i: number, length: number): void {
  if (i < 0 || i >= length)
    raise('java.lang.IndexOutOfBoundsException', `Index ${i} out of bounds for length ${length}`)
}

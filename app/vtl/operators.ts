/**
 * Velocity 1.7's operators: MathUtils arithmetic (int → Long → BigInteger widening, doubles when
 * either side is decimal), string concatenation for `+`, and its loose `==`.
 */
import type { BinOp } from './ast'
import {
  JBigInt,
  JDouble,
  JList,
  JLong,
  JMap,
  isNumber,
  javaEquals,
  javaFloat,
  javaToString,
  type JValue,
} from './values'

type Num = number | JDouble | JLong | JBigInt

const INT_MIN = -(2n ** 31n)
const INT_MAX = 2n ** 31n - 1n
const LONG_MIN = -(2n ** 63n)
const LONG_MAX = 2n ** 63n - 1n

/** Wraps an exact integer as the narrowest of Integer / Long / BigInteger. */
export function wrapInteger(n: bigint, allowBig = true): Num {
  if (n >= INT_MIN && n <= INT_MAX) return Number(n)
  if (n >= LONG_MIN && n <= LONG_MAX) return new JLong(n)
  return allowBig ? new JBigInt(n) : new JLong(BigInt.asIntN(64, n))
}

function big(n: Num): bigint {
  if (typeof n === 'number') return BigInt(n)
  if (n instanceof JDouble) return BigInt(Math.trunc(n.v))
  return n.v
}

function dbl(n: Num): number {
  // Velocity's MathUtils reads a Float through its decimal text (0.1f + 1 is 1.1).
  if (n instanceof JDouble && n.float) return Number(javaFloat(n.v))
  return typeof n === 'number' ? n : Number(n.v)
}

/** Parses an INTEGER_LITERAL the way ASTIntegerLiteral does. */
export function integerLiteral(text: string): Num {
  return wrapInteger(BigInt(text))
}

const INT_MAX_N = 2 ** 31 - 1
const INT_MIN_N = -(2 ** 31)

function math(op: '+' | '-' | '*' | '/' | '%', a: Num, b: Num): JValue {
  // Two Integers: exact in doubles (|a op b| < 2^62 only for *, checked), no BigInt needed.
  if (typeof a === 'number' && typeof b === 'number') {
    if ((op === '/' || op === '%') && b === 0) return null
    const r =
      op === '+'
        ? a + b
        : op === '-'
          ? a - b
          : op === '*'
            ? a * b
            : op === '/'
              ? Math.trunc(a / b)
              : a % b
    if (r >= INT_MIN_N && r <= INT_MAX_N) return r === 0 ? 0 : r
    if (Number.isSafeInteger(r)) return new JLong(BigInt(r))
  }
  if (a instanceof JDouble || b instanceof JDouble) {
    const x = dbl(a)
    const y = dbl(b)
    if ((op === '/' || op === '%') && y === 0) return null
    const r =
      op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y
    return new JDouble(r)
  }
  const x = big(a)
  const y = big(b)
  if ((op === '/' || op === '%') && y === 0n) return null
  const r =
    op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x % y
  return wrapInteger(r)
}

/** Java-style numeric comparison (-1, 0, 1). */
export function compareNumbers(a: Num, b: Num): number {
  if (a instanceof JDouble || b instanceof JDouble) {
    const x = dbl(a)
    const y = dbl(b)
    return x < y ? -1 : x > y ? 1 : 0
  }
  const x = big(a)
  const y = big(b)
  return x < y ? -1 : x > y ? 1 : 0
}

function sameFamily(a: JValue, b: JValue): boolean {
  if (typeof a !== typeof b) return false
  if (typeof a !== 'object' || a === null || b === null) return true
  if (a instanceof JList && b instanceof JList) return true
  if (a instanceof JMap && b instanceof JMap) return true
  return Object.getPrototypeOf(a) === Object.getPrototypeOf(b)
}

/** Velocity's `==`: numbers by value, same classes by equals, else by toString. */
export function looseEquals(a: JValue, b: JValue): boolean {
  if (a === null || b === null) return a === b
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0
  if (sameFamily(a, b)) return javaEquals(a, b)
  return javaToString(a) === javaToString(b)
}

/** Applies a non-logical binary operator; `null` where Velocity logs an error and gives null. */
export function binary(op: Exclude<BinOp, 'and' | 'or'>, a: JValue, b: JValue): JValue {
  switch (op) {
    case 'eq':
      return looseEquals(a, b)
    case 'ne':
      return !looseEquals(a, b)
    case 'lt':
    case 'gt':
    case 'le':
    case 'ge': {
      if (!isNumber(a) || !isNumber(b)) return false
      const c = compareNumbers(a, b)
      return op === 'lt' ? c < 0 : op === 'gt' ? c > 0 : op === 'le' ? c <= 0 : c >= 0
    }
    default:
      if (op === '+' && (typeof a === 'string' || typeof b === 'string'))
        return javaToString(a) + javaToString(b)
      if (!isNumber(a) || !isNumber(b)) return null
      return math(op, a, b)
  }
}

/**
 * Whitelisted java.lang.String methods, with Java's results and exceptions. Regex methods go
 * through `app/regex` so they follow java.util.regex, not JavaScript.
 */
import {
  javaReplaceAll,
  javaReplaceFirst,
  javaSplit,
  javaStringMatches,
  type JavaRegexCall,
} from '../../regex'
import type { Meter } from '../../model'
import { JList, javaToString, type JValue } from '../values'
import { NO_METHOD, isInt, isStr, raise, stringHash, type MethodResult } from './support'

function regex<T>(r: JavaRegexCall<T>): T {
  if (r.ok) return r.value
  if (r.error === 'invalid') raise('java.util.regex.PatternSyntaxException', r.message)
  if (r.error === 'replacement') raise('java.lang.IllegalArgumentException', r.message)
  return raise(
    'vtl.untranslatable',
    `This regular expression cannot be reproduced exactly: ${r.message}`,
  )
}

function outOfBounds(msg: string): never {
  return raise('java.lang.StringIndexOutOfBoundsException', msg)
}

function substring(s: string, b: number, e: number): string {
  if (b < 0 || e > s.length || b > e) outOfBounds(`begin ${b}, end ${e}, length ${s.length}`)
  return s.slice(b, e)
}

function compare(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i)
    if (d !== 0) return d
  }
  return a.length - b.length
}

function isJavaSpace(c: string): boolean {
  const n = c.charCodeAt(0)
  if ((n >= 9 && n <= 13) || (n >= 0x1c && n <= 0x20)) return true
  return (
    [0x1680, 0x2028, 0x2029, 0x205f, 0x3000].includes(n) ||
    (n >= 0x2000 && n <= 0x200a && n !== 0x2007)
  )
}

function trim(s: string): string {
  let a = 0
  let b = s.length
  while (a < b && s.charCodeAt(a) <= 32) a++
  while (b > a && s.charCodeAt(b - 1) <= 32) b--
  return s.slice(a, b)
}

function strip(s: string, lead: boolean, trail: boolean): string {
  let a = 0
  let b = s.length
  while (lead && a < b && isJavaSpace(s[a] as string)) a++
  while (trail && b > a && isJavaSpace(s[b - 1] as string)) b--
  return s.slice(a, b)
}

function format(fmt: string, args: JValue[]): string {
  let k = 0
  return fmt.replace(/%([sdn%])/g, (_m, c: string) => {
    if (c === '%') return '%'
    if (c === 'n') return '\n'
    return javaToString(args[k++] ?? null)
  })
}

/** Calls `name` on a String, or returns NO_METHOD when Java has no such overload. */
export function callStringMethod(
  s: string,
  name: string,
  a: JValue[],
  meter?: Meter,
): MethodResult {
  const [x, y] = a
  const n = a.length
  switch (name) {
    case 'length':
      return n === 0 ? s.length : NO_METHOD
    case 'isEmpty':
      return n === 0 ? s.length === 0 : NO_METHOD
    case 'isBlank':
      return n === 0 ? strip(s, true, true) === '' : NO_METHOD
    case 'charAt':
      if (n !== 1 || !isInt(x)) return NO_METHOD
      if (x < 0 || x >= s.length) outOfBounds(`String index out of range: ${x}`)
      return s[x] as string
    case 'codePointAt':
      if (n !== 1 || !isInt(x)) return NO_METHOD
      if (x < 0 || x >= s.length) outOfBounds(`String index out of range: ${x}`)
      return s.codePointAt(x) as number
    case 'codePointCount':
      if (n !== 2 || !isInt(x) || !isInt(y)) return NO_METHOD
      return [...substring(s, x, y)].length
    case 'substring':
      if (n === 1 && isInt(x)) return substring(s, x, s.length)
      if (n === 2 && isInt(x) && isInt(y)) return substring(s, x, y)
      return NO_METHOD
    case 'indexOf':
    case 'lastIndexOf': {
      const needle = isStr(x) ? x : isInt(x) ? String.fromCodePoint(x) : undefined
      if (needle === undefined || n > 2 || (n === 2 && !isInt(y))) return NO_METHOD
      if (name === 'indexOf') return s.indexOf(needle, n === 2 ? Math.max(0, y as number) : 0)
      if (n === 2 && (y as number) < 0) return -1
      return s.lastIndexOf(needle, n === 2 ? (y as number) : Infinity)
    }
    case 'contains':
      return n === 1 && isStr(x) ? s.includes(x) : NO_METHOD
    case 'startsWith':
      if (n === 1 && isStr(x)) return s.startsWith(x)
      if (n === 2 && isStr(x) && isInt(y)) return y >= 0 && s.startsWith(x, y)
      return NO_METHOD
    case 'endsWith':
      return n === 1 && isStr(x) ? s.endsWith(x) : NO_METHOD
    case 'toUpperCase':
      return n === 0 ? s.toUpperCase() : NO_METHOD
    case 'toLowerCase':
      return n === 0 ? s.toLowerCase() : NO_METHOD
    case 'trim':
      return n === 0 ? trim(s) : NO_METHOD
    case 'strip':
      return n === 0 ? strip(s, true, true) : NO_METHOD
    case 'stripLeading':
      return n === 0 ? strip(s, true, false) : NO_METHOD
    case 'stripTrailing':
      return n === 0 ? strip(s, false, true) : NO_METHOD
    case 'replace':
      return n === 2 && isStr(x) && isStr(y) ? s.split(x).join(y) : NO_METHOD
    case 'replaceAll':
      return n === 2 && isStr(x) && isStr(y) ? regex(javaReplaceAll(s, x, y, meter)) : NO_METHOD
    case 'replaceFirst':
      return n === 2 && isStr(x) && isStr(y) ? regex(javaReplaceFirst(s, x, y, meter)) : NO_METHOD
    case 'matches':
      return n === 1 && isStr(x) ? regex(javaStringMatches(s, x, meter)) : NO_METHOD
    case 'split':
      if (n === 1 && isStr(x))
        return new JList(regex(javaSplit(s, x, 0, meter)), false, 'java.lang.String')
      if (n === 2 && isStr(x) && isInt(y))
        return new JList(regex(javaSplit(s, x, y, meter)), false, 'java.lang.String')
      return NO_METHOD
    case 'equals':
      return n === 1 ? x === s : NO_METHOD
    case 'equalsIgnoreCase':
      return n === 1
        ? isStr(x) && x.toUpperCase().toLowerCase() === s.toUpperCase().toLowerCase()
        : NO_METHOD
    case 'concat':
      return n === 1 && isStr(x) ? s + x : NO_METHOD
    case 'compareTo':
      return n === 1 && isStr(x) ? compare(s, x) : NO_METHOD
    case 'compareToIgnoreCase':
      return n === 1 && isStr(x) ? compare(s.toLowerCase(), x.toLowerCase()) : NO_METHOD
    case 'hashCode':
      return n === 0 ? stringHash(s) : NO_METHOD
    case 'toString':
    case 'intern':
      return n === 0 ? s : NO_METHOD
    case 'repeat':
      if (n !== 1 || !isInt(x)) return NO_METHOD
      if (x < 0) raise('java.lang.IllegalArgumentException', `count is negative: ${x}`)
      if (s.length * x > 1_000_000) raise('vtl.limit', 'String.repeat result is too large')
      return s.repeat(x)
    case 'toCharArray':
      return n === 0 ? new JList([...s.split('')]) : NO_METHOD
    case 'format':
      return n >= 1 && isStr(x) ? format(x, a.slice(1)) : NO_METHOD
    case 'valueOf':
      return n === 1 ? javaToString(x ?? null) : NO_METHOD
    default:
      return NO_METHOD
  }
}

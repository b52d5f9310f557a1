/**
 * JSON as API Gateway's Java side holds it: objects keep their key order exactly (a JS object
 * would move integer-like keys such as "200" to the front), and every number keeps its Java
 * type (`Integer`, `Long`, `BigInteger` or `Double`), so `2.0` stays a Double and
 * `12345678901234567890` keeps all its digits. Parsing and printing follow the VTL oracle
 * (`../shared/oracle/vtl/README.md`): the reference these helpers are tested against.
 */
import type { Json } from '../../model'

/** Java type of a JSON number: by size for integers, `Double` for anything with `.` or `e`. */
export type JavaNumberType = 'Integer' | 'Long' | 'BigInteger' | 'Double'

/** A JSON number with its Java type and exact text. */
export class JavaNumber {
  /**
   * @param type the Java class the number becomes
   * @param value the nearest JS number (exact for Integer and for Long up to 2^53)
   * @param text how Java prints it (`toString()`), e.g. `1.5`, `100.0`, `12345678901234567890`
   */
  constructor(
    readonly type: JavaNumberType,
    readonly value: number,
    readonly text: string,
  ) {}
}

/** One JSON value as Java holds it; objects are `Map`s in document order. */
export type JsonValue = null | boolean | string | JavaNumber | JsonValue[] | Map<string, JsonValue>

/** Outcome of parsing text as JSON. */
export type JsonParseResult<T> = { ok: true; value: T } | { ok: false; message: string }

const WHITESPACE = ' \t\r\n'

/** Parses JSON text strictly (RFC 8259, whitespace ` \t\r\n` only). */
export function parseJsonValue(text: string): JsonParseResult<JsonValue> {
  const parser = new JsonTextParser(text)
  try {
    parser.skipWhitespace()
    const value = parser.readValue()
    parser.skipWhitespace()
    if (parser.pos !== text.length) parser.fail('unexpected characters after the JSON value')
    return { ok: true, value }
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message }
    throw error
  }
}

class JsonSyntaxError extends Error {}

/** Deepest nesting parsed; deeper input is refused rather than overflowing the JS stack. */
const MAX_NESTING = 1000

class JsonTextParser {
  pos = 0
  private depth = 0
  constructor(private readonly text: string) {}

  fail(what: string): never {
    throw new JsonSyntaxError(`Invalid JSON at offset ${this.pos}: ${what}`)
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length && WHITESPACE.includes(this.text.charAt(this.pos))) {
      this.pos++
    }
  }

  readValue(): JsonValue {
    const ch = this.text.charAt(this.pos)
    if (ch === '{') return this.readObject()
    if (ch === '[') return this.readArray()
    if (ch === '"') return this.readString()
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.readNumber()
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length
        return value
      }
    }
    return this.fail(ch === '' ? 'unexpected end of input' : `unexpected character '${ch}'`)
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) this.fail(`nesting deeper than ${MAX_NESTING} levels`)
    this.pos++
    this.skipWhitespace()
  }

  private readObject(): Map<string, JsonValue> {
    this.enter()
    const map = new Map<string, JsonValue>()
    if (this.text.charAt(this.pos) === '}') {
      this.pos++
      this.depth--
      return map
    }
    for (;;) {
      this.skipWhitespace()
      if (this.text.charAt(this.pos) !== '"') this.fail('expected a string key')
      const key = this.readString()
      this.skipWhitespace()
      if (this.text.charAt(this.pos) !== ':') this.fail("expected ':'")
      this.pos++
      this.skipWhitespace()
      map.set(key, this.readValue())
      this.skipWhitespace()
      const next = this.text.charAt(this.pos++)
      if (next === '}') break
      if (next !== ',') this.fail("expected ',' or '}'")
    }
    this.depth--
    return map
  }

  private readArray(): JsonValue[] {
    this.enter()
    const list: JsonValue[] = []
    if (this.text.charAt(this.pos) === ']') {
      this.pos++
      this.depth--
      return list
    }
    for (;;) {
      this.skipWhitespace()
      list.push(this.readValue())
      this.skipWhitespace()
      const next = this.text.charAt(this.pos++)
      if (next === ']') break
      if (next !== ',') this.fail("expected ',' or ']'")
    }
    this.depth--
    return list
  }

  private readString(): string {
    this.pos++
    let out = ''
    for (;;) {
      if (this.pos >= this.text.length) this.fail('unterminated string')
      const ch = this.text.charAt(this.pos++)
      if (ch === '"') return out
      if (ch !== '\\') {
        // Raw control characters are accepted, as the oracle's parser does.
        out += ch
        continue
      }
      const escape = this.text.charAt(this.pos++)
      const simple = SIMPLE_ESCAPES[escape]
      if (simple !== undefined) {
        out += simple
      } else if (
        escape === 'u' &&
        /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos, this.pos + 4))
      ) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16))
        this.pos += 4
      } else {
        this.fail(`bad escape '\\${escape}'`)
      }
    }
  }

  private readNumber(): JavaNumber {
    NUMBER.lastIndex = this.pos
    const match = NUMBER.exec(this.text)
    if (match === null) return this.fail('bad number')
    this.pos += match[0].length
    return javaNumberFromText(match[0], match[1] !== undefined || match[2] !== undefined)
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

const INT_MIN = -(2n ** 31n)
const INT_MAX = 2n ** 31n - 1n
const LONG_MIN = -(2n ** 63n)
const LONG_MAX = 2n ** 63n - 1n

/** Types a JSON number literal the way the oracle does (and Jackson-style Java parsers do). */
export function javaNumberFromText(text: string, isFraction: boolean): JavaNumber {
  if (isFraction) {
    const value = Number(text)
    return new JavaNumber('Double', value, formatJavaDouble(value))
  }
  const big = BigInt(text)
  const type: JavaNumberType =
    big >= INT_MIN && big <= INT_MAX
      ? 'Integer'
      : big >= LONG_MIN && big <= LONG_MAX
        ? 'Long'
        : 'BigInteger'
  return new JavaNumber(type, Number(big), big.toString())
}

/** A JS number as a JSON number: integers become Integer/Long/BigInteger, others Double. */
export function javaNumberFromJs(value: number): JavaNumber {
  if (Number.isInteger(value)) return javaNumberFromText(BigInt(value).toString(), false)
  return new JavaNumber('Double', value, formatJavaDouble(value))
}

/** Java's `Double.toString(d)`: `1.0`, `0.001`, `1.0E7`, `1.0E-4`, `NaN`, `Infinity`. */
export function formatJavaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const abs = Math.abs(value)
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = String(value)
    return plain.includes('.') ? plain : plain + '.0'
  }
  if (Number.isInteger(value) && abs < 2 ** 63) return formatWholeDoubleLikeJdk17(value)
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e')
  const digits = mantissa.includes('.') ? mantissa : mantissa + '.0'
  return `${digits}E${Number(exponent)}`
}

/** JDK 17 `FloatingDecimal.insignificantDigitsNumber`, indexed by binary exponent minus 54. */
const INSIGNIFICANT_DIGITS = [0, 0, 0, 0, 1, 1, 1, 2, 2]

/**
 * JDK 17 prints a whole double below 2^63 from its exact integer value, dropping only a few
 * low digits, so it can show more digits than the shortest form (`1.74751281738281242E18`
 * where newer JDKs and JS print `1.7475128173828124E18`).
 */
function formatWholeDoubleLikeJdk17(value: number): string {
  const exact = BigInt(Math.abs(value))
  const binaryExponent = exact.toString(2).length - 1
  const p2 = binaryExponent - 54
  const drop = p2 > 1 ? (INSIGNIFICANT_DIGITS[p2] ?? 0) : 0
  let kept = exact
  if (drop > 0) {
    const pow10 = 10n ** BigInt(drop)
    const residue = kept % pow10
    kept /= pow10
    if (residue >= pow10 / 2n) kept++
  }
  const text = kept.toString()
  const decimalExponent = text.length + drop
  const digits = text.replace(/0+$/, '')
  const sign = value < 0 ? '-' : ''
  const fraction = digits.length > 1 ? digits.slice(1) : '0'
  return `${sign}${digits[0] ?? '0'}.${fraction}E${decimalExponent - 1}`
}

/** Java's `String.trim()`: strips every character up to U+0020 at both ends, and nothing else. */
export function javaTrim(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && text.charCodeAt(start) <= 0x20) start++
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--
  return text.slice(start, end)
}

/** Converts plain JSON (JS numbers, JS objects) into the Java-shaped tree. */
export function jsonToValue(json: Json): JsonValue {
  if (json === null || typeof json === 'boolean' || typeof json === 'string') return json
  if (typeof json === 'number') return javaNumberFromJs(json)
  if (Array.isArray(json)) return json.map(jsonToValue)
  const map = new Map<string, JsonValue>()
  for (const key of Object.keys(json)) map.set(key, jsonToValue(json[key] as Json))
  return map
}

/** Converts the Java-shaped tree to plain JSON (numbers become JS numbers; `__proto__` stays data). */
export function valueToJson(value: JsonValue): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
  if (value instanceof JavaNumber) return value.value
  if (Array.isArray(value)) return value.map(valueToJson)
  const out: { [key: string]: Json } = {}
  for (const [key, item] of value) {
    Object.defineProperty(out, key, {
      value: valueToJson(item),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

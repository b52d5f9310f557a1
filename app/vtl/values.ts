/**
 * Java-like values a template works with. Integers are plain JS numbers (java.lang.Integer);
 * everything else that Java distinguishes gets a small class, so printing and arithmetic can
 * follow Java (`2.0` vs `2`, Long overflow to BigInteger, `{a=1}` vs `[1, 2]`).
 */

/** java.lang.Double, or java.lang.Float when `float` is set (`floatValue()`; prints shorter). */
export class JDouble {
  constructor(
    readonly v: number,
    readonly float = false,
  ) {}
}
/** java.lang.Long */
export class JLong {
  constructor(readonly v: bigint) {}
}
/** java.math.BigInteger */
export class JBigInt {
  constructor(readonly v: bigint) {}
}
/** java.util.ArrayList; `json` lists (from JSON input) print as compact JSON like API Gateway. */
export class JList {
  modCount = 0
  constructor(
    public items: JValue[],
    readonly json = false,
    /** Set for Java arrays (`split`, `toCharArray`): element class name, printed as `[L…;@…`. */
    readonly arrayOf?: string,
  ) {}
}
/** `list.subList(from, to)`: a read-only view that fails once the list is structurally changed. */
export class JSubList {
  readonly expected: number
  constructor(
    readonly base: JList,
    readonly from: number,
    readonly to: number,
  ) {
    this.expected = base.modCount
  }
  snapshot(): JValue[] {
    return this.base.items.slice(this.from, this.to)
  }
}
/** java.util.LinkedHashMap (keys are usually strings; others are keyed by type and text). */
export class JMap {
  modCount = 0
  readonly entries = new Map<string, { k: JValue; v: JValue }>()
  get(k: JValue): JValue | undefined {
    return this.entries.get(mapKey(k))?.v
  }
  has(k: JValue): boolean {
    return this.entries.has(mapKey(k))
  }
  put(k: JValue, v: JValue): JValue {
    const id = mapKey(k)
    const old = this.entries.get(id)
    if (old) {
      const prev = old.v
      old.v = v
      return prev
    }
    this.entries.set(id, { k, v })
    this.modCount++
    return null
  }
  remove(k: JValue): JValue {
    const id = mapKey(k)
    const old = this.entries.get(id)
    if (!old) return null
    this.entries.delete(id)
    this.modCount++
    return old.v
  }
}
/** A live view of a map: keySet(), values() or entrySet(). */
export class JMapView {
  constructor(
    readonly map: JMap,
    readonly view: 'keys' | 'values' | 'entries',
  ) {}
  snapshot(): JValue[] {
    return [...this.map.entries.values()].map((e) =>
      this.view === 'keys' ? e.k : this.view === 'values' ? e.v : new JEntry(e.k, e.v),
    )
  }
}
/** java.util.Map.Entry */
export class JEntry {
  constructor(
    readonly key: JValue,
    readonly value: JValue,
  ) {}
}
/** An Iterator over a list or map view, failing fast like Java's on concurrent modification. */
export class JIterator {
  i = 0
  constructor(
    readonly items: () => JValue[],
    readonly modCount: () => number,
    readonly expected: number,
    readonly fixedSize?: number,
  ) {}
}
/** Objects the template can call into but never inspect: `$input`, `$util`, `$foreach`, blocks. */
export class JHost {
  constructor(
    readonly kind: 'input' | 'util' | 'foreach' | 'block' | 'override',
    readonly data: unknown,
  ) {}
}

/** Any value a template can hold. */
export type JValue =
  | null
  | string
  | boolean
  | number
  | JDouble
  | JLong
  | JBigInt
  | JList
  | JMap
  | JMapView
  | JSubList
  | JEntry
  | JIterator
  | JHost

/** Map key identity: strings by value, other values by Java class and text. */
export function mapKey(k: JValue): string {
  if (typeof k === 'string') return k
  return `\u0000${javaClassOf(k)}:${javaToString(k)}`
}

/** The Java class name a value stands for (used in messages and equality). */
export function javaClassOf(v: JValue): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return 'java.lang.String'
  if (typeof v === 'boolean') return 'java.lang.Boolean'
  if (typeof v === 'number') return 'java.lang.Integer'
  if (v instanceof JDouble) return v.float ? 'java.lang.Float' : 'java.lang.Double'
  if (v instanceof JLong) return 'java.lang.Long'
  if (v instanceof JBigInt) return 'java.math.BigInteger'
  if (v instanceof JList) return 'java.util.ArrayList'
  if (v instanceof JMap) return 'java.util.LinkedHashMap'
  if (v instanceof JMapView) return 'java.util.LinkedHashMap$View'
  if (v instanceof JSubList) return 'java.util.ArrayList$SubList'
  if (v instanceof JEntry) return 'java.util.Map$Entry'
  if (v instanceof JIterator) return 'java.util.Iterator'
  return 'java.lang.Object'
}

/** Java's Double.toString. */
export function javaDouble(d: number): string {
  if (Number.isNaN(d)) return 'NaN'
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity'
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0'
  const a = Math.abs(d)
  if (a >= 1e-3 && a < 1e7) {
    const s = String(d)
    return s.includes('.') ? s : s + '.0'
  }
  const [mant = '', exp = '0'] = d.toExponential().split('e')
  return `${mant.includes('.') ? mant : mant + '.0'}E${exp.replace('+', '')}`
}

function floatNeighbour(f: number, step: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(4))
  view.setFloat32(0, f)
  view.setInt32(0, view.getInt32(0) + (f > 0 ? step : -step))
  return view.getFloat32(0)
}

/**
 * Java's Float.toString (JDK ≤ 18): the fewest digits that read back as the same float, where
 * a decimal exactly halfway to a neighbouring float does not count (9.0E9f prints 8.9999995E9).
 */
export function javaFloat(f: number): string {
  if (!Number.isFinite(f) || f === 0) return javaDouble(f)
  const up = (f + floatNeighbour(f, 1)) / 2
  const down = (f + floatNeighbour(f, -1)) / 2
  let digits = String(f)
  for (let p = 1; p <= 9; p++) {
    const x = Number(f.toPrecision(p))
    if (Math.fround(x) === f && x !== up && x !== down) {
      digits = String(x)
      break
    }
  }
  return javaDouble(Number(digits))
}

/** True for the numeric value kinds. */
export function isNumber(v: JValue): v is number | JDouble | JLong | JBigInt {
  return typeof v === 'number' || v instanceof JDouble || v instanceof JLong || v instanceof JBigInt
}

/** Java's `String.valueOf(value)`; nulls inside collections print as `null`. */
export function javaToString(v: JValue, depth = 0): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return v
  if (typeof v === 'boolean' || typeof v === 'number') return String(v)
  if (v instanceof JDouble) return v.float ? javaFloat(v.v) : javaDouble(v.v)
  if (v instanceof JLong || v instanceof JBigInt) return v.v.toString()
  if (depth > 50) return '...'
  if (v instanceof JList) {
    if (v.json) return toJson(v)
    if (v.arrayOf) return `[L${v.arrayOf};@${(javaHash(v) >>> 0).toString(16)}`
    return `[${v.items.map((x) => (x === v ? '(this Collection)' : javaToString(x, depth + 1))).join(', ')}]`
  }
  if (v instanceof JMap) {
    const parts = [...v.entries.values()].map(
      (e) =>
        `${e.k === v ? '(this Map)' : javaToString(e.k, depth + 1)}=${e.v === v ? '(this Map)' : javaToString(e.v, depth + 1)}`,
    )
    return `{${parts.join(', ')}}`
  }
  if (v instanceof JMapView || v instanceof JSubList)
    return `[${v
      .snapshot()
      .map((x) => javaToString(x, depth + 1))
      .join(', ')}]`
  if (v instanceof JEntry)
    return `${javaToString(v.key, depth + 1)}=${javaToString(v.value, depth + 1)}`
  if (v instanceof JIterator) return 'java.util.Iterator@0'
  const host = v.data as { render?: () => string | null }
  if (host.render) return host.render() ?? 'null'
  return `${v.kind}@0`
}

function quoteJson(s: string): string {
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string
    const code = c.charCodeAt(0)
    if (c === '"') out += '\\"'
    else if (c === '\\') out += '\\\\'
    else if (c === '\n') out += '\\n'
    else if (c === '\r') out += '\\r'
    else if (c === '\t') out += '\\t'
    else if (c === '\b') out += '\\b'
    else if (c === '\f') out += '\\f'
    else if (code < 0x20 || code === 0x7f) out += '\\u' + code.toString(16).padStart(4, '0')
    else if (code >= 0xd800 && code <= 0xdbff && /[\udc00-\udfff]/.test(s[i + 1] ?? '')) {
      out += c + (s[i + 1] as string)
      i++
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\u' + code.toString(16).padStart(4, '0')
    else out += c
  }
  return out + '"'
}

/** Compact JSON, as API Gateway prints JSON arrays and `$input.json` results. */
export function toJson(v: JValue): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return quoteJson(v)
  if (typeof v === 'boolean' || typeof v === 'number') return String(v)
  if (v instanceof JDouble) {
    const d = v.v
    if (!Number.isFinite(d)) return 'null'
    if (Number.isInteger(d) && Math.abs(d) < 1e15) return `${BigInt(d).toString()}.0`
    return javaDouble(d)
  }
  if (v instanceof JLong || v instanceof JBigInt) return v.v.toString()
  if (v instanceof JMap)
    return `{${[...v.entries.values()].map((e) => `${quoteJson(javaToString(e.k))}:${toJson(e.v)}`).join(',')}}`
  if (v instanceof JList) return `[${v.items.map(toJson).join(',')}]`
  if (v instanceof JMapView || v instanceof JSubList)
    return `[${v.snapshot().map(toJson).join(',')}]`
  return quoteJson(javaToString(v))
}

/** Java `equals` between two values of compatible classes. */
export function javaEquals(a: JValue, b: JValue): boolean {
  if (a === b) return true
  if (a === null || b === null) return false
  if (typeof a !== 'object' || typeof b !== 'object') return false
  if (a instanceof JDouble && b instanceof JDouble) return a.float === b.float && a.v === b.v
  if ((a instanceof JLong && b instanceof JLong) || (a instanceof JBigInt && b instanceof JBigInt))
    return a.v === b.v
  const la = listItems(a)
  const lb = listItems(b)
  if (la && lb) return la.length === lb.length && la.every((x, i) => javaEquals(x, lb[i] ?? null))
  if (a instanceof JMap && b instanceof JMap) {
    if (a.entries.size !== b.entries.size) return false
    for (const [id, e] of a.entries) {
      const o = b.entries.get(id)
      if (!o || !javaEquals(e.v, o.v)) return false
    }
    return true
  }
  if (a instanceof JEntry && b instanceof JEntry)
    return javaEquals(a.key, b.key) && javaEquals(a.value, b.value)
  return false
}

/** The elements of list-like values (lists and map views), else undefined. */
export function listItems(v: JValue): JValue[] | undefined {
  if (v instanceof JList) return v.items
  if (v instanceof JMapView || v instanceof JSubList) return v.snapshot()
  return undefined
}

function doubleHash(d: number): number {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, Number.isNaN(d) ? NaN : d)
  return (view.getInt32(0) ^ view.getInt32(4)) | 0
}

function floatHash(f: number): number {
  const view = new DataView(new ArrayBuffer(4))
  view.setFloat32(0, Number.isNaN(f) ? NaN : f)
  return view.getInt32(0)
}

/** BigInteger.hashCode: over the magnitude's 32-bit words, most significant first, times the sign. */
function bigIntegerHash(n: bigint): number {
  const mag = n < 0n ? -n : n
  const words: number[] = []
  for (let x = mag; x > 0n; x >>= 32n) words.unshift(Number(x & 0xffffffffn))
  let h = 0
  for (const w of words) h = (Math.imul(31, h) + w) | 0
  return n < 0n ? -h | 0 : h
}

function longHash(n: bigint): number {
  const x = BigInt.asUintN(64, n)
  return Number(BigInt.asIntN(32, x ^ (x >> 32n)))
}

function strHash(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0
  return h
}

/** Java's `hashCode()` for the value kinds a template can build. */
export function javaHash(v: JValue): number {
  if (v === null) return 0
  if (typeof v === 'string') return strHash(v)
  if (typeof v === 'boolean') return v ? 1231 : 1237
  if (typeof v === 'number') return v
  if (v instanceof JDouble) return v.float ? floatHash(v.v) : doubleHash(v.v)
  if (v instanceof JBigInt) return bigIntegerHash(v.v)
  if (v instanceof JLong) return longHash(v.v)
  if (v instanceof JEntry) return javaHash(v.key) ^ javaHash(v.value)
  if (v instanceof JMap) {
    let h = 0
    for (const e of v.entries.values()) h = (h + (javaHash(e.k) ^ javaHash(e.v))) | 0
    return h
  }
  const items = listItems(v)
  if (items) return items.reduce<number>((h, x) => (Math.imul(31, h) + javaHash(x)) | 0, 1)
  return strHash(javaToString(v))
}

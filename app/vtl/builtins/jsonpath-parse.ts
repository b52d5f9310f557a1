/**
 * Parser for the JSONPath that `$input.path(x)` / `$input.json(x)` take: the Jayway JsonPath
 * syntax the API Gateway docs point to — `$`, `.name`, `['name']`, `[n]` (negative counts
 * from the end), `[*]`, `.*`, `..name` (deep scan), `[a,b]`, `[start:end]`, and filters
 * `[?(@.price < 10 && @.tags)]` — with names running to the next `.` or `[` as the oracle reads
 * them (`$.my key` and `$.my-key` are single names).
 */
import { javaNumberFromJs, javaNumberFromText, javaTrim } from './json-value'
import type { JsonValue } from './json-value'

/** One step of a path. */
export type Segment =
  | { kind: 'name'; names: string[] }
  | { kind: 'wildcard' }
  | { kind: 'index'; indexes: number[] }
  | { kind: 'slice'; start?: number; end?: number; step?: number }
  | { kind: 'filter'; expr: FilterExpr }
  | { kind: 'scan'; inner: Segment }

/** Comparison operators of filters (Jayway's set). */
export type FilterOp =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '=~'
  | 'in'
  | 'nin'
  | 'subsetof'
  | 'anyof'
  | 'noneof'
  | 'size'
  | 'empty'

/** A filter operand. */
export type FilterOperand =
  | { kind: 'path'; root: '@' | '$'; segments: Segment[] }
  | { kind: 'literal'; value: JsonValue }
  | { kind: 'regex'; pattern: string }

/** A filter expression. */
export type FilterExpr =
  | { kind: 'or' | 'and'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'test'; operand: FilterOperand }
  | { kind: 'compare'; op: FilterOp; left: FilterOperand; right: FilterOperand }

/** A syntax error in a path, with the offset where it was found. */
export class JsonPathSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

/** Parses a whole path (surrounding whitespace ignored); throws `JsonPathSyntaxError`. */
export function parseJsonPath(path: string): Segment[] {
  const reader = new PathReader(javaTrim(path))
  if (reader.peek() !== '$') reader.fail("a JSONPath starts with '$'")
  reader.pos++
  const segments = reader.readSegments(MAIN_NAME_END)
  if (!reader.atEnd()) reader.fail(`unexpected '${reader.peek()}'`)
  return segments
}

const MAIN_NAME_END = /[.[]/
const FILTER_NAME_END = /[.[\s)=!<>&|,~]/
const OPERATORS: FilterOp[] = ['==', '!=', '<=', '>=', '=~', '<', '>']
const WORD_OPERATORS: FilterOp[] = ['subsetof', 'anyof', 'noneof', 'size', 'empty', 'nin', 'in']

class PathReader {
  pos = 0
  constructor(readonly src: string) {}

  peek(offset = 0): string {
    return this.src.charAt(this.pos + offset)
  }

  atEnd(): boolean {
    return this.pos >= this.src.length
  }

  fail(what: string): never {
    throw new JsonPathSyntaxError(
      `Invalid JSONPath ${this.src}: ${what} at offset ${this.pos}`,
      this.pos,
    )
  }

  skipSpaces(): void {
    while (/\s/.test(this.peek())) this.pos++
  }

  readSegments(nameEnd: RegExp): Segment[] {
    const segments: Segment[] = []
    for (;;) {
      const ch = this.peek()
      if (ch === '.' && this.peek(1) === '.') {
        this.pos += 2
        const inner = this.peek() === '[' ? this.readBracket() : this.readDotted(nameEnd)
        segments.push({ kind: 'scan', inner })
      } else if (ch === '.') {
        this.pos++
        segments.push(this.readDotted(nameEnd))
      } else if (ch === '[') {
        segments.push(this.readBracket())
      } else {
        return segments
      }
    }
  }

  private readDotted(nameEnd: RegExp): Segment {
    if (this.peek() === '*') {
      this.pos++
      return { kind: 'wildcard' }
    }
    const start = this.pos
    while (!this.atEnd() && !nameEnd.test(this.peek())) this.pos++
    if (this.pos === start) this.fail('a name is missing')
    return { kind: 'name', names: [this.src.slice(start, this.pos)] }
  }

  private readBracket(): Segment {
    this.pos++
    this.skipSpaces()
    let segment: Segment
    if (this.peek() === '?') {
      this.pos++
      this.skipSpaces()
      if (this.peek() !== '(') this.fail("expected '(' after '?'")
      this.pos++
      const expr = this.readOr()
      this.skipSpaces()
      if (this.peek() !== ')') this.fail("expected ')' to close the filter")
      this.pos++
      segment = { kind: 'filter', expr }
    } else if (this.peek() === '*') {
      this.pos++
      segment = { kind: 'wildcard' }
    } else if (this.peek() === "'" || this.peek() === '"') {
      const names = [this.readQuoted()]
      for (this.skipSpaces(); this.peek() === ','; this.skipSpaces()) {
        this.pos++
        this.skipSpaces()
        names.push(this.readQuoted())
      }
      segment = { kind: 'name', names }
    } else {
      segment = this.readIndexOrSlice()
    }
    this.skipSpaces()
    if (this.peek() !== ']') this.fail("expected ']'")
    this.pos++
    return segment
  }

  private readQuoted(): string {
    const quote = this.peek()
    if (quote !== "'" && quote !== '"') this.fail('expected a quoted name')
    this.pos++
    let out = ''
    for (;;) {
      if (this.atEnd()) this.fail('unterminated quoted name')
      const ch = this.src.charAt(this.pos++)
      if (ch === quote) return out
      if (ch === '\\' && (this.peek() === quote || this.peek() === '\\')) {
        out += this.src.charAt(this.pos++)
      } else {
        out += ch
      }
    }
  }

  private readInt(): number | undefined {
    this.skipSpaces()
    const match = /^[-+]?\d+/.exec(this.src.slice(this.pos))
    if (match === null) return undefined
    this.pos += match[0].length
    this.skipSpaces()
    return Number(match[0])
  }

  private readIndexOrSlice(): Segment {
    const first = this.readInt()
    if (this.peek() === ':') {
      this.pos++
      const end = this.readInt()
      let step: number | undefined
      if (this.peek() === ':') {
        this.pos++
        step = this.readInt()
        if (step === 0) this.fail('a slice step cannot be 0')
      }
      return { kind: 'slice', start: first, end, step }
    }
    if (first === undefined) this.fail('expected an index, a quoted name, * or ?(...)')
    const indexes = [first]
    while (this.peek() === ',') {
      this.pos++
      const next = this.readInt()
      if (next === undefined) this.fail('expected an index after ,')
      indexes.push(next)
    }
    return { kind: 'index', indexes }
  }

  // ---- filters -------------------------------------------------------------

  private readOr(): FilterExpr {
    let left = this.readAnd()
    for (this.skipSpaces(); this.src.startsWith('||', this.pos); this.skipSpaces()) {
      this.pos += 2
      left = { kind: 'or', left, right: this.readAnd() }
    }
    return left
  }

  private readAnd(): FilterExpr {
    let left = this.readUnary()
    for (this.skipSpaces(); this.src.startsWith('&&', this.pos); this.skipSpaces()) {
      this.pos += 2
      left = { kind: 'and', left, right: this.readUnary() }
    }
    return left
  }

  private readUnary(): FilterExpr {
    this.skipSpaces()
    if (this.peek() === '!' && this.peek(1) !== '=') {
      this.pos++
      return { kind: 'not', expr: this.readUnary() }
    }
    if (this.peek() === '(') {
      this.pos++
      const inner = this.readOr()
      this.skipSpaces()
      if (this.peek() !== ')') this.fail("expected ')'")
      this.pos++
      return inner
    }
    const left = this.readOperand()
    this.skipSpaces()
    const op = this.readOperator()
    if (op === undefined) return { kind: 'test', operand: left }
    this.skipSpaces()
    return { kind: 'compare', op, left, right: this.readOperand() }
  }

  private readOperator(): FilterOp | undefined {
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length
        return op
      }
    }
    for (const op of WORD_OPERATORS) {
      const after = this.peek(op.length)
      if (this.src.startsWith(op, this.pos) && (after === '' || /[\s[('"@$\d-]/.test(after))) {
        this.pos += op.length
        return op
      }
    }
    return undefined
  }

  private readOperand(): FilterOperand {
    const ch = this.peek()
    if (ch === '@' || ch === '$') {
      this.pos++
      return { kind: 'path', root: ch, segments: this.readSegments(FILTER_NAME_END) }
    }
    if (ch === "'" || ch === '"') return { kind: 'literal', value: this.readQuoted() }
    if (ch === '/') return this.readRegex()
    if (ch === '[' || ch === '{') return { kind: 'literal', value: this.readJsonLiteral() }
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.src.slice(this.pos))
    if (number !== null) {
      this.pos += number[0].length
      const fraction = number[1] !== undefined || number[2] !== undefined
      return { kind: 'literal', value: javaNumberFromText(number[0], fraction) }
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.src.startsWith(word, this.pos)) {
        this.pos += word.length
        return { kind: 'literal', value }
      }
    }
    return this.fail('expected @, $, a literal or a regex')
  }

  private readRegex(): FilterOperand {
    const match = /^\/((?:\\.|[^/\\])*)\/([a-z]*)/.exec(this.src.slice(this.pos))
    if (match === null) return this.fail('unterminated regex')
    this.pos += match[0].length
    // Jayway compiles `/re/flags` as a java.util.regex Pattern; flags become embedded flags.
    const flags = (match[2] ?? '').replace(/[^imsux]/g, '')
    const body = (match[1] ?? '').replace(/\\\//g, '/')
    return { kind: 'regex', pattern: (flags === '' ? '' : `(?${flags})`) + body }
  }

  private readJsonLiteral(): JsonValue {
    const start = this.pos
    let depth = 0
    let quote = ''
    for (; !this.atEnd(); this.pos++) {
      const ch = this.peek()
      if (quote !== '') {
        if (ch === '\\') this.pos++
        else if (ch === quote) quote = ''
      } else if (ch === '"' || ch === "'") quote = ch
      else if (ch === '[' || ch === '{') depth++
      else if ((ch === ']' || ch === '}') && --depth === 0) {
        this.pos++
        return parseListLiteral(this.src.slice(start, this.pos), (what) => this.fail(what))
      }
    }
    return this.fail('unterminated list literal')
  }
}

/** Reads `[1, 'a', "b"]`-style literals: JSON, with single-quoted strings allowed. */
function parseListLiteral(text: string, fail: (what: string) => never): JsonValue {
  const normalised = text.replace(/'((?:\\.|[^'\\])*)'/g, (_m, body: string) =>
    JSON.stringify(body.replace(/\\'/g, "'")),
  )
  try {
    return toValue(JSON.parse(normalised) as unknown)
  } catch {
    return fail('bad list literal')
  }
}

function toValue(json: unknown): JsonValue {
  if (json === null || typeof json === 'boolean' || typeof json === 'string') return json
  if (typeof json === 'number') return javaNumberFromJs(json)
  if (Array.isArray(json)) return json.map(toValue)
  const map = new Map<string, JsonValue>()
  for (const [key, item] of Object.entries(json as Record<string, unknown>))
    map.set(key, toValue(item))
  return map
}

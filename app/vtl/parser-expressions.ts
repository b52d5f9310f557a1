/**
 * The expression half of the grammar: literals, references, maps, lists, ranges and
 * operators with Velocity's precedence, plus the token-buffer plumbing the statement parser
 * (parser.ts) builds on. Lookahead is done by trying a production and rewinding.
 */
import type { Span } from '../model'
import type { Expr, Node, RefNode, RefPart } from './ast'
import { VtlSyntaxError } from './errors'
import type { Token, TokenKind, TokenManager } from './lexer'
import { BIN_OPS, EXPECTED_TEXT, LEVELS, PARAM_START } from './parser-tables'

/** Nesting depth (directives, parentheses, string literals) we parse before giving up. */
export const MAX_PARSE_DEPTH = 400

/** Shared between a template and the string literals parsed inside it. */
export type ParseEnv = { macroNames: Set<string>; fullText: string }

/** What `error` gives while a lookahead is being tried. */
const SPECULATION_MISS = new VtlSyntaxError('lookahead failed', { start: 0, end: 0 }, 'vtl.parse')

/** Line and column of an offset, for messages. */
export function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}

/** Token buffer, lookahead and the expression productions. */
export abstract class ExpressionParser {
  protected buf: Token[] = []
  protected i = 0
  protected depth = 0
  /** How many `attempt`s are in progress. */
  protected speculating = 0

  constructor(
    protected readonly lx: TokenManager,
    protected readonly env: ParseEnv,
  ) {}

  /** Parses a string literal's content as a template (implemented by the statement parser). */
  protected abstract parseNested(content: string, base: number): Node[]

  protected peek(k = 1): Token {
    while (this.buf.length < this.i + k) this.buf.push(this.lx.next())
    return this.buf[this.i + k - 1] as Token
  }

  protected is(kind: TokenKind, k = 1): boolean {
    return this.peek(k).kind === kind
  }

  protected take(): Token {
    const t = this.peek()
    this.i++
    return t
  }

  protected expect(kind: TokenKind): Token {
    if (!this.is(kind)) throw this.error(this.peek(), kind)
    return this.take()
  }

  protected opt(kind: TokenKind): Token | undefined {
    return this.is(kind) ? this.take() : undefined
  }

  protected error(t: Token, expected?: string): VtlSyntaxError {
    // A failed lookahead is rewound at once: skip building a message nobody reads.
    if (this.speculating > 0) return SPECULATION_MISS
    const what = t.kind === 'EOF' ? 'the end of the template' : `"${t.image}"`
    const span = { start: t.start, end: Math.max(t.end, t.start + 1) }
    return new VtlSyntaxError(
      `Encountered ${what} at ${lineCol(this.env.fullText, t.start)}` +
        (expected ? ` (expected ${EXPECTED_TEXT[expected] ?? expected})` : ''),
      span,
      'vtl.parse',
      t.kind === 'EOF'
        ? 'Check that every #if, #foreach, #macro and #define has a matching #end.'
        : 'Check the directive or reference syntax around this place.',
    )
  }

  /** Runs `f`; on a syntax error rewinds and returns undefined (JavaCC syntactic lookahead). */
  protected attempt<T>(f: () => T): T | undefined {
    const save = this.i
    this.speculating++
    try {
      return f()
    } catch (e) {
      if (!(e instanceof VtlSyntaxError) || e.code === 'vtl.lexical') throw e
      this.i = save
      return undefined
    } finally {
      this.speculating--
    }
  }

  protected tooDeep(): VtlSyntaxError {
    const t = this.peek()
    return new VtlSyntaxError(
      `The template nests more than ${MAX_PARSE_DEPTH} levels deep`,
      { start: t.start, end: Math.max(t.end, t.start + 1) },
      'vtl.limit.nesting',
      'Flatten the nested directives or parentheses.',
    )
  }

  protected span(a: Token, b: Token): Span {
    return { start: a.start, end: b.end }
  }

  protected directiveArg(): Expr {
    const t = this.peek()
    switch (t.kind) {
      case 'WORD':
        this.take()
        return { kind: 'word', text: t.image, span: this.span(t, t) }
      case 'IDENTIFIER':
      case 'LCURLY': {
        const ref = this.reference()
        return { kind: 'refx', ref, span: ref.span }
      }
      default:
        return this.value(false)
    }
  }

  /** The literal values shared by Parameter, DirectiveArg and PrimaryExpression. */
  protected value(allowRef = true): Expr {
    const t = this.peek()
    switch (t.kind) {
      case 'STRING_LITERAL':
        return this.stringLiteral(this.take())
      case 'INTEGER_LITERAL':
        this.take()
        return { kind: 'int', text: t.image, span: this.span(t, t) }
      case 'FLOATING_POINT_LITERAL':
        this.take()
        return { kind: 'float', text: t.image, span: this.span(t, t) }
      case 'TRUE':
      case 'FALSE':
        this.take()
        return { kind: 'bool', value: t.kind === 'TRUE', span: this.span(t, t) }
      case 'LEFT_CURLEY':
        return this.map()
      case 'LBRACKET':
        return this.mayBeRange() ? (this.attempt(() => this.range()) ?? this.list()) : this.list()
      case 'IDENTIFIER':
      case 'LCURLY':
        if (allowRef) {
          const ref = this.reference()
          return { kind: 'refx', ref, span: ref.span }
        }
        break
    }
    throw this.error(t)
  }

  protected parameter(): Expr {
    this.opt('WHITESPACE')
    const v = this.value()
    this.opt('WHITESPACE')
    return v
  }

  protected map(): Expr {
    const start = this.take()
    const entries: [Expr, Expr][] = []
    const first =
      PARAM_START.has(this.peek().kind) &&
      !(this.is('WHITESPACE') && !PARAM_START.has(this.peek(2).kind))
    if (first) {
      do {
        const k = this.parameter()
        this.expect('COLON')
        entries.push([k, this.parameter()])
      } while (this.opt('COMMA'))
    } else this.opt('WHITESPACE')
    const end = this.is('RCURLY') ? this.take() : this.expect('RIGHT_CURLEY')
    return { kind: 'map', entries, span: this.span(start, end) }
  }

  protected list(): Expr {
    const start = this.expect('LBRACKET')
    const items: Expr[] = []
    if (PARAM_START.has(this.peek().kind)) {
      do items.push(this.parameter())
      while (this.opt('COMMA'))
    }
    const end = this.expect('RBRACKET')
    return { kind: 'list', items, span: this.span(start, end) }
  }

  /**
   * Cheap test before trying `[a..b]`: after `[` and a blank, an integer followed by `..`, or a
   * reference (which only the full attempt can judge). Anything else is a list.
   */
  protected mayBeRange(): boolean {
    let k = 2
    if (this.is('WHITESPACE', k)) k++
    const t = this.peek(k).kind
    if (t === 'IDENTIFIER' || t === 'LCURLY') return true
    if (t !== 'INTEGER_LITERAL') return false
    k++
    if (this.is('WHITESPACE', k)) k++
    return this.is('DOUBLEDOT', k)
  }

  protected rangeEnd(): Expr {
    const t = this.peek()
    if (t.kind === 'INTEGER_LITERAL') {
      this.take()
      return { kind: 'int', text: t.image, span: this.span(t, t) }
    }
    if (t.kind === 'IDENTIFIER' || t.kind === 'LCURLY') {
      const ref = this.reference()
      return { kind: 'refx', ref, span: ref.span }
    }
    throw this.error(t)
  }

  protected range(): Expr {
    const start = this.expect('LBRACKET')
    this.opt('WHITESPACE')
    const from = this.rangeEnd()
    this.opt('WHITESPACE')
    this.expect('DOUBLEDOT')
    this.opt('WHITESPACE')
    const to = this.rangeEnd()
    this.opt('WHITESPACE')
    const end = this.expect('RBRACKET')
    return { kind: 'range', from, to, span: this.span(start, end) }
  }

  protected stringLiteral(t: Token): Expr {
    const raw = t.image
    const q = raw[0] ?? '"'
    const content = raw
      .slice(1, -1)
      .split(q + q)
      .join(q)
    const interpolate = q === '"' && (raw.includes('$') || raw.includes('#'))
    const node: Expr = { kind: 'str', raw: content, interpolate, span: this.span(t, t) }
    if (interpolate) {
      try {
        // Velocity appends a space before parsing (and drops it after rendering) so that a
        // trailing `$` or `#` is not a lexical error.
        node.template = this.parseNested(content + ' ', t.start + 1)
      } catch (e) {
        if (!(e instanceof VtlSyntaxError)) throw e
        throw new VtlSyntaxError(
          `Failed to parse String literal at ${lineCol(this.env.fullText, t.start)}: ${e.message}`,
          e.span,
          'vtl.string-literal',
          'A string in double quotes is itself a template; escape $ and # or use single quotes.',
        )
      }
    }
    return node
  }

  protected reference(): RefNode {
    const first = this.take()
    const braced = first.kind === 'LCURLY'
    const idTok = braced ? this.expect('IDENTIFIER') : first
    const parts: RefPart[] = []
    this.indexes(parts)
    while (this.is('DOT') && this.is('IDENTIFIER', 2)) {
      this.take()
      const id = this.take()
      if (
        this.is('LPAREN') &&
        (PARAM_START.has(this.peek(2).kind) || this.is('REFMOD2_RPAREN', 2))
      ) {
        this.take()
        const args: Expr[] = []
        if (PARAM_START.has(this.peek().kind)) {
          do args.push(this.parameter())
          while (this.opt('COMMA'))
        }
        const close = this.expect('REFMOD2_RPAREN')
        parts.push({ kind: 'call', name: id.image, args, span: this.span(id, close) })
      } else parts.push({ kind: 'prop', name: id.image, span: this.span(id, id) })
      this.indexes(parts)
    }
    const last = braced ? this.expect('RCURLY') : (this.buf[this.i - 1] as Token)
    return buildRef(first, idTok, braced, parts, this.env.fullText, last.end)
  }

  protected indexes(parts: RefPart[]): void {
    while (this.is('INDEX_LBRACKET')) {
      const open = this.take()
      this.opt('WHITESPACE')
      const t = this.peek()
      let arg: Expr
      if (t.kind === 'IDENTIFIER' || t.kind === 'LCURLY') {
        const ref = this.reference()
        arg = { kind: 'refx', ref, span: ref.span }
      } else if (['STRING_LITERAL', 'INTEGER_LITERAL', 'TRUE', 'FALSE'].includes(t.kind)) {
        arg = this.value()
      } else throw this.error(t)
      this.opt('WHITESPACE')
      const close = this.expect('INDEX_RBRACKET')
      parts.push({ kind: 'index', arg, span: this.span(open, close) })
    }
  }

  protected expression(level = 0): Expr {
    const ops = LEVELS[level]
    if (!ops) return this.unary()
    let left = this.expression(level + 1)
    for (;;) {
      const op = BIN_OPS[this.peek().kind]
      if (!op || !ops.includes(op)) return left
      this.take()
      const right = this.expression(level + 1)
      left = { kind: 'bin', op, left, right, span: { start: left.span.start, end: right.span.end } }
    }
  }

  protected unary(): Expr {
    if (++this.depth > MAX_PARSE_DEPTH) throw this.tooDeep()
    try {
      return this.unaryInner()
    } finally {
      this.depth--
    }
  }

  protected unaryInner(): Expr {
    if (this.is('LOGICAL_NOT') || (this.is('WHITESPACE') && this.is('LOGICAL_NOT', 2))) {
      this.opt('WHITESPACE')
      const t = this.take()
      const expr = this.unary()
      return { kind: 'not', expr, span: { start: t.start, end: expr.span.end } }
    }
    this.opt('WHITESPACE')
    let e: Expr
    if (this.is('LPAREN')) {
      const open = this.take()
      const inner = this.expression()
      const close = this.expect('RPAREN')
      e = { kind: 'paren', expr: inner, span: this.span(open, close) }
    } else e = this.value()
    this.opt('WHITESPACE')
    return e
  }
}

function buildRef(
  first: Token,
  idTok: Token,
  braced: boolean,
  parts: RefPart[],
  full: string,
  end: number,
): RefNode {
  let image = first.image
  const span = { start: first.start, end }
  if (!image.includes('$'))
    return refNode(image, parts, full.slice(first.start, end), true, span, false, '', '')
  if (image.includes('\\!'))
    return refNode('', parts, full.slice(first.start, end), true, span, false, '', '')
  let n = 0
  while (image[n] === '\\') n++
  const escaped = n % 2 === 1
  const escPrefix = '\\'.repeat(Math.floor(n / 2))
  image = image.slice(n)
  const loc = image.lastIndexOf('$')
  const morePrefix = loc > 0 ? image.slice(0, loc) : ''
  if (loc > 0) image = image.slice(loc)
  const literal = image + full.slice(first.end, end)
  let root: string
  if (braced) root = idTok.image
  else if (image.startsWith('$!')) root = image.slice(2)
  else if (image.startsWith('$')) root = image.slice(1)
  else return refNode(image, parts, literal, true, span, escaped, escPrefix, morePrefix)
  return refNode(root, parts, literal, false, span, escaped, escPrefix, morePrefix)
}

/**
 * Every RefNode is built with the same literal shape (spreading a base object into one that
 * redefines its keys is very slow in V8).
 */
function refNode(
  root: string,
  parts: RefPart[],
  literal: string,
  bogus: boolean,
  span: Span,
  escaped: boolean,
  escPrefix: string,
  morePrefix: string,
): RefNode {
  return { root, parts, escaped, escPrefix, morePrefix, literal, bogus, span }
}

/**
 * Velocity 1.7's grammar as a recursive-descent parser over the lexer's tokens. Lookahead is
 * done by trying a production and rewinding, which is safe because lexing depends on parser
 * actions only at `#word` (checked below), never inside references or expressions.
 */
import type { Span } from '../model'
import type { Expr, Node, RefNode, RefPart, BinOp } from './ast'
import { VtlSyntaxError } from './errors'
import { TokenManager, type Token, type TokenKind } from './lexer'

/** Velocity 1.7's built-in directives. */
export const DIRECTIVES = new Set([
  'foreach',
  'include',
  'parse',
  'macro',
  'literal',
  'evaluate',
  'break',
  'stop',
  'define',
])
const BLOCK_DIRECTIVES = new Set(['foreach', 'literal', 'macro', 'define'])

const STATEMENT_START = new Set<TokenKind>([
  'IF_DIRECTIVE',
  'IDENTIFIER',
  'LCURLY',
  'SINGLE_LINE_COMMENT_START',
  'MULTI_LINE_COMMENT',
  'FORMAL_COMMENT',
  'TEXTBLOCK',
  'SET_DIRECTIVE',
  'ESCAPE_DIRECTIVE',
  'DOUBLE_ESCAPE',
  'WORD',
  'BRACKETED_WORD',
  'TEXT',
  'DOT',
  'RPAREN',
  'LPAREN',
  'INTEGER_LITERAL',
  'FLOATING_POINT_LITERAL',
  'STRING_LITERAL',
  'ESCAPE',
  'RCURLY',
  'EMPTY_INDEX',
])
const PARAM_START = new Set<TokenKind>([
  'WHITESPACE',
  'STRING_LITERAL',
  'INTEGER_LITERAL',
  'LBRACKET',
  'LEFT_CURLEY',
  'TRUE',
  'FALSE',
  'IDENTIFIER',
  'LCURLY',
  'FLOATING_POINT_LITERAL',
])
const ARG_START = new Set<TokenKind>([...PARAM_START, 'WORD'])
const BIN_OPS: Partial<Record<TokenKind, BinOp>> = {
  LOGICAL_OR: 'or',
  LOGICAL_AND: 'and',
  LOGICAL_EQUALS: 'eq',
  LOGICAL_NOT_EQUALS: 'ne',
  LOGICAL_LT: 'lt',
  LOGICAL_GT: 'gt',
  LOGICAL_LE: 'le',
  LOGICAL_GE: 'ge',
  PLUS: '+',
  MINUS: '-',
  MULTIPLY: '*',
  DIVIDE: '/',
  MODULUS: '%',
}
const LEVELS: BinOp[][] = [
  ['or'],
  ['and'],
  ['eq', 'ne'],
  ['lt', 'gt', 'le', 'ge'],
  ['+', '-'],
  ['*', '/', '%'],
]

const EXPECTED_TEXT: Record<string, string> = {
  END: '#end',
  RPAREN: ')',
  REFMOD2_RPAREN: ')',
  LPAREN: '(',
  RCURLY: '}',
  RIGHT_CURLEY: '}',
  EQUALS: '=',
  COLON: ':',
  INDEX_RBRACKET: ']',
  RBRACKET: ']',
  DOUBLEDOT: '..',
  IDENTIFIER: 'a name',
  EOF: 'the end of the template',
}

/** Shared between a template and the string literals parsed inside it. */
export type ParseEnv = { macroNames: Set<string>; fullText: string }

/** Parses template text (or a string literal's content at `base`) into statements. */
export function parseTemplate(src: string, env?: ParseEnv, base = 0): Node[] {
  const e = env ?? { macroNames: new Set<string>(), fullText: src }
  return new Parser(new TokenManager(src, base), e).process()
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}

class Parser {
  private buf: Token[] = []
  private i = 0

  constructor(
    private readonly lx: TokenManager,
    private readonly env: ParseEnv,
  ) {}

  process(): Node[] {
    const nodes = this.statements()
    this.expect('EOF')
    return nodes
  }

  private peek(k = 1): Token {
    while (this.buf.length < this.i + k) this.buf.push(this.lx.next())
    return this.buf[this.i + k - 1] as Token
  }

  private is(kind: TokenKind, k = 1): boolean {
    return this.peek(k).kind === kind
  }

  private take(): Token {
    const t = this.peek()
    this.i++
    return t
  }

  private expect(kind: TokenKind): Token {
    if (!this.is(kind)) throw this.error(this.peek(), kind)
    return this.take()
  }

  private opt(kind: TokenKind): Token | undefined {
    return this.is(kind) ? this.take() : undefined
  }

  private error(t: Token, expected?: string): VtlSyntaxError {
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
  private attempt<T>(f: () => T): T | undefined {
    const save = this.i
    try {
      return f()
    } catch (e) {
      if (!(e instanceof VtlSyntaxError) || e.code === 'vtl.lexical') throw e
      this.i = save
      return undefined
    }
  }

  private statements(): Node[] {
    const out: Node[] = []
    while (STATEMENT_START.has(this.peek().kind)) {
      const n = this.statement()
      if (n) out.push(n)
    }
    return out
  }

  private statement(): Node | undefined {
    const t = this.peek()
    switch (t.kind) {
      case 'IF_DIRECTIVE':
        return this.ifStatement()
      case 'IDENTIFIER': {
        const ref = this.reference()
        return { kind: 'ref', ref, span: ref.span }
      }
      case 'LCURLY':
        if (this.is('IDENTIFIER', 2)) {
          const ref = this.reference()
          return { kind: 'ref', ref, span: ref.span }
        }
        return this.text(this.take())
      case 'SINGLE_LINE_COMMENT_START': {
        this.take()
        const end = this.opt('SINGLE_LINE_COMMENT')
        return this.commentText(t, end?.end ?? t.end)
      }
      case 'MULTI_LINE_COMMENT':
      case 'FORMAL_COMMENT':
        this.take()
        return this.commentText(t, t.end)
      case 'TEXTBLOCK': {
        this.take()
        const open = t.image.indexOf('#[[')
        return { kind: 'text', text: t.image.slice(open + 3, -3), span: this.span(t, t) }
      }
      case 'SET_DIRECTIVE':
        return this.setDirective()
      case 'ESCAPE_DIRECTIVE':
        this.take()
        return { kind: 'text', text: this.escapedDirective(t.image), span: this.span(t, t) }
      case 'DOUBLE_ESCAPE':
        return this.escape()
      case 'WORD':
      case 'BRACKETED_WORD':
        return this.directive()
      default:
        return this.text(this.take())
    }
  }

  private span(a: Token, b: Token): Span {
    return { start: a.start, end: b.end }
  }

  private text(t: Token): Node {
    let text = t.image
    if (t.kind === 'MULTI_LINE_COMMENT') text = ''
    else if (t.special && !t.lastSpecial?.startsWith('##')) text = t.special + t.image
    return { kind: 'text', text, span: this.span(t, t) }
  }

  private commentText(t: Token, end: number): Node {
    const a = t.image.indexOf('##')
    const b = t.image.indexOf('#*')
    const cut = a < 0 ? b : b < 0 ? a : Math.min(a, b)
    return {
      kind: 'text',
      text: cut > 0 ? t.image.slice(0, cut) : '',
      span: { start: t.start, end },
    }
  }

  private escapedDirective(image: string): string {
    const last = image.lastIndexOf('\\')
    const dir = image.slice(last + 1)
    let tag = dir.slice(1)
    if (tag.startsWith('{')) tag = tag.slice(1, -1)
    const known =
      DIRECTIVES.has(tag) ||
      this.env.macroNames.has(tag) ||
      ['if', 'end', 'set', 'else', 'elseif'].includes(tag)
    return known ? image.slice(0, Math.floor(last / 2)) + dir : image
  }

  private escape(): Node {
    const first = this.peek()
    let count = 0
    let last = first
    while (this.is('DOUBLE_ESCAPE')) {
      last = this.take()
      count++
    }
    const next = this.peek()
    const control =
      ['IF_DIRECTIVE', 'ELSE_DIRECTIVE', 'ELSEIF_DIRECTIVE', 'END'].includes(next.kind) ||
      DIRECTIVES.has(next.image.slice(1)) ||
      this.env.macroNames.has(next.image.slice(1))
    return {
      kind: 'text',
      text: (control ? '\\' : '\\\\').repeat(count),
      span: this.span(first, last),
    }
  }

  private ifStatement(): Node {
    const start = this.take()
    const branches: { cond: Expr; body: Node[] }[] = []
    this.opt('WHITESPACE')
    this.expect('LPAREN')
    let cond = this.expression()
    this.expect('RPAREN')
    branches.push({ cond, body: this.statements() })
    while (this.is('ELSEIF_DIRECTIVE')) {
      this.take()
      this.opt('WHITESPACE')
      this.expect('LPAREN')
      cond = this.expression()
      this.expect('RPAREN')
      branches.push({ cond, body: this.statements() })
    }
    let orElse: Node[] | undefined
    if (this.opt('ELSE_DIRECTIVE')) orElse = this.statements()
    const end = this.expect('END')
    return { kind: 'if', branches, orElse, span: this.span(start, end) }
  }

  private setDirective(): Node {
    const start = this.take()
    this.opt('WHITESPACE')
    if (!this.is('IDENTIFIER') && !this.is('LCURLY')) throw this.error(this.peek(), 'a reference')
    const target = this.reference()
    this.opt('WHITESPACE')
    this.expect('EQUALS')
    const value = this.expression()
    const end = this.expect('RPAREN')
    this.lx.inSet = false
    return { kind: 'set', target, value, span: this.span(start, end) }
  }

  private directive(): Node {
    const t = this.take()
    const name = t.kind === 'BRACKETED_WORD' ? t.image.slice(2, -1) : t.image.slice(1)
    const known = DIRECTIVES.has(name)
    const isMacro = name === 'macro'
    const isBlock = BLOCK_DIRECTIVES.has(name) || name.startsWith('@')
    const isVM = this.env.macroNames.has(name)
    if (this.buf.length !== this.i) throw new Error('lexer ran ahead of #directive')
    this.lx.state = 'DIRECTIVE'
    if (!/^[ \t\r\n]*\(/.test(this.lx.src.slice(this.lx.pos, this.lx.pos + 200))) {
      if (isMacro)
        throw new VtlSyntaxError(
          'A macro declaration requires at least a name argument',
          this.span(t, t),
          'vtl.macro',
        )
      this.lx.pop()
      return {
        kind: 'directive',
        name,
        args: [],
        literal: t.image,
        hasParens: false,
        span: this.span(t, t),
      }
    }
    this.opt('WHITESPACE')
    this.expect('LPAREN')
    const args: Expr[] = []
    for (;;) {
      const more =
        ARG_START.has(this.peek().kind) ||
        (this.is('WHITESPACE') && (this.is('COMMA', 2) || ARG_START.has(this.peek(2).kind))) ||
        (this.is('COMMA') && ARG_START.has(this.peek(2).kind))
      if (!more) break
      this.opt('WHITESPACE')
      if (this.opt('COMMA')) this.opt('WHITESPACE')
      const arg = this.directiveArg()
      if (arg.kind === 'word') {
        const pos = args.length
        if (!(isMacro && pos === 0)) {
          if (isVM) throw this.argError(`Invalid arg #${pos} in VM ${t.image}`, arg.span)
          if (known && !(name === 'foreach' && pos === 1))
            throw this.argError(`Invalid arg #${pos} in directive ${t.image}`, arg.span)
        }
      } else if (isMacro && args.length === 0) {
        throw this.argError(
          'Invalid first arg in #macro() directive - must be a word token (no \' or " surrounding)',
          arg.span,
        )
      }
      args.push(arg)
    }
    this.opt('WHITESPACE')
    const close = this.expect('RPAREN')
    const literal = this.env.fullText.slice(t.start, close.end)
    if (!isBlock)
      return { kind: 'directive', name, args, literal, hasParens: true, span: this.span(t, close) }
    const bodyStart = close.end
    const body = this.statements()
    const end = this.expect('END')
    if (isMacro) this.checkMacro(args, t)
    return {
      kind: 'directive',
      name,
      args,
      body,
      literal,
      bodyText: this.env.fullText.slice(bodyStart, end.start),
      hasParens: true,
      span: this.span(t, end),
    }
  }

  private argError(message: string, span: Span): VtlSyntaxError {
    return new VtlSyntaxError(message, span, 'vtl.directive-arg')
  }

  private checkMacro(args: Expr[], t: Token): void {
    const first = args[0]
    if (!first)
      throw new VtlSyntaxError(
        'First argument to #macro() must be  macro name',
        this.span(t, t),
        'vtl.macro',
      )
    for (const a of args.slice(1))
      if (a.kind !== 'refx')
        throw this.argError('Macro arguments after the name must be references like $a', a.span)
    if (first.kind === 'word') this.env.macroNames.add(first.text)
  }

  private directiveArg(): Expr {
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
  private value(allowRef = true): Expr {
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
        return this.attempt(() => this.range()) ?? this.list()
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

  private parameter(): Expr {
    this.opt('WHITESPACE')
    const v = this.value()
    this.opt('WHITESPACE')
    return v
  }

  private map(): Expr {
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

  private list(): Expr {
    const start = this.expect('LBRACKET')
    const items: Expr[] = []
    if (PARAM_START.has(this.peek().kind)) {
      do items.push(this.parameter())
      while (this.opt('COMMA'))
    }
    const end = this.expect('RBRACKET')
    return { kind: 'list', items, span: this.span(start, end) }
  }

  private rangeEnd(): Expr {
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

  private range(): Expr {
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

  private stringLiteral(t: Token): Expr {
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
        node.template = parseTemplate(content + ' ', this.env, t.start + 1)
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

  private reference(): RefNode {
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

  private indexes(parts: RefPart[]): void {
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

  private expression(level = 0): Expr {
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

  private unary(): Expr {
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
  const base = { parts, escaped: false, escPrefix: '', morePrefix: '', span, bogus: false }
  if (!image.includes('$')) {
    return { ...base, root: image, literal: full.slice(first.start, end), bogus: true }
  }
  if (image.includes('\\!')) {
    return { ...base, root: '', literal: full.slice(first.start, end), bogus: true }
  }
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
  else return { ...base, root: image, literal, escaped, escPrefix, morePrefix, bogus: true }
  return { ...base, root, escaped, escPrefix, morePrefix, literal }
}

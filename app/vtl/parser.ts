/**
 * Velocity 1.7's grammar as a recursive-descent parser over the lexer's tokens. Lookahead is
 * done by trying a production and rewinding, which is safe because lexing depends on parser
 * actions only at `#word` (checked below), never inside references or expressions.
 */
import type { Span } from '../model'
import type { Expr, Node } from './ast'
import { VtlSyntaxError } from './errors'
import { TokenManager, type Token, type TokenKind } from './lexer'
import { ExpressionParser, MAX_PARSE_DEPTH, type ParseEnv } from './parser-expressions'
import { ARG_START } from './parser-tables'

export type { ParseEnv } from './parser-expressions'

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
/** Parses template text (or a string literal's content at `base`) into statements. */
export function parseTemplate(src: string, env?: ParseEnv, base = 0): Node[] {
  const e = env ?? { macroNames: new Set<string>(), fullText: src }
  return new Parser(new TokenManager(src, base), e).process()
}

class Parser extends ExpressionParser {
  process(): Node[] {
    const nodes = this.statements()
    this.expect('EOF')
    return nodes
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
    if (++this.depth > MAX_PARSE_DEPTH) throw this.tooDeep()
    try {
      return this.statementInner()
    } finally {
      this.depth--
    }
  }

  private statementInner(): Node | undefined {
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
        (this.is('COMMA') && (this.is('WHITESPACE', 2) || ARG_START.has(this.peek(2).kind)))
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
    // Velocity checks #evaluate's argument count while parsing (its init), not when rendering.
    if (name === 'evaluate' && args.length !== 1)
      throw this.argError('#evaluate() requires exactly one argument', this.span(t, close))
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
      literal: this.env.fullText.slice(t.start, end.end),
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

  protected parseNested(content: string, base: number): Node[] {
    return parseTemplate(content, this.env, base)
  }
}

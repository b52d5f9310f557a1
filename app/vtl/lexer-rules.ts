/**
 * The token definitions of Velocity 1.7's grammar (Parser.jjt), per lexical state and in
 * declaration order, with their lexical actions (state pushes/pops, paren counting).
 */
/** The grammar's lexical states. */
export type LexState =
  | 'DEFAULT'
  | 'PRE_DIRECTIVE'
  | 'DIRECTIVE'
  | 'REFERENCE'
  | 'REFMODIFIER'
  | 'REFMOD2'
  | 'REFINDEX'
  | 'IN_SINGLE_LINE_COMMENT'
  | 'IN_FORMAL_COMMENT'
  | 'IN_MULTI_LINE_COMMENT'
  | 'IN_TEXTBLOCK'

/** Token kinds the parser sees (names follow the Velocity grammar). */
export type TokenKind =
  | 'EOF'
  | 'INDEX_LBRACKET'
  | 'INDEX_RBRACKET'
  | 'LBRACKET'
  | 'RBRACKET'
  | 'COMMA'
  | 'DOUBLEDOT'
  | 'COLON'
  | 'LEFT_CURLEY'
  | 'RIGHT_CURLEY'
  | 'LPAREN'
  | 'RPAREN'
  | 'REFMOD2_RPAREN'
  | 'ESCAPE_DIRECTIVE'
  | 'SET_DIRECTIVE'
  | 'SINGLE_LINE_COMMENT_START'
  | 'DOUBLE_ESCAPE'
  | 'ESCAPE'
  | 'TEXT'
  | 'SINGLE_LINE_COMMENT'
  | 'FORMAL_COMMENT'
  | 'MULTI_LINE_COMMENT'
  | 'TEXTBLOCK'
  | 'WHITESPACE'
  | 'STRING_LITERAL'
  | 'TRUE'
  | 'FALSE'
  | 'MINUS'
  | 'PLUS'
  | 'MULTIPLY'
  | 'DIVIDE'
  | 'MODULUS'
  | 'LOGICAL_AND'
  | 'LOGICAL_OR'
  | 'LOGICAL_LT'
  | 'LOGICAL_LE'
  | 'LOGICAL_GT'
  | 'LOGICAL_GE'
  | 'LOGICAL_EQUALS'
  | 'LOGICAL_NOT_EQUALS'
  | 'LOGICAL_NOT'
  | 'EQUALS'
  | 'END'
  | 'IF_DIRECTIVE'
  | 'ELSEIF_DIRECTIVE'
  | 'ELSE_DIRECTIVE'
  | 'INTEGER_LITERAL'
  | 'FLOATING_POINT_LITERAL'
  | 'WORD'
  | 'BRACKETED_WORD'
  | 'IDENTIFIER'
  | 'DOT'
  | 'LCURLY'
  | 'RCURLY'
  | 'EMPTY_INDEX'

/** One token: `image` includes any MORE prefix (`\\$!{`), `special` the re-emitted text. */
export type Token = {
  kind: TokenKind
  image: string
  start: number
  end: number
  /** Filtered text of the special tokens just before this one (only `$`, `#`, `\\…$`). */
  special: string
  /** The raw image of the last special token, for the `##` check. */
  lastSpecial?: string
}

type Category = 'token' | 'more' | 'special' | 'skip'

/** What the rules' lexical actions may touch (the TokenManager implements it). */
export type Lexer = {
  state: LexState
  lparen: number
  inComment: boolean
  inSet: boolean
  readonly src: string
  push(): void
  pop(): boolean
  rparenHandler(): void
  tokenEnd(len: number): number
}

/** One token definition of the grammar. */
export type Rule = {
  kind: TokenKind | 'MORE' | 'SPECIAL' | 'SKIP'
  name: string
  cat: Category
  states: ReadonlySet<LexState>
  match: (src: string, pos: number) => number
  /** Returns how many characters to give back to the input. */
  action?: (lx: Lexer, len: number) => number | void
  /** Whether a match can begin with this character (a pre-filter; `match` decides). */
  canStart: (c: string) => boolean
}

/** A matcher and the characters a match can begin with (`ANY`: every character). */
type Matcher = ((src: string, pos: number) => number) & { first?: string | typeof ANY | NotIn }
type NotIn = { notIn: string }
const ANY = Symbol('any')

const ALL: LexState[] = [
  'DEFAULT',
  'PRE_DIRECTIVE',
  'DIRECTIVE',
  'REFERENCE',
  'REFMODIFIER',
  'REFMOD2',
  'REFINDEX',
  'IN_SINGLE_LINE_COMMENT',
  'IN_FORMAL_COMMENT',
  'IN_MULTI_LINE_COMMENT',
  'IN_TEXTBLOCK',
]

function withFirst(m: (src: string, pos: number) => number, first: Matcher['first']): Matcher {
  const out: Matcher = m
  out.first = first
  return out
}

function lit(s: string): Matcher {
  if (s.length === 1)
    return withFirst((src, pos) => (src.charCodeAt(pos) === s.charCodeAt(0) ? 1 : -1), s)
  return withFirst((src, pos) => (src.startsWith(s, pos) ? s.length : -1), s[0])
}

/** A regular expression; `first` lists the characters its matches can begin with. */
function re(r: RegExp, first: Matcher['first']): Matcher {
  const sticky = new RegExp(r.source, 'y')
  return withFirst((src, pos) => {
    sticky.lastIndex = pos
    return sticky.test(src) ? sticky.lastIndex - pos : -1
  }, first)
}

function longest(first: Matcher['first'], ...ms: Matcher[]): Matcher {
  return withFirst((src, pos) => {
    let best = -1
    for (const m of ms) {
      const n = m(src, pos)
      if (n > best) best = n
    }
    return best
  }, first)
}

/** `"…"` / `'…'` with doubled quotes as escapes, matched longest like JavaCC's DFA would. */
function quoted(q: string): Matcher {
  return withFirst((src, pos) => {
    if (src[pos] !== q) return -1
    let best = -1
    let i = pos + 1
    for (;;) {
      const next = src.indexOf(q, i)
      if (next < 0) return best
      let k = 0
      while (src[next + k] === q) k++
      if (k % 2 === 1) return next + k - pos
      best = next + k - 1 - pos
      i = next + k
    }
  }, q)
}

const NL = '(?:[ \\t]*(?:\\r\\n|\\n|\\r))?'

function rule(
  kind: Rule['kind'],
  cat: Category,
  states: LexState[],
  match: Matcher,
  action?: Rule['action'],
): Rule {
  const first = match.first ?? ANY
  const canStart =
    first === ANY
      ? () => true
      : typeof first === 'string'
        ? (c: string) => first.includes(c)
        : (c: string) => !first.notIn.includes(c)
  return { kind, name: kind, cat, states: new Set(states), match, action, canStart }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const DIGITS = '0123456789'

const D_R2: LexState[] = ['DIRECTIVE', 'REFMOD2']
const LIT_STATES: LexState[] = ['PRE_DIRECTIVE', 'DIRECTIVE', 'REFMOD2', 'REFINDEX']

function dollarAction(lx: Lexer): void {
  if (lx.inComment) return
  if (lx.state === 'REFERENCE') lx.pop()
  lx.push()
  lx.state = 'REFERENCE'
}

function commentStart(target: LexState) {
  return (lx: Lexer) => {
    if (lx.inComment) return
    lx.inComment = true
    lx.push()
    lx.state = target
  }
}

function commentEnd(lx: Lexer): void {
  lx.inComment = false
  lx.pop()
}

const RULES: Rule[] = [
  rule('INDEX_LBRACKET', 'token', ['REFERENCE', 'REFMODIFIER'], lit('['), (lx) => {
    lx.push()
    lx.state = 'REFINDEX'
  }),
  rule('INDEX_RBRACKET', 'token', ['REFINDEX'], lit(']'), (lx) => void lx.pop()),
  rule('LBRACKET', 'token', D_R2, lit('[')),
  rule('RBRACKET', 'token', D_R2, lit(']')),
  rule('COMMA', 'token', D_R2, lit(',')),
  rule('DOUBLEDOT', 'token', D_R2, lit('..')),
  rule('COLON', 'token', D_R2, lit(':')),
  rule('LEFT_CURLEY', 'token', D_R2, lit('{')),
  rule('RIGHT_CURLEY', 'token', D_R2, lit('}')),
  rule('LPAREN', 'token', ['DIRECTIVE', 'REFMODIFIER'], lit('('), (lx) => {
    if (!lx.inComment) lx.lparen++
    if (lx.state === 'REFMODIFIER') lx.state = 'REFMOD2'
  }),
  rule('RPAREN', 'token', ['DIRECTIVE'], re(new RegExp('\\)' + NL), ')'), (lx) =>
    lx.rparenHandler(),
  ),
  rule('REFMOD2_RPAREN', 'token', ['REFMOD2'], lit(')'), (lx) => {
    lx.state = 'REFERENCE'
  }),
  rule(
    'ESCAPE_DIRECTIVE',
    'token',
    ['DEFAULT'],
    re(/(?:\\\\)*\\#(?:[a-zA-Z_@][a-zA-Z0-9_@]*|\{[a-zA-Z_][a-zA-Z0-9_@]*\})/, '\\'),
  ),
  rule(
    'SET_DIRECTIVE',
    'token',
    ['DEFAULT', 'REFERENCE', 'REFMODIFIER', 'REFMOD2'],
    re(/[ \t]*(?:#set|#\{set\}) *\(/, ' \t#'),
    (lx) => {
      if (lx.inComment) return
      lx.push()
      lx.inSet = true
      lx.state = 'DIRECTIVE'
      lx.lparen++
    },
  ),
  rule('MORE', 'more', ALL, re(/\\*\$/, '\\$'), dollarAction),
  rule('MORE', 'more', ALL, re(/\\*\$\\*!/, '\\$'), dollarAction),
  rule('MORE', 'more', ALL, lit('#[['), commentStart('IN_TEXTBLOCK')),
  rule('MORE', 'more', ALL, re(/#\*\*[^#]/, '#'), (lx) => {
    if (lx.inComment) return
    commentStart('IN_FORMAL_COMMENT')(lx)
    return 1
  }),
  rule('MORE', 'more', ALL, lit('#*'), commentStart('IN_MULTI_LINE_COMMENT')),
  rule('MORE', 'more', ALL, lit('#'), (lx) => {
    if (lx.inComment) return
    if (lx.state === 'REFERENCE' || lx.state === 'REFMODIFIER') lx.pop()
    lx.push()
    lx.state = 'PRE_DIRECTIVE'
  }),
  rule(
    'SINGLE_LINE_COMMENT_START',
    'token',
    ['DEFAULT', 'PRE_DIRECTIVE', 'DIRECTIVE', 'REFERENCE'],
    lit('##'),
    (lx) => {
      if (lx.inComment) return
      if (lx.state === 'REFERENCE') lx.pop()
      commentStart('IN_SINGLE_LINE_COMMENT')(lx)
    },
  ),
  rule('DOUBLE_ESCAPE', 'token', ['DEFAULT'], lit('\\\\')),
  rule('ESCAPE', 'token', ['DEFAULT'], lit('\\')),
  rule('TEXT', 'token', ['DEFAULT'], re(/[^$#\\]+/, { notIn: '$#\\' })),
  rule(
    'SINGLE_LINE_COMMENT',
    'token',
    ['IN_SINGLE_LINE_COMMENT'],
    re(/\r\n|\n|\r/, '\r\n'),
    commentEnd,
  ),
  rule('FORMAL_COMMENT', 'token', ['IN_FORMAL_COMMENT'], lit('*#'), commentEnd),
  rule('MULTI_LINE_COMMENT', 'token', ['IN_MULTI_LINE_COMMENT'], lit('*#'), commentEnd),
  rule('TEXTBLOCK', 'token', ['IN_TEXTBLOCK'], lit(']]#'), commentEnd),
  rule(
    'SKIP',
    'skip',
    ['IN_SINGLE_LINE_COMMENT', 'IN_FORMAL_COMMENT', 'IN_MULTI_LINE_COMMENT'],
    re(/[\s\S]/, ANY),
  ),
  rule('MORE', 'more', ['IN_TEXTBLOCK'], re(/[\s\S]/, ANY)),
  rule('WHITESPACE', 'token', ['DIRECTIVE', 'REFMOD2', 'REFINDEX'], re(/[ \t\n\r]+/, ' \t\n\r')),
  rule(
    'STRING_LITERAL',
    'token',
    ['DIRECTIVE', 'REFMOD2', 'REFINDEX'],
    longest('"\'', quoted('"'), quoted("'")),
    (lx) => {
      if (lx.state === 'DIRECTIVE' && !lx.inSet && lx.lparen === 0) lx.pop()
    },
  ),
  rule(
    'TRUE',
    'token',
    ['REFERENCE', 'DIRECTIVE', 'REFMODIFIER', 'REFMOD2', 'REFINDEX'],
    lit('true'),
  ),
  rule(
    'FALSE',
    'token',
    ['REFERENCE', 'DIRECTIVE', 'REFMODIFIER', 'REFMOD2', 'REFINDEX'],
    lit('false'),
  ),
  rule('MINUS', 'token', ['DIRECTIVE'], lit('-')),
  rule('PLUS', 'token', ['DIRECTIVE'], lit('+')),
  rule('MULTIPLY', 'token', ['DIRECTIVE'], lit('*')),
  rule('DIVIDE', 'token', ['DIRECTIVE'], lit('/')),
  rule('MODULUS', 'token', ['DIRECTIVE'], lit('%')),
  rule('LOGICAL_AND', 'token', ['DIRECTIVE'], re(/&&|and/, '&a')),
  rule('LOGICAL_OR', 'token', ['DIRECTIVE'], re(/\|\||or/, '|o')),
  rule('LOGICAL_LT', 'token', ['DIRECTIVE'], re(/<|lt/, '<l')),
  rule('LOGICAL_LE', 'token', ['DIRECTIVE'], re(/<=|le/, '<l')),
  rule('LOGICAL_GT', 'token', ['DIRECTIVE'], re(/>|gt/, '>g')),
  rule('LOGICAL_GE', 'token', ['DIRECTIVE'], re(/>=|ge/, '>g')),
  rule('LOGICAL_EQUALS', 'token', ['DIRECTIVE'], re(/==|eq/, '=e')),
  rule('LOGICAL_NOT_EQUALS', 'token', ['DIRECTIVE'], re(/!=|ne/, '!n')),
  rule('LOGICAL_NOT', 'token', ['DIRECTIVE'], re(/!|not/, '!n')),
  rule('EQUALS', 'token', ['DIRECTIVE'], lit('=')),
  rule('END', 'token', ['PRE_DIRECTIVE'], re(new RegExp('(?:end|\\{end\\})' + NL), 'e{'), (lx) => {
    lx.pop()
  }),
  rule('IF_DIRECTIVE', 'token', ['PRE_DIRECTIVE'], re(/if|\{if\}/, 'i{'), (lx) => {
    lx.state = 'DIRECTIVE'
  }),
  rule('ELSEIF_DIRECTIVE', 'token', ['PRE_DIRECTIVE'], re(/elseif|\{elseif\}/, 'e{'), (lx) => {
    lx.state = 'DIRECTIVE'
  }),
  rule(
    'ELSE_DIRECTIVE',
    'token',
    ['PRE_DIRECTIVE'],
    re(new RegExp('(?:else|\\{else\\})' + NL), 'e{'),
    (lx) => void lx.pop(),
  ),
  rule('INTEGER_LITERAL', 'token', LIT_STATES, re(/-?[0-9]+(?:\.\.)?/, '-' + DIGITS), (lx, len) => {
    const back = lx.src.startsWith('..', lx.tokenEnd(len) - 2) ? 2 : 0
    if (lx.lparen === 0 && !lx.inSet && lx.state !== 'REFMOD2' && lx.state !== 'REFINDEX') lx.pop()
    return back
  }),
  rule(
    'FLOATING_POINT_LITERAL',
    'token',
    LIT_STATES,
    longest(
      '-.' + DIGITS,
      re(/-?[0-9]+\.[0-9]*(?:[eE][+-]?[0-9]+)?/, ANY),
      re(/-?\.[0-9]+(?:[eE][+-]?[0-9]+)?/, ANY),
      re(/-?[0-9]+[eE][+-]?[0-9]+/, ANY),
    ),
    (lx) => {
      if (lx.lparen === 0 && !lx.inSet && lx.state !== 'REFMOD2') lx.pop()
    },
  ),
  rule(
    'WORD',
    'token',
    ['PRE_DIRECTIVE', 'DIRECTIVE'],
    re(/[a-zA-Z_@][a-zA-Z0-9_@]*/, LETTERS + '_@'),
  ),
  rule(
    'BRACKETED_WORD',
    'token',
    ['PRE_DIRECTIVE', 'DIRECTIVE'],
    re(/\{[a-zA-Z_][a-zA-Z0-9_@]*\}/, '{'),
  ),
  rule(
    'IDENTIFIER',
    'token',
    ['REFERENCE', 'REFMODIFIER', 'REFMOD2'],
    re(/[a-zA-Z_][a-zA-Z0-9_-]*/, LETTERS + '_'),
  ),
  rule('DOT', 'token', ['REFERENCE', 'REFMODIFIER', 'REFMOD2'], re(/\.[a-zA-Z]/, '.'), (lx) => {
    lx.state = 'REFMODIFIER'
    return 1
  }),
  rule('LCURLY', 'token', ['REFERENCE', 'REFMODIFIER'], lit('{')),
  rule('RCURLY', 'token', ['REFERENCE', 'REFMODIFIER'], lit('}'), (lx) => void lx.pop()),
  rule('SPECIAL', 'special', ['REFERENCE', 'REFMODIFIER'], re(/[\s\S]/, ANY), (lx) => {
    lx.pop()
    return 1
  }),
  rule('SPECIAL', 'special', ['PRE_DIRECTIVE'], re(/[\s\S]/, ANY), (lx) => {
    lx.pop()
    return 1
  }),
  rule('EMPTY_INDEX', 'token', ['DEFAULT', 'REFERENCE'], re(/\$\[|\$!\[|\$\\!\[|\$\./, '$')),
]

/** The rules that apply in each state, in declaration order (ties go to the first). */
export const RULES_BY_STATE = new Map<LexState, Rule[]>(
  ALL.map((s) => [s, RULES.filter((r) => r.states.has(s))]),
)

/**
 * For each state, the rules that can match at a character, by its code (index 128 stands for
 * every non-ASCII character): the lexer only tries those, in declaration order.
 */
export const RULES_BY_FIRST = new Map<LexState, Rule[][]>(
  ALL.map((s) => {
    const rules = RULES_BY_STATE.get(s) ?? []
    const table: Rule[][] = []
    for (let code = 0; code <= 128; code++) {
      const c = code === 128 ? '\u0100' : String.fromCharCode(code)
      table.push(rules.filter((r) => r.canStart(c)))
    }
    return [s, table]
  }),
)

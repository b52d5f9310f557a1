/** Token tables of the VTL grammar shared by the expression and statement parsers. */
import type { BinOp } from './ast'
import type { TokenKind } from './lexer'

/** Tokens that can start a macro-call parameter or a method argument. */
export const PARAM_START = new Set<TokenKind>([
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
/**
 * Tokens that can start a directive argument itself (a bare word is allowed there too); unlike a
 * parameter, the blank before it belongs to the separator, so a blank before `)` ends the list.
 */
export const ARG_START = new Set<TokenKind>([
  ...[...PARAM_START].filter((k) => k !== 'WHITESPACE'),
  'WORD',
])
/** Binary operator of each operator token. */
export const BIN_OPS: Partial<Record<TokenKind, BinOp>> = {
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
/** Binary operators by precedence, loosest first (Velocity's grammar). */
export const LEVELS: BinOp[][] = [
  ['or'],
  ['and'],
  ['eq', 'ne'],
  ['lt', 'gt', 'le', 'ge'],
  ['+', '-'],
  ['*', '/', '%'],
]

/** How a syntax error names an expected token. */
export const EXPECTED_TEXT: Record<string, string> = {
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

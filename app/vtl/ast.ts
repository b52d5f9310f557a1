/**
 * The syntax tree of a template. Every node keeps its span (UTF-16 offsets into the template).
 */
import type { Span } from '../model'
import type { JBigInt, JDouble, JLong } from './values'

/** A statement-level node. */
export type Node =
  | { kind: 'text'; text: string; span: Span }
  | { kind: 'ref'; ref: RefNode; span: Span }
  | { kind: 'set'; target: RefNode; value: Expr; span: Span }
  | { kind: 'if'; branches: { cond: Expr; body: Node[] }[]; orElse?: Node[]; span: Span }
  | {
      kind: 'directive'
      name: string
      args: Expr[]
      body?: Node[]
      /** Source text, rendered when the name is neither a directive nor a macro. */
      literal: string
      /** Text of the body, for `#literal`. */
      bodyText?: string
      hasParens: boolean
      span: Span
    }

/** One step after the root: `.name`, `.name(args)` or `[index]`. */
export type RefPart =
  | { kind: 'prop'; name: string; span: Span }
  | { kind: 'call'; name: string; args: Expr[]; span: Span }
  | { kind: 'index'; arg: Expr; span: Span }

/** A reference such as `$!{a.b(1)[0]}` with the escape bookkeeping Velocity does. */
export type RefNode = {
  root: string
  parts: RefPart[]
  /** Odd number of backslashes before `$`: prints the reference text literally. */
  escaped: boolean
  /** Half the leading backslashes, printed in front. */
  escPrefix: string
  /** `#` / `$` glued before the last `$` (e.g. `#$a`). */
  morePrefix: string
  /** The reference's own text from its `$` on. */
  literal: string
  /** `$\!a`-style: not a real reference, the lookup always misses. */
  bogus: boolean
  span: Span
}

/** An expression (directive arguments, `#set` right-hand sides, conditions). */
export type Expr =
  | { kind: 'str'; raw: string; interpolate: boolean; template?: Node[]; span: Span }
  | {
      kind: 'int'
      text: string
      span: Span
      /** The literal's value, filled in the first time it is evaluated. */
      value?: number | JDouble | JLong | JBigInt
    }
  | { kind: 'float'; text: string; span: Span }
  | { kind: 'bool'; value: boolean; span: Span }
  | { kind: 'word'; text: string; span: Span }
  | { kind: 'refx'; ref: RefNode; span: Span }
  | { kind: 'list'; items: Expr[]; span: Span }
  | { kind: 'map'; entries: [Expr, Expr][]; span: Span }
  | { kind: 'range'; from: Expr; to: Expr; span: Span }
  | { kind: 'paren'; expr: Expr; span: Span }
  | { kind: 'not'; expr: Expr; span: Span }
  | { kind: 'bin'; op: BinOp; left: Expr; right: Expr; span: Span }

/** Binary operators, by Velocity node name. */
export type BinOp =
  'or' | 'and' | 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge' | '+' | '-' | '*' | '/' | '%'

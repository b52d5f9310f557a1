/**
 * Renders a parsed template the way Velocity 1.7 does inside API Gateway: a reference that would
 * be null reads as "" (output and expressions), missing methods/properties give "", and the
 * directives keep Velocity's scoping (macro locals, `#foreach` save/restore, `#break` scopes).
 */
import type { Span } from '../model'
import type { Expr, Node, RefNode, RefPart } from './ast'
import type { Limiter } from './context'
import { MAX_RANGE } from './context'
import { JavaException, VtlLimitError, VtlRuntimeError } from './errors'
import { NO_METHOD, callMethod, getProperty } from './java-methods'
import { overrideHolderOf } from './builtins/overrides'
import { binary, integerLiteral } from './operators'
import type { ParseEnv } from './parser'
import {
  JDouble,
  JHost,
  JList,
  JMap,
  isNumber,
  javaClassOf,
  javaToString,
  type JValue,
} from './values'

/** Variables one macro call sees first: its locals, then its (lazily evaluated) arguments. */
export type Frame = { locals: Map<string, JValue>; args: Map<string, () => JValue> }

/** Java class name reported for a failed method call (information only). */
export const MIE = 'org.apache.velocity.exception.MethodInvocationException'
/** Java class name reported for other rendering failures (information only). */
export const VE = 'org.apache.velocity.exception.VelocityException'

/** Variables, output buffers, references and expressions; directives live in directives.ts. */
export abstract class Evaluator {
  readonly globals = new Map<string, JValue>()
  protected frames: Frame[] = []
  protected out: string[] = []
  protected outLen = 0

  constructor(
    readonly limiter: Limiter,
    protected readonly env: ParseEnv,
  ) {}

  /** Renders `#foreach`, `#macro` calls and the other directives. */
  protected abstract renderDirective(n: Extract<Node, { kind: 'directive' }>): void

  /** Notes on behaviour AWS has not confirmed, reported as info diagnostics (once per span). */
  readonly notes: { span: Span; message: string }[] = []

  /** Where the method call in progress is (for notes from host objects). */
  private callSpan: Span = { start: 0, end: 0 }

  /** Notes uncertain behaviour at the method call in progress. */
  noteAtCall(message: string): void {
    this.note(this.callSpan, message)
  }

  protected note(span: Span, message: string): void {
    if (this.notes.length >= 20) return
    if (this.notes.some((n) => n.span.start === span.start && n.message === message)) return
    this.notes.push({ span, message })
  }

  protected emit(s: string, span: Span): void {
    if (!s) return
    this.limiter.chargeText(s)
    this.outLen += s.length
    this.limiter.write(this.outLen, span)
    this.out.push(s)
  }

  /** A variable's value; null when it is not defined. */
  protected get(name: string): JValue {
    const f = this.frames[this.frames.length - 1]
    if (f) {
      const local = f.locals.get(name)
      if (local !== undefined) return local
      const arg = f.args.get(name)
      if (arg) return arg()
    }
    return this.globals.get(name) ?? null
  }

  protected set(name: string, v: JValue): void {
    this.frames[this.frames.length - 1]?.locals.set(name, v)
    this.globals.set(name, v)
  }

  protected restore(name: string, old: JValue | undefined): void {
    if (old === undefined) {
      this.frames[this.frames.length - 1]?.locals.delete(name)
      this.globals.delete(name)
    } else this.set(name, old)
  }

  protected peekVar(name: string): JValue | undefined {
    const f = this.frames[this.frames.length - 1]
    return f?.locals.has(name) ? f.locals.get(name) : this.globals.get(name)
  }

  renderNodes(nodes: Node[]): void {
    for (const n of nodes) {
      this.limiter.step(n.span)
      switch (n.kind) {
        case 'text':
          this.emit(n.text, n.span)
          break
        case 'ref':
          this.renderRef(n.ref)
          break
        case 'set':
          this.renderSet(n.target, n.value)
          break
        case 'if': {
          let hit: Node[] | undefined = n.orElse
          for (const b of n.branches)
            if (this.condition(b.cond)) {
              hit = b.body
              break
            }
          if (hit) this.renderNodes(hit)
          break
        }
        case 'directive':
          this.renderDirective(n)
          break
      }
    }
  }

  protected renderRef(ref: RefNode): void {
    if (ref.bogus && !ref.literal.startsWith('$')) {
      this.emit(ref.root, ref.span)
      return
    }
    const v = this.evalRef(ref)
    if (ref.escaped) {
      this.emit(ref.escPrefix + ref.literal, ref.span)
      return
    }
    let text = v === null ? '' : this.str(v, ref.span)
    // A block whose toString() gives null (a #define too deep in itself) prints the
    // reference's own text, or nothing for a quiet `$!` reference.
    if (text === null) text = ref.literal.startsWith('$!') ? '' : ref.literal
    this.emit(ref.escPrefix + ref.morePrefix + text, ref.span)
  }

  /** Java's toString of a value; null for a block that declined to render. */
  protected str(v: JValue, span: Span): string | null {
    if (v instanceof JHost && v.kind === 'block') {
      this.limiter.enter(span)
      try {
        return (v.data as { render: () => string | null }).render()
      } finally {
        this.limiter.leave()
      }
    }
    return javaToString(v)
  }

  protected renderSet(target: RefNode, valueExpr: Expr): void {
    const value = this.evaluate(valueExpr)
    if (value === null) return
    const parts = target.parts
    const last = parts[parts.length - 1]
    if (!last) {
      this.set(target.root, value)
      return
    }
    const base = this.evalRef({ ...target, parts: parts.slice(0, -1) })
    const holder = overrideHolderOf(base)
    if (holder) {
      if (last.kind === 'prop') holder.assign(last.name, value)
      else if (last.kind === 'index') {
        holder.assign(this.evaluate(last.arg), value)
        this.note(
          last.span,
          'An indexed assignment to an override is applied here, as LocalStack reports for AWS; plain Velocity 1.7 ignores indexed assignments (not confirmed on AWS).',
        )
      }
      return
    }
    if (last.kind === 'prop') {
      if (base instanceof JMap) base.put(last.name, value)
    } else if (last.kind === 'index') {
      const key = this.evaluate(last.arg)
      // Velocity 1.7 only assigns through an index on lists; `#set($map[k] = v)` does nothing.
      if (base instanceof JList && typeof key === 'number') {
        const i = key < 0 ? key + base.items.length : key
        this.invoke(last.span, 'set', base, [i, value])
      }
    }
  }

  /**
   * Calls a method (`args`) or reads a property (`args` undefined) of `target`, turning Java
   * exceptions into rendering errors at `span`.
   */
  protected invoke(
    span: Span,
    name: string,
    target: JValue,
    args?: JValue[],
  ): JValue | typeof NO_METHOD {
    try {
      this.callSpan = span
      const result = args
        ? callMethod(target, name, args, this.limiter.meter)
        : getProperty(target, name)
      if (typeof result === 'string') this.limiter.chargeText(result)
      return result
    } catch (e) {
      throw this.javaFailure(e, span, name)
    }
  }

  /** Runs `f` (a Java call named `name`), turning Java exceptions into rendering errors. */
  protected guarded(span: Span, name: string, f: () => JValue): JValue {
    try {
      this.callSpan = span
      return f()
    } catch (e) {
      throw this.javaFailure(e, span, name)
    }
  }

  private javaFailure(e: unknown, span: Span, name: string): unknown {
    if (!(e instanceof JavaException)) return e
    if (e.javaClass === 'vtl.limit') return new VtlLimitError(e.message, span, 'vtl.limit.size')
    if (e.javaClass === 'vtl.untranslatable')
      return new VtlRuntimeError(e.message, span, 'vtl.regex-untranslatable', MIE)
    return new VtlRuntimeError(
      `Invocation of method '${name}' threw ${e.javaClass}${e.message ? `: ${e.message}` : ''}`,
      span,
      'vtl.method-exception',
      MIE,
      'API Gateway answers 500 Internal Server Error when a mapping template fails like this.',
    )
  }

  /** ASTReference.execute with API Gateway's null → "" rule. */
  evalRef(ref: RefNode): JValue {
    return this.evalRefOrNull(ref) ?? ''
  }

  /** ASTReference.execute: null where plain Velocity would give null (before the "" rule). */
  evalRefOrNull(ref: RefNode): JValue {
    let v: JValue = ref.bogus ? null : this.get(ref.root)
    const parts = ref.parts
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k] as RefPart
      this.limiter.step(p.span)
      if (v === null) v = ''
      let r: JValue | typeof NO_METHOD
      if (p.kind === 'prop') r = this.invoke(p.span, p.name, v)
      else if (p.kind === 'call') {
        const args: JValue[] = []
        for (const a of p.args) {
          const x = this.evaluate(a)
          if (typeof x === 'string') this.limiter.chargeText(x)
          args.push(x)
        }
        r = this.invoke(p.span, p.name, v, args)
      } else r = this.index(v, this.evaluate(p.arg), p.span)
      v = r === NO_METHOD ? null : r
    }
    return v
  }

  protected index(v: JValue, key: JValue, span: Span): JValue {
    if (v instanceof JMap) return v.get(key) ?? null
    if (typeof key === 'number' && key < 0 && !(v instanceof JList))
      throw new VtlRuntimeError(
        `A negative index needs a list, but this value is a ${javaClassOf(v)}`,
        span,
        'vtl.index',
        VE,
      )
    if (!(v instanceof JList) || typeof key !== 'number') return null
    const i = key < 0 ? key + v.items.length : key
    if (i < 0 || i >= v.items.length)
      throw new VtlRuntimeError(
        `Error invoking method 'get(java.lang.Integer)' in java.util.ArrayList: index ${key} is out of range (size ${v.items.length})`,
        span,
        'vtl.index',
        VE,
      )
    return v.items[i] ?? null
  }

  /** Velocity's `evaluate()`: only references, booleans and logical/compare nodes can be true. */
  condition(e: Expr): boolean {
    switch (e.kind) {
      case 'refx': {
        const v = this.evalRefOrNull(e.ref)
        if (v === null) {
          // API Gateway reads a null reference as "", and a non-null "" is true in Velocity 1.7;
          // no recorded AWS response shows whether `#if($x)` agrees.
          this.note(
            e.span,
            `${e.ref.literal} has no value and reads as "", which counts as true here, as Velocity 1.7 treats a non-null ""; AWS has not been observed to agree.`,
          )
          return true
        }
        return typeof v === 'boolean' ? v : true
      }
      case 'bool':
        return e.value
      case 'paren':
        return this.condition(e.expr)
      case 'not':
        return !this.condition(e.expr)
      case 'bin':
        if (e.op === 'and') return this.condition(e.left) && this.condition(e.right)
        if (e.op === 'or') return this.condition(e.left) || this.condition(e.right)
        if (['+', '-', '*', '/', '%'].includes(e.op)) {
          this.evaluate(e)
          return false
        }
        return this.evaluate(e) === true
      default:
        return false
    }
  }

  /** Velocity's `value()`. */
  evaluate(e: Expr): JValue {
    this.limiter.step(e.span)
    switch (e.kind) {
      case 'str':
        if (!e.interpolate || !e.template) return e.raw
        return this.renderInner(e.template, e.span).slice(0, -1)
      case 'int':
        // Integer literals are immutable values: parse each once per syntax tree.
        return (e.value ??= integerLiteral(e.text))
      case 'float':
        return new JDouble(Number(e.text))
      case 'bool':
        return e.value
      case 'word':
        return null
      case 'refx':
        return this.evalRef(e.ref)
      case 'list': {
        const items: JValue[] = []
        for (const x of e.items) items.push(this.evaluate(x))
        return new JList(items)
      }
      case 'map': {
        const m = new JMap()
        for (const [k, v] of e.entries) m.put(this.evaluate(k), this.evaluate(v))
        return m
      }
      case 'range': {
        const r = this.rangeBounds(e)
        if (!r) return null
        const n = Math.abs(r[1] - r[0]) + 1
        if (n > MAX_RANGE)
          throw new VtlLimitError(
            `The range has ${n} elements; at most ${MAX_RANGE} are allowed`,
            e.span,
            'vtl.limit.range',
          )
        const step = r[0] <= r[1] ? 1 : -1
        return new JList(Array.from({ length: n }, (_x, i) => r[0] + i * step))
      }
      case 'paren':
        return this.evaluate(e.expr)
      case 'not':
        return !this.condition(e.expr)
      case 'bin':
        if (e.op === 'and' || e.op === 'or') return this.condition(e)
        return this.checkSize(binary(e.op, this.evaluate(e.left), this.evaluate(e.right)), e.span)
    }
  }

  protected checkSize(v: JValue, span: Span): JValue {
    if (typeof v === 'string') this.limiter.write(v.length, span)
    return v
  }

  protected rangeBounds(e: Extract<Expr, { kind: 'range' }>): [number, number] | undefined {
    const a = this.evaluate(e.from)
    const b = this.evaluate(e.to)
    if (!isNumber(a) || !isNumber(b)) return undefined
    const toInt = (x: typeof a) =>
      typeof x === 'number'
        ? x
        : x instanceof JDouble
          ? Math.trunc(x.v) | 0
          : Number(BigInt.asIntN(32, x.v))
    return [toInt(a), toInt(b)]
  }

  /** Renders nodes into a string (string literals, #define blocks, #evaluate). */
  renderInner(nodes: Node[], span: Span): string {
    this.limiter.enter(span)
    const saved = this.out
    const savedLen = this.outLen
    this.out = []
    this.outLen = 0
    try {
      this.renderNodes(nodes)
      return this.out.join('')
    } finally {
      this.out = saved
      this.outLen = savedLen
      this.limiter.leave()
    }
  }
}

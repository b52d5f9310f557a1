/**
 * Renders a parsed template the way Velocity 1.7 does inside API Gateway: a reference that would
 * be null reads as "" (output and expressions), missing methods/properties give "", and the
 * directives keep Velocity's scoping (macro locals, `#foreach` save/restore, `#break` scopes).
 */
import type { Span } from '../model'
import type { Expr, Node, RefNode } from './ast'
import type { Limiter } from './context'
import { BreakSignal, MAX_RANGE, StopSignal } from './context'
import { JavaException, VtlLimitError, VtlRuntimeError, VtlSyntaxError } from './errors'
import {
  NO_METHOD,
  callMethod,
  getProperty,
  iteratorHasNext,
  iteratorNext,
  listIterator,
  viewIterator,
  type HostImpl,
} from './java-methods'
import { binary, integerLiteral } from './operators'
import { parseTemplate, type ParseEnv } from './parser'
import {
  JDouble,
  JHost,
  JIterator,
  JList,
  JMap,
  JMapView,
  isNumber,
  javaClassOf,
  javaToString,
  type JValue,
} from './values'

type Frame = { locals: Map<string, JValue>; args: Map<string, () => JValue> }
type Macro = { params: string[]; body: Node[] }

const MIE = 'org.apache.velocity.exception.MethodInvocationException'
const VE = 'org.apache.velocity.exception.VelocityException'

/** One rendering: variables, macros, output and limits. */
export class Renderer {
  readonly globals = new Map<string, JValue>()
  private frames: Frame[] = []
  private readonly macros = new Map<string, Macro>()
  private out: string[] = []
  private outLen = 0

  constructor(
    readonly limiter: Limiter,
    private readonly env: ParseEnv,
  ) {}

  /** Renders the whole template; `#stop` / a top-level `#break` end it early. */
  renderTemplate(nodes: Node[]): string {
    this.registerMacros(nodes)
    try {
      this.renderNodes(nodes)
    } catch (e) {
      if (!(e instanceof StopSignal) && !(e instanceof BreakSignal)) throw e
    }
    return this.out.join('')
  }

  /** Velocity registers every inline macro at init time, first definition wins. */
  private registerMacros(nodes: Node[]): void {
    for (const n of nodes) {
      if (n.kind === 'directive') {
        const [first, ...rest] = n.args
        if (n.name === 'macro' && first?.kind === 'word' && !this.macros.has(first.text))
          this.macros.set(first.text, {
            params: rest.map((a) => (a.kind === 'refx' ? a.ref.root : '')),
            body: n.body ?? [],
          })
        if (n.body) this.registerMacros(n.body)
      } else if (n.kind === 'if') {
        for (const b of n.branches) this.registerMacros(b.body)
        if (n.orElse) this.registerMacros(n.orElse)
      }
    }
  }

  private emit(s: string, span: Span): void {
    if (!s) return
    this.outLen += s.length
    this.limiter.write(this.outLen, span)
    this.out.push(s)
  }

  private get(name: string): JValue {
    const f = this.frames[this.frames.length - 1]
    if (f) {
      if (f.locals.has(name)) return f.locals.get(name) ?? ''
      const arg = f.args.get(name)
      if (arg) return arg() ?? ''
    }
    return this.globals.get(name) ?? ''
  }

  private set(name: string, v: JValue): void {
    this.frames[this.frames.length - 1]?.locals.set(name, v)
    this.globals.set(name, v)
  }

  private restore(name: string, old: JValue | undefined): void {
    if (old === undefined) {
      this.frames[this.frames.length - 1]?.locals.delete(name)
      this.globals.delete(name)
    } else this.set(name, old)
  }

  private peekVar(name: string): JValue | undefined {
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
          const hit = n.branches.find((b) => this.condition(b.cond))
          if (hit) this.renderNodes(hit.body)
          else if (n.orElse) this.renderNodes(n.orElse)
          break
        }
        case 'directive':
          this.renderDirective(n)
          break
      }
    }
  }

  private renderRef(ref: RefNode): void {
    if (ref.bogus && !ref.literal.startsWith('$')) {
      this.emit(ref.root, ref.span)
      return
    }
    const v = this.evalRef(ref)
    if (ref.escaped) this.emit(ref.escPrefix + ref.literal, ref.span)
    else
      this.emit(
        ref.escPrefix + ref.morePrefix + (v === null ? '' : this.str(v, ref.span)),
        ref.span,
      )
  }

  private str(v: JValue, span: Span): string {
    if (v instanceof JHost && v.kind === 'block') {
      this.limiter.enter(span)
      try {
        return javaToString(v)
      } finally {
        this.limiter.leave()
      }
    }
    return javaToString(v)
  }

  private renderSet(target: RefNode, valueExpr: Expr): void {
    const value = this.evaluate(valueExpr)
    if (value === null) return
    const parts = target.parts
    const last = parts[parts.length - 1]
    if (!last) {
      this.set(target.root, value)
      return
    }
    const base = this.evalRef({ ...target, parts: parts.slice(0, -1) })
    if (last.kind === 'prop') {
      if (base instanceof JMap) base.put(last.name, value)
    } else if (last.kind === 'index') {
      const key = this.evaluate(last.arg)
      // Velocity 1.7 only assigns through an index on lists; `#set($map[k] = v)` does nothing.
      if (base instanceof JList && typeof key === 'number') {
        const i = key < 0 ? key + base.items.length : key
        this.invoke(last.span, 'set', () => callMethod(base, 'set', [i, value]))
      }
    }
  }

  private invoke(
    span: Span,
    name: string,
    f: () => JValue | typeof NO_METHOD,
  ): JValue | typeof NO_METHOD {
    try {
      return f()
    } catch (e) {
      if (!(e instanceof JavaException)) throw e
      if (e.javaClass === 'vtl.limit') throw new VtlLimitError(e.message, span, 'vtl.limit.size')
      if (e.javaClass === 'vtl.untranslatable')
        throw new VtlRuntimeError(e.message, span, 'vtl.regex-untranslatable', MIE)
      throw new VtlRuntimeError(
        `Invocation of method '${name}' threw ${e.javaClass}${e.message ? `: ${e.message}` : ''}`,
        span,
        'vtl.method-exception',
        MIE,
        'API Gateway answers 500 Internal Server Error when a mapping template fails like this.',
      )
    }
  }

  /** ASTReference.execute with API Gateway's null → "" rule. */
  evalRef(ref: RefNode): JValue {
    let v: JValue = ref.bogus ? '' : this.get(ref.root)
    for (const p of ref.parts) {
      this.limiter.step(p.span)
      let r: JValue | typeof NO_METHOD
      if (p.kind === 'prop') r = this.invoke(p.span, p.name, () => getProperty(v, p.name))
      else if (p.kind === 'call') {
        const args = p.args.map((a) => this.evaluate(a))
        const target = v
        r = this.invoke(p.span, p.name, () => callMethod(target, p.name, args))
      } else r = this.index(v, this.evaluate(p.arg), p.span)
      v = r === NO_METHOD || r === null ? '' : r
    }
    return v
  }

  private index(v: JValue, key: JValue, span: Span): JValue {
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
        const v = this.evalRef(e.ref)
        return typeof v === 'boolean' ? v : v !== null
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
        return integerLiteral(e.text)
      case 'float':
        return new JDouble(Number(e.text))
      case 'bool':
        return e.value
      case 'word':
        return null
      case 'refx':
        return this.evalRef(e.ref)
      case 'list':
        return new JList(e.items.map((x) => this.evaluate(x)))
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

  private checkSize(v: JValue, span: Span): JValue {
    if (typeof v === 'string') this.limiter.write(v.length, span)
    return v
  }

  private rangeBounds(e: Extract<Expr, { kind: 'range' }>): [number, number] | undefined {
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

  private renderDirective(n: Extract<Node, { kind: 'directive' }>): void {
    switch (n.name) {
      case 'foreach':
        return this.renderForeach(n)
      case 'macro':
        return
      case 'define': {
        const first = n.args[0]
        if (!first || first.kind !== 'refx')
          throw new VtlRuntimeError(
            '#define needs a reference to name the block: #define($name)',
            n.span,
            'vtl.define',
            VE,
          )
        const body = n.body ?? []
        const frames = this.frames
        const block: HostImpl & { render: () => string } = {
          call: () => NO_METHOD,
          prop: () => NO_METHOD,
          render: () =>
            this.withFrames(frames, () => this.scoped(() => this.renderInner(body, n.span))),
        }
        this.set(first.ref.root, new JHost('block', block))
        return
      }
      case 'evaluate': {
        const arg = n.args[0]
        if (!arg) return
        const text = javaToString(this.evaluate(arg))
        try {
          const nodes = parseTemplate(text, { macroNames: this.env.macroNames, fullText: text })
          this.registerMacros(nodes)
          this.emit(
            this.scoped(() => this.renderInner(nodes, n.span)),
            n.span,
          )
        } catch (e) {
          // Spans inside the evaluated text mean nothing in the editor: point at #evaluate.
          if (e instanceof VtlSyntaxError)
            throw new VtlSyntaxError(`In #evaluate: ${e.message}`, n.span, e.code, e.hint)
          if (e instanceof VtlRuntimeError)
            throw new VtlRuntimeError(
              `In #evaluate: ${e.message}`,
              n.span,
              e.code,
              e.javaClass,
              e.hint,
            )
          throw e
        }
        return
      }
      case 'parse':
      case 'include': {
        const arg = n.args[0]
        if (!arg)
          throw new VtlRuntimeError(
            `#${n.name}(): argument missing`,
            n.span,
            'vtl.parse-include',
            VE,
          )
        const name = javaToString(this.evaluate(arg))
        throw new VtlRuntimeError(
          `Unable to find resource '${name}': mapping templates cannot #${n.name} other files`,
          n.span,
          'vtl.resource-not-found',
          'org.apache.velocity.exception.ResourceNotFoundException',
        )
      }
      case 'stop':
        throw new StopSignal()
      case 'break': {
        const arg = n.args[0]
        if (!arg) throw new BreakSignal()
        const target = this.evaluate(arg)
        if (target instanceof JHost && target.kind === 'foreach') throw new BreakSignal(target)
        throw new VtlRuntimeError(
          `${javaToString(target)} is not a valid scope for #break`,
          n.span,
          'vtl.break',
          VE,
        )
      }
      case 'literal':
        this.emit(n.bodyText ?? '', n.span)
        return
      default:
        return this.renderMacroCall(n)
    }
  }

  private scoped(f: () => string): string {
    try {
      return f()
    } catch (e) {
      if (e instanceof BreakSignal && e.target === undefined) return ''
      throw e
    }
  }

  private withFrames<T>(frames: Frame[], f: () => T): T {
    const saved = this.frames
    this.frames = frames
    try {
      return f()
    } finally {
      this.frames = saved
    }
  }

  private renderMacroCall(n: Extract<Node, { kind: 'directive' }>): void {
    const block = n.name.startsWith('@') && n.body
    const m = this.macros.get(block ? n.name.slice(1) : n.name)
    if (!m) {
      this.emit(n.literal, n.span)
      return
    }
    if (this.frames.length >= this.limiter.limits.maxDepth)
      throw new VtlRuntimeError(
        `Max calling depth of ${this.limiter.limits.maxDepth} was exceeded in macro '${n.name}'`,
        n.span,
        'vtl.macro-depth',
        'org.apache.velocity.exception.MacroOverflowException',
        'Velocity allows 20 nested macro calls; check the recursion ends.',
      )
    const caller = this.frames
    const frame: Frame = { locals: new Map(), args: new Map() }
    m.params.forEach((p, i) => {
      const a = n.args[i]
      if (!a) return
      if (a.kind === 'int' || a.kind === 'float' || a.kind === 'bool' || a.kind === 'word') {
        const v = this.evaluate(a)
        frame.args.set(p, () => v)
      } else frame.args.set(p, () => this.withFrames(caller, () => this.evaluate(a)))
    })
    if (block) {
      const body = n.body ?? []
      const content: HostImpl & { render: () => string } = {
        call: () => NO_METHOD,
        prop: () => NO_METHOD,
        render: () => this.renderInner(body, n.span),
      }
      frame.locals.set('bodyContent', new JHost('block', content))
    }
    this.frames = [...caller, frame]
    try {
      this.renderNodes(m.body)
    } catch (e) {
      if (!(e instanceof BreakSignal && e.target === undefined)) throw e
    } finally {
      this.frames = caller
    }
  }

  private renderForeach(n: Extract<Node, { kind: 'directive' }>): void {
    const [varArg, , listArg] = n.args
    if (!varArg || !listArg)
      throw new VtlRuntimeError(
        '#foreach needs the form #foreach($item in $list)',
        n.span,
        'vtl.foreach',
        'java.lang.ArrayIndexOutOfBoundsException',
      )
    const name = varArg.kind === 'refx' ? varArg.ref.root : ''
    let next: () => JValue
    let hasNext: () => boolean
    if (listArg.kind === 'range') {
      const r = this.rangeBounds(listArg)
      if (!r) return
      const step = r[0] <= r[1] ? 1 : -1
      let cur = r[0]
      let done = false
      hasNext = () => !done
      next = () => {
        const v = cur
        if (cur === r[1]) done = true
        cur += step
        return v
      }
    } else {
      const list = this.evaluate(listArg)
      let it: JIterator
      if (list instanceof JList) it = listIterator(list)
      else if (list instanceof JMap) it = viewIterator(new JMapView(list, 'values'))
      else if (list instanceof JMapView) it = viewIterator(list)
      else if (list instanceof JIterator) it = list
      else return
      hasNext = () => iteratorHasNext(it)
      next = () => this.invoke(n.span, 'next', () => iteratorNext(it)) as JValue
    }
    const saved = ['velocityCount', 'velocityHasNext', 'foreach', name].map(
      (k) => [k, this.peekVar(k)] as const,
    )
    const parent = this.peekVar('foreach')
    let count = 0
    const state = { count: 0, hasNext: false }
    const scopeImpl: HostImpl = {
      call: (m, args) =>
        args.length
          ? NO_METHOD
          : scopeProp(m.replace(/^(get|is)/, '').replace(/^./, (c) => c.toLowerCase())),
      prop: (p) => scopeProp(p),
    }
    const scope = new JHost('foreach', scopeImpl)
    const scopeProp = (p: string): JValue | typeof NO_METHOD => {
      if (p === 'index') return state.count - 1
      if (p === 'count') return state.count
      if (p === 'hasNext') return state.hasNext
      if (p === 'first') return state.count === 1
      if (p === 'last') return !state.hasNext
      if (p === 'parent')
        return parent instanceof JHost && parent.kind === 'foreach' ? parent : null
      if (p === 'topmost') {
        const top = parent instanceof JHost && parent.kind === 'foreach' ? parent.data : undefined
        return top ? ((top as HostImpl).prop('topmost') as JValue) : scope
      }
      return NO_METHOD
    }
    try {
      while (count < this.limiter.limits.maxIterations && hasNext()) {
        this.limiter.step(n.span)
        const v = next()
        count++
        state.count = count
        state.hasNext = hasNext()
        this.set(name, v)
        this.set('velocityCount', count)
        this.set('velocityHasNext', state.hasNext)
        this.set('foreach', scope)
        try {
          this.renderNodes(n.body ?? [])
        } catch (e) {
          if (e instanceof BreakSignal && (e.target === undefined || e.target === scope)) break
          throw e
        }
      }
    } finally {
      for (const [k, old] of saved) this.restore(k, old)
    }
  }
}

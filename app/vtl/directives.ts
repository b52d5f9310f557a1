/**
 * Velocity 1.7's directives on top of the Evaluator: `#foreach` (save/restore, 1000-iteration
 * cap, `$foreach` scope), macros (first definition wins, arguments passed by name, depth 20),
 * `#define`, `#evaluate`, `#break`, `#stop`, and `#parse`/`#include` (always missing).
 */
import type { Node } from './ast'
import { BreakSignal, StopSignal } from './context'
import { VtlRuntimeError, VtlSyntaxError } from './errors'
import { Evaluator, VE, type Frame } from './evaluator'
import {
  NO_METHOD,
  iteratorHasNext,
  iteratorNext,
  listIterator,
  viewIterator,
  type HostImpl,
} from './java-methods'
import { parseTemplate } from './parser'
import { JHost, JIterator, JList, JMap, JMapView, javaToString, type JValue } from './values'

type Macro = { params: string[]; body: Node[] }

/** How deep a `#define` block may render itself (Velocity 1.7's default of 2). */
const DEFINE_MAX_DEPTH = 2

/** One rendering: variables, macros, output and limits. */
export class Renderer extends Evaluator {
  private readonly macros = new Map<string, Macro>()

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

  protected renderDirective(n: Extract<Node, { kind: 'directive' }>): void {
    switch (n.name) {
      case 'foreach':
        return this.renderForeach(n)
      case 'macro':
        return
      case 'define': {
        const first = n.args[0]
        if (n.args.length !== 1 || !first)
          throw new VtlRuntimeError(
            '#define needs exactly one argument, a reference naming the block: #define($name)',
            n.span,
            'vtl.define',
            VE,
          )
        // Velocity accepts a name that is not a reference (`#define('a')`) and defines nothing.
        if (first.kind !== 'refx') return
        const body = n.body ?? []
        const frames = this.frames
        // A block that refers to itself renders at most DEFINE_MAX_DEPTH levels deep; one level
        // more renders as the reference's own text (Velocity's directive.define.max.depth).
        let depth = 0
        const block: HostImpl & { render: () => string | null } = {
          call: () => NO_METHOD,
          prop: () => NO_METHOD,
          render: () => {
            if (depth >= DEFINE_MAX_DEPTH) return null
            depth++
            try {
              return this.withFrames(frames, () =>
                this.scoped(() => this.renderInner(body, n.span)),
              )
            } finally {
              depth--
            }
          },
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
        // `#include()` with nothing to include writes nothing; `#parse()` is an error.
        if (!arg && n.name === 'include') return
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
      case 'literal': {
        // Velocity prints the text of its first child: the first argument when there is one.
        const arg = n.args[0]
        this.emit(
          arg ? this.env.fullText.slice(arg.span.start, arg.span.end) : (n.bodyText ?? ''),
          n.span,
        )
        return
      }
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
    // Velocity reads the loop from fixed child positions: the variable, a word, the list, then
    // the body. With two arguments the "list" is the body itself (no value: nothing to loop
    // over); with four or more, the fourth argument stands where the body should be.
    const [varArg, , listArg, extra] = n.args
    if (n.args.length < 2 || !varArg)
      throw new VtlRuntimeError(
        '#foreach needs the form #foreach($item in $list)',
        n.span,
        'vtl.foreach',
        'java.lang.ArrayIndexOutOfBoundsException',
      )
    if (!listArg) return
    const body: Node[] = extra
      ? extra.kind === 'refx'
        ? [{ kind: 'ref', ref: extra.ref, span: extra.span }]
        : []
      : (n.body ?? [])
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
      next = () => this.guarded(n.span, 'next', () => iteratorNext(it) as JValue)
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
      // Velocity 1.7 puts the `$foreach` scope in once, before the first iteration.
      this.set('foreach', scope)
      while (count < this.limiter.limits.maxIterations && hasNext()) {
        this.limiter.step(n.span)
        const v = next()
        count++
        state.count = count
        state.hasNext = hasNext()
        this.set(name, v)
        this.set('velocityCount', count)
        this.set('velocityHasNext', state.hasNext)
        try {
          this.renderNodes(body)
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

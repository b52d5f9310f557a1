/**
 * Glue between the public contract and the interpreter: parse (with a small LRU cache keyed by
 * template text), build `$input` / `$util` / `$context` / `$stageVariables`, render, and turn
 * every error into a Diagnostic with a span.
 */
import type { Diagnostic, Json } from '../model'
import { createMeter } from '../model'
import type { Node } from './ast'
import { createInput, createUtil } from './builtins/input'
import { Limiter, isBudgetStop } from './context'
import { VtlLimitError, VtlRuntimeError, VtlSyntaxError } from './errors'
import { Renderer } from './directives'
import type { RenderOptions, RenderResult, TemplateInput, TemplateOverrides } from './index'
import { OverrideHolder } from './builtins/overrides'
import { wrapInteger } from './operators'
import { parseTemplate } from './parser'
import { JDouble, JList, JMap, javaToString, type JValue } from './values'

type Parsed =
  { ok: true; nodes: Node[]; macroNames: Set<string> } | { ok: false; error: VtlSyntaxError }

const CACHE_SIZE = 32
const cache = new Map<string, Parsed>()

function parseCached(template: string): Parsed {
  const hit = cache.get(template)
  if (hit) {
    cache.delete(template)
    cache.set(template, hit)
    return hit
  }
  let parsed: Parsed
  const macroNames = new Set<string>()
  try {
    parsed = {
      ok: true,
      nodes: parseTemplate(template, { macroNames, fullText: template }),
      macroNames,
    }
  } catch (e) {
    if (!(e instanceof VtlSyntaxError)) throw e
    parsed = { ok: false, error: e }
  }
  cache.set(template, parsed)
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string)
  return parsed
}

function jsonToJava(j: Json): JValue {
  if (j === null || typeof j === 'string' || typeof j === 'boolean') return j
  if (typeof j === 'number') {
    if (!Number.isSafeInteger(j)) return new JDouble(j)
    return j >= -(2 ** 31) && j < 2 ** 31 ? j : wrapInteger(BigInt(j))
  }
  if (Array.isArray(j)) return new JList(j.map(jsonToJava), true)
  const m = new JMap()
  for (const [k, v] of Object.entries(j)) m.put(k, jsonToJava(v))
  return m
}

function stringMap(r: Record<string, string>): JMap {
  const m = new JMap()
  for (const [k, v] of Object.entries(r)) m.put(k, v)
  return m
}

/** `$context`, whose `responseOverride` / `requestOverride` are write-only override holders. */
class ContextMap extends JMap {
  private res?: OverrideHolder
  private req?: OverrideHolder
  /** `$context.responseOverride`, made when first used. */
  get response(): OverrideHolder {
    return (this.res ??= new OverrideHolder(['header']))
  }
  /** The holders, if the template used them. */
  get usedResponse(): OverrideHolder | undefined {
    return this.res
  }
  get usedRequest(): OverrideHolder | undefined {
    return this.req
  }
  /** `$context.requestOverride`, made when first used. */
  get request(): OverrideHolder {
    return (this.req ??= new OverrideHolder(['header', 'querystring', 'path']))
  }
  override get(k: JValue): JValue | undefined {
    const v = super.get(k)
    if (v !== undefined) return v
    if (k === 'responseOverride') return this.response.host
    if (k === 'requestOverride') return this.request.host
    return undefined
  }
}

function buildContext(input: TemplateInput): ContextMap {
  const map = new ContextMap()
  const ctx = input.context
  if (typeof ctx === 'object' && ctx !== null && !Array.isArray(ctx))
    for (const k of Object.keys(ctx))
      if (k !== 'responseOverride' && k !== 'requestOverride')
        map.put(k, jsonToJava(ctx[k] as Json))
  return map
}

function holderRecord(v: OverrideHolder | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (v) for (const e of v.values.entries.values()) out[javaToString(e.k)] = javaToString(e.v)
  return out
}

function readOverrides(ctx: ContextMap): TemplateOverrides {
  const res = ctx.usedResponse
  const req = ctx.usedRequest
  const status = res?.values.get('status')
  return {
    ...(status !== undefined && status !== null ? { responseStatus: javaToString(status) } : {}),
    responseHeaders: holderRecord(res?.child('header')),
    requestHeaders: holderRecord(req?.child('header')),
    requestQuerystring: holderRecord(req?.child('querystring')),
    requestPath: holderRecord(req?.child('path')),
  }
}

function diagnostic(
  source: string,
  e: VtlSyntaxError | VtlRuntimeError | VtlLimitError,
  length: number,
): Diagnostic {
  // "Encountered the end of the template" points just past the text; markers need a span inside it.
  const end = Math.min(Math.max(e.span.end, 0), length)
  const start = Math.min(Math.max(e.span.start, 0), end)
  return {
    source,
    severity: 'error',
    code: e.code,
    message: e.message,
    span: start === length && start > 0 ? { start: start - 1, end } : { start, end },
    ...(e.hint ? { hint: e.hint } : {}),
  }
}

/** `$util` has no state: one instance serves every rendering. */
const UTIL = createUtil()

/** Implements `renderTemplate` (see index.ts). */
export function runTemplate(
  template: string,
  input: TemplateInput,
  options: RenderOptions,
): RenderResult {
  const source = options.source
  try {
    const parsed = parseCached(template)
    if (!parsed.ok)
      return {
        ok: false,
        errorKind: parsed.error.code.startsWith('vtl.limit') ? 'limit' : 'syntax',
        diagnostics: [diagnostic(source, parsed.error, template.length)],
      }
    const meter = options.meter ?? createMeter()
    const limiter = new Limiter(meter)
    const r = new Renderer(limiter, { macroNames: new Set(parsed.macroNames), fullText: template })
    const ctx = buildContext(input)
    r.globals.set(
      'input',
      createInput(input, (message) => r.noteAtCall(message), meter),
    )
    r.globals.set('util', UTIL)
    r.globals.set('context', ctx)
    r.globals.set('stageVariables', stringMap(input.stageVariables))
    const output = r.renderTemplate(parsed.nodes)
    const diagnostics: Diagnostic[] = r.notes.map((n) => ({
      source,
      severity: 'info',
      code: 'vtl.uncertain',
      message: `Uncertain: ${n.message}`,
      span: n.span,
    }))
    return { ok: true, output, overrides: readOverrides(ctx), diagnostics }
  } catch (e) {
    // The meter's budget stopped the render: the caller (Meter.evaluate) reports it.
    if (isBudgetStop(e)) throw e
    if (e instanceof VtlSyntaxError)
      return {
        ok: false,
        errorKind: 'syntax',
        diagnostics: [diagnostic(source, e, template.length)],
      }
    if (e instanceof VtlRuntimeError)
      return {
        ok: false,
        errorKind: 'runtime',
        diagnostics: [diagnostic(source, e, template.length)],
      }
    if (e instanceof VtlLimitError)
      return {
        ok: false,
        errorKind: 'limit',
        diagnostics: [diagnostic(source, e, template.length)],
      }
    // How deep the stack goes differs between the page and the worker: a budgeted run gives up.
    if (e instanceof RangeError) options.meter?.abandon()
    const message = e instanceof RangeError ? 'The template nests too deeply to render' : String(e)
    return {
      ok: false,
      errorKind: e instanceof RangeError ? 'limit' : 'runtime',
      diagnostics: [
        { source, severity: 'error', code: 'vtl.internal', message, span: { start: 0, end: 0 } },
      ],
    }
  }
}

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
  if (typeof j === 'number')
    return Number.isSafeInteger(j) ? wrapInteger(BigInt(j)) : new JDouble(j)
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

function ensureMap(parent: JMap, key: string): JMap {
  const cur = parent.get(key)
  if (cur instanceof JMap) return cur
  const m = new JMap()
  parent.put(key, m)
  return m
}

function buildContext(input: TemplateInput): JMap {
  const ctx = jsonToJava(input.context)
  const map = ctx instanceof JMap ? ctx : new JMap()
  // Real API Gateway lets templates assign these (see aws-behaviour.md, overrides).
  ensureMap(ensureMap(map, 'responseOverride'), 'header')
  const req = ensureMap(map, 'requestOverride')
  for (const k of ['header', 'querystring', 'path']) ensureMap(req, k)
  return map
}

function readOverrides(ctx: JMap): TemplateOverrides {
  const toRecord = (v: JValue | undefined): Record<string, string> => {
    const out: Record<string, string> = {}
    if (v instanceof JMap)
      for (const e of v.entries.values()) out[javaToString(e.k)] = javaToString(e.v)
    return out
  }
  const res = ctx.get('responseOverride')
  const req = ctx.get('requestOverride')
  const status = res instanceof JMap ? res.get('status') : undefined
  return {
    ...(status !== undefined && status !== null ? { responseStatus: javaToString(status) } : {}),
    responseHeaders: toRecord(res instanceof JMap ? res.get('header') : undefined),
    requestHeaders: toRecord(req instanceof JMap ? req.get('header') : undefined),
    requestQuerystring: toRecord(req instanceof JMap ? req.get('querystring') : undefined),
    requestPath: toRecord(req instanceof JMap ? req.get('path') : undefined),
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
    r.globals.set('input', createInput(input, meter))
    r.globals.set('util', createUtil())
    r.globals.set('context', ctx)
    r.globals.set('stageVariables', stringMap(input.stageVariables))
    const output = r.renderTemplate(parsed.nodes)
    return { ok: true, output, overrides: readOverrides(ctx), diagnostics: [] }
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

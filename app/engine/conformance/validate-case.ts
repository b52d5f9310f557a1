/**
 * Checks one conformance case file entry (`../shared/conformance/FORMAT.md`'s CASE) and returns
 * it clean, or diagnostics naming the JSON path of each problem.
 */
import type { CaseExpectation, ConformanceCase, Diagnostic } from '../../model'
import { readScenarioParts } from '../validate-scenario'
import {
  checkFields,
  guard,
  has,
  join,
  readEnum,
  readJson,
  readObject,
  readRecord,
  readString,
  readStringArray,
  report,
  stringValue,
  type Ctx,
} from '../validate-readers'

function readExpect(value: unknown, path: string, ctx: Ctx): CaseExpectation | undefined {
  const o = readObject(value, path, ctx)
  if (o === undefined) return undefined
  const jsonKeys = ['bodyJson', 'bodyJsonSubset', 'lambdaEvent'] as const
  checkFields(o, path, ctx, [
    'statusCode',
    'headers',
    'absentHeaders',
    'body',
    'bodyBase64',
    'executionLog',
    ...jsonKeys,
  ])
  const status = o.statusCode
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    report(
      ctx,
      'error',
      'scenario.status-code',
      `${join(path, 'statusCode')} must be a whole number from 100 to 599`,
    )
    return undefined
  }
  const out: CaseExpectation = { statusCode: status }
  const headers = readRecord(o, 'headers', path, ctx, (v, p) => {
    // A number such as a Content-Length is compared as the text it would be on the wire.
    if (typeof v === 'number' || typeof v === 'boolean') return String(v)
    return stringValue(ctx)(v, p)
  })
  if (headers) out.headers = headers
  if (has(o, 'absentHeaders')) {
    const absent = readStringArray(o.absentHeaders, join(path, 'absentHeaders'), ctx)
    if (absent) out.absentHeaders = absent
  }
  const body = readString(o, 'body', path, ctx)
  if (body !== undefined) out.body = body
  const b64 = readString(o, 'bodyBase64', path, ctx)
  if (b64 !== undefined) {
    const clean = b64.replace(/\s+/g, '')
    if (/^[A-Za-z0-9+/]*={0,2}$/.test(clean) && clean.replace(/=+$/, '').length % 4 !== 1) {
      out.bodyBase64 = clean
    } else
      report(ctx, 'error', 'scenario.base64', `${join(path, 'bodyBase64')} is not valid base64`)
  }
  for (const key of jsonKeys) {
    if (!has(o, key)) continue
    const json = readJson(o[key], join(path, key), ctx)
    if (json !== undefined) out[key] = json
  }
  if (has(o, 'executionLog')) {
    const log = readStringArray(o.executionLog, join(path, 'executionLog'), ctx)
    if (log) out.executionLog = log
  }
  return out
}

/**
 * The project's extension for `cases-diagnostics/`: a diagnostic the simulation must report
 * (matched by source and code, and by severity when given). The AWS outcome stays in `expect`.
 */
export type ExpectedDiagnostic = {
  source: string
  code: string
  severity?: Diagnostic['severity']
}

function readExpectedDiagnostics(value: unknown, path: string, ctx: Ctx) {
  if (!Array.isArray(value)) {
    report(ctx, 'error', 'scenario.type', `${path} must be an array of {source, code, severity?}`)
    return undefined
  }
  const out: ExpectedDiagnostic[] = []
  value.forEach((item: unknown, i) => {
    const p = join(path, i)
    const o = readObject(item, p, ctx)
    if (o === undefined) return
    checkFields(o, p, ctx, ['source', 'code', 'severity'])
    const source = readString(o, 'source', p, ctx, true)
    const code = readString(o, 'code', p, ctx, true)
    const severity = readEnum(o, 'severity', p, ctx, ['error', 'warning', 'info'] as const)
    if (source === undefined || code === undefined) return
    out.push(severity ? { source, code, severity } : { source, code })
  })
  return out
}

/** Checks one conformance case (FORMAT.md's CASE) and returns it clean, or diagnostics. */
export function validateConformanceCase(value: unknown): {
  conformanceCase?: ConformanceCase
  /** The project's `expectDiagnostics` extension, when the case has one. */
  expectDiagnostics?: ExpectedDiagnostic[]
  diagnostics: Diagnostic[]
} {
  let expectDiagnostics: ExpectedDiagnostic[] | undefined
  const ctx: Ctx = { diags: [], nodes: 0, chars: 0 }
  const result = guard(ctx, () => {
    const o = readObject(value, 'case', ctx)
    if (o === undefined) return undefined
    checkFields(o, '', ctx, [
      'id',
      'description',
      'source',
      'formatGap',
      'setup',
      'request',
      'lambda',
      'expect',
      'expectDiagnostics',
    ])
    const id = readString(o, 'id', '', ctx, true)
    if (id !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
      report(ctx, 'warning', 'scenario.case-id', `id "${id}" should be kebab-case`)
    }
    const texts: Record<string, string> = {}
    for (const key of ['description', 'source', 'formatGap']) {
      const text = readString(o, key, '', ctx)
      if (text !== undefined) texts[key] = text
    }
    const scenario = readScenarioParts(o, ctx)
    if (!has(o, 'expect')) report(ctx, 'error', 'scenario.missing', 'expect is required')
    const expect = has(o, 'expect') ? readExpect(o.expect, 'expect', ctx) : undefined
    if (has(o, 'expectDiagnostics')) {
      expectDiagnostics = readExpectedDiagnostics(o.expectDiagnostics, 'expectDiagnostics', ctx)
    }
    if (id === undefined || scenario === undefined || expect === undefined) return undefined
    return { id, ...texts, ...scenario, expect } as ConformanceCase
  })
  if (!result) return { diagnostics: ctx.diags }
  return expectDiagnostics
    ? { conformanceCase: result, expectDiagnostics, diagnostics: ctx.diags }
    : { conformanceCase: result, diagnostics: ctx.diags }
}

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
  const headers = readRecord(o, 'headers', path, ctx, stringValue(ctx))
  if (headers) out.headers = headers
  if (has(o, 'absentHeaders')) {
    const absent = readStringArray(o.absentHeaders, join(path, 'absentHeaders'), ctx)
    if (absent) out.absentHeaders = absent
  }
  const body = readString(o, 'body', path, ctx)
  if (body !== undefined) out.body = body
  const b64 = readString(o, 'bodyBase64', path, ctx)
  if (b64 !== undefined) {
    if (/^[A-Za-z0-9+/]*={0,2}$/.test(b64) && b64.length % 4 === 0) out.bodyBase64 = b64
    else report(ctx, 'error', 'scenario.base64', `${join(path, 'bodyBase64')} is not valid base64`)
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

/** Checks one conformance case (FORMAT.md's CASE) and returns it clean, or diagnostics. */
export function validateConformanceCase(value: unknown): {
  conformanceCase?: ConformanceCase
  diagnostics: Diagnostic[]
} {
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
    if (id === undefined || scenario === undefined || expect === undefined) return undefined
    return { id, ...texts, ...scenario, expect } as ConformanceCase
  })
  return result ? { conformanceCase: result, diagnostics: ctx.diags } : { diagnostics: ctx.diags }
}

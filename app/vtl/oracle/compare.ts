/**
 * Compares our renderer with recorded Velocity oracle lines (see
 * ../shared/conformance/vtl/README.md): same output character for character, or an error of the
 * same kind (ParseErrorException ↔ syntax, anything else ↔ runtime/limit).
 */
import type { Json } from '../../model'
import { renderTemplate, type TemplateInput } from '../index'

/** One JSONL line of an oracle corpus. */
export type OracleLine = {
  template: string
  body?: Json
  params?: {
    path?: Record<string, string>
    querystring?: Record<string, string>
    header?: Record<string, string>
  }
  context?: { [key: string]: Json }
  stageVariables?: Record<string, string>
  output?: string
  error?: string
  errorClass?: string
  timeout?: boolean
  note?: string
}

/** The oracle's default `$context` (shared/oracle/vtl/README.md). */
export const ORACLE_CONTEXT: { [key: string]: Json } = {
  accountId: '123456789012',
  apiId: 'abc123defg',
  requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  extendedRequestId: 'AbCdEfGhIjKlMnO=',
  stage: 'test',
  httpMethod: 'POST',
  resourcePath: '/items',
  resourceId: 'r3s0urc3',
  path: '/test/items',
  protocol: 'HTTP/1.1',
  requestTime: '09/Apr/2015:12:34:56 +0000',
  requestTimeEpoch: 1428582896000,
  domainName: 'abc123defg.execute-api.us-east-1.amazonaws.com',
  error: {
    message: 'Internal server error',
    messageString: '"Internal server error"',
    responseType: 'DEFAULT_5XX',
    validationErrorString: '',
  },
  identity: { sourceIp: '203.0.113.7', userAgent: 'curl/8.0.1' },
}

/** Builds the renderer input the oracle would have used for a line. */
export function oracleInput(line: OracleLine): TemplateInput {
  const context: { [key: string]: Json } = { ...ORACLE_CONTEXT }
  for (const [k, v] of Object.entries(line.context ?? {})) {
    const old = context[k]
    const isObj = (x: Json | undefined): x is { [key: string]: Json } =>
      typeof x === 'object' && x !== null && !Array.isArray(x)
    context[k] = isObj(old) && isObj(v) ? { ...old, ...v } : v
  }
  const body =
    line.body === undefined || line.body === null
      ? ''
      : typeof line.body === 'string'
        ? line.body
        : JSON.stringify(line.body)
  return {
    body,
    params: {
      path: line.params?.path ?? {},
      querystring: line.params?.querystring ?? {},
      header: line.params?.header ?? {},
    },
    context,
    stageVariables: line.stageVariables ?? {},
  }
}

/** Outcome of comparing one line: undefined when we agree, else what differed. */
export function compareLine(line: OracleLine): string | undefined {
  const r = renderTemplate(line.template, oracleInput(line), { source: 'oracle' })
  const ours = r.ok
    ? `output ${JSON.stringify(r.output)}`
    : `${r.errorKind} error: ${r.diagnostics[0]?.message ?? ''}`
  if (line.timeout) return r.ok ? `expected a timeout/limit, got ${ours}` : undefined
  if (line.output !== undefined) {
    if (r.ok && r.output === line.output) return undefined
    return `expected output ${JSON.stringify(line.output)}, got ${ours}`
  }
  const wantSyntax = (line.errorClass ?? '').endsWith('ParseErrorException')
  if (!r.ok && (r.errorKind === 'syntax') === wantSyntax) return undefined
  return `expected ${wantSyntax ? 'syntax' : 'runtime'} error (${(line.error ?? '').split('\n')[0]}), got ${ours}`
}

/** Compares every line; returns the failures with their line numbers. */
export function compareCorpus(lines: OracleLine[]): {
  passed: number
  failures: { index: number; line: OracleLine; why: string }[]
} {
  const failures: { index: number; line: OracleLine; why: string }[] = []
  lines.forEach((line, index) => {
    const why = compareLine(line)
    if (why) failures.push({ index, line, why })
  })
  return { passed: lines.length - failures.length, failures }
}

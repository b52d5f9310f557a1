/**
 * Compares our renderer with recorded Velocity oracle lines (see
 * ../shared/conformance/vtl/README.md): same output character for character, or an error of the
 * same kind (ParseErrorException ↔ syntax, anything else ↔ runtime/limit).
 */
import type { Json } from '../../model'
import { renderTemplate, vtlOracleContext, type TemplateInput } from '../index'

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

/** Builds the renderer input the oracle would have used for a line. */
export function oracleInput(line: OracleLine): TemplateInput {
  const context = vtlOracleContext()
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

import { describe, expect, it } from 'vitest'
import type { Simulation } from '../../model'
import { countBrokenCases, loadCaseFiles } from './load-cases'
import { formatOutcome, runCase } from './run-cases'

const CASE = {
  id: 'a-case',
  source: 'test',
  setup: {
    method: {
      httpMethod: 'GET',
      resourcePath: '/x',
      methodIntegration: { type: 'AWS_PROXY', httpMethod: 'POST' },
    },
  },
  request: { method: 'GET', path: '/x' },
  lambda: { kind: 'result', payload: { statusCode: 200, body: 'hi' } },
  expect: { statusCode: 200, body: 'hi' },
}

function file(value: unknown, path = 'f.json') {
  return { path, text: typeof value === 'string' ? value : JSON.stringify(value) }
}

describe('loadCaseFiles', () => {
  it('loads valid cases with their file', () => {
    const result = loadCaseFiles([file({ cases: [CASE] })])
    expect(result.problems).toEqual([])
    expect(result.cases.map((c) => [c.file, c.conformanceCase.id])).toEqual([['f.json', 'a-case']])
  })
  it('turns malformed files into problems instead of exceptions', () => {
    const table: [unknown, string][] = [
      ['{ "cases": [', 'not valid JSON'],
      ['null', 'expected an object { "cases": [ ... ] }'],
      [[CASE], 'expected an object { "cases": [ ... ] }'],
      [{ cases: {} }, 'expected an object { "cases": [ ... ] }'],
    ]
    for (const [text, message] of table) {
      const result = loadCaseFiles([file(text)])
      expect(result.cases).toEqual([])
      expect(result.problems[0]?.message).toContain(message)
    }
  })
  it('reports each bad case by id or index and keeps the good ones', () => {
    const bad = { ...CASE, id: 'bad', lambda: { kind: 'returns' } }
    const noId = { ...CASE, id: 7 }
    const result = loadCaseFiles([file({ cases: [CASE, bad, noId, 'text'] })])
    expect(result.cases.map((c) => c.conformanceCase.id)).toEqual(['a-case'])
    expect(result.problems.map((p) => p.id)).toEqual(['bad', 'cases[2]', 'cases[3]'])
    expect(result.problems[0]?.message).toBe(
      'lambda.kind must be one of "result", "error", "echo", "proxyEcho", "invokeFailure"',
    )
    expect(countBrokenCases(result.problems)).toBe(3)
  })
  it('warns about an id used twice', () => {
    const result = loadCaseFiles([
      file({ cases: [CASE] }, 'a.json'),
      file({ cases: [CASE] }, 'b.json'),
    ])
    expect(result.cases).toHaveLength(2)
    expect(result.warnings).toEqual([
      { file: 'b.json', id: 'a-case', message: 'id also used in a.json' },
    ])
  })
})

describe('runCase', () => {
  const loaded = loadCaseFiles([file({ cases: [CASE] })]).cases[0]!
  const answer = (statusCode: number, body: string) => (): Simulation => ({
    response: { statusCode, headers: [], body },
    trace: [],
    log: [],
    lambdaEvent: undefined,
    diagnostics: [],
    rules: { status: 'not-reached', reason: '', rules: [] },
  })
  it('passes when the simulation matches', () => {
    expect(runCase(loaded, answer(200, 'hi')).passed).toBe(true)
  })
  it('fails with a one-line report naming the case and the difference', () => {
    const outcome = runCase(loaded, answer(502, 'hi'))
    expect(outcome.passed).toBe(false)
    expect(formatOutcome(outcome)).toBe('FAIL a-case: status: expected 200, got 502 (body "hi")')
  })
  it('reports an engine exception as a failure', () => {
    const outcome = runCase(loaded, () => {
      throw new TypeError('boom')
    })
    expect(formatOutcome(outcome)).toBe('FAIL a-case: simulate threw TypeError: boom')
  })
})

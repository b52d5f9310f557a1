import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIAGNOSTIC_CASES_DIR, PROJECT_CASES_DIR, SHARED_CASES_DIR } from './cli'
import { validateConformanceCase } from './validate-case'

const CASE = {
  id: 'a-case',
  description: 'd',
  source: 's',
  formatGap: 'g',
  setup: {
    stageName: 'test',
    method: { httpMethod: 'GET', resourcePath: '/x', methodIntegration: { type: 'AWS_PROXY' } },
  },
  request: { method: 'GET', path: '/x' },
  lambda: { kind: 'echo' },
  expect: {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    absentHeaders: ['X-A'],
    body: 'b',
    bodyJson: { a: '<<any>>' },
    bodyJsonSubset: { b: [1] },
    bodyBase64: 'aGk=',
    lambdaEvent: null,
    executionLog: ['Method completed with status: 200'],
  },
}

function withExpect(expect: Record<string, unknown>) {
  return { ...CASE, expect: { ...CASE.expect, ...expect } }
}

describe('validateConformanceCase', () => {
  it('returns a clean copy of a valid case', () => {
    const { conformanceCase, diagnostics } = validateConformanceCase(CASE)
    expect(diagnostics).toEqual([])
    expect(conformanceCase).toEqual(CASE)
  })

  it('reports malformed cases with the JSON path', () => {
    const table: [unknown, string][] = [
      [{ ...CASE, id: undefined }, 'id is required'],
      [{ ...CASE, id: 3 }, 'id must be a string, not number 3'],
      [{ ...CASE, expect: undefined }, 'expect is required'],
      [
        withExpect({ statusCode: '200' }),
        'expect.statusCode must be a whole number from 100 to 599',
      ],
      [withExpect({ statusCode: 99 }), 'expect.statusCode must be a whole number from 100 to 599'],
      [withExpect({ headers: { A: null } }), 'expect.headers.A must be a string, not null'],
      [
        withExpect({ absentHeaders: 'X' }),
        'expect.absentHeaders must be an array of strings, not the string "X"',
      ],
      [withExpect({ bodyBase64: 'not base64!' }), 'expect.bodyBase64 is not valid base64'],
      [withExpect({ executionLog: [1] }), 'expect.executionLog[0] must be a string, not number 1'],
      [
        { ...CASE, lambda: { kind: 'nope' } },
        'lambda.kind must be one of "result", "error", "echo", "proxyEcho", "invokeFailure"',
      ],
    ]
    for (const [input, message] of table) {
      const result = validateConformanceCase(input)
      expect(result.conformanceCase).toBeUndefined()
      expect(result.diagnostics.find((d) => d.severity === 'error')?.message).toBe(message)
    }
  })

  it('warns about unknown fields and non-kebab-case ids but keeps the case', () => {
    const result = validateConformanceCase({ ...CASE, id: 'Bad_Id', extra: 1 })
    expect(result.conformanceCase?.id).toBe('Bad_Id')
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'extra is not a known field; ignored',
      'id "Bad_Id" should be kebab-case',
    ])
  })

  for (const dir of [SHARED_CASES_DIR, PROJECT_CASES_DIR, DIAGNOSTIC_CASES_DIR]) {
    it.skipIf(!existsSync(dir))(`reads every case in ${dir} back unchanged`, () => {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
        const { cases } = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { cases: unknown[] }
        for (const c of cases) {
          const { conformanceCase, diagnostics } = validateConformanceCase(c)
          expect(diagnostics).toEqual([])
          const { expectDiagnostics, ...rest } = c as {
            setup: { stageName?: string }
            expectDiagnostics?: unknown
          }
          const expected = { ...rest, setup: { stageName: 'test', ...rest.setup } }
          expect(validateConformanceCase(c).expectDiagnostics).toEqual(expectDiagnostics)
          expect(conformanceCase).toEqual(expected)
        }
      }
    })
  }
})

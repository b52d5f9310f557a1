import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SHARED_CASES_DIR } from './conformance/cli'
import {
  LAMBDA_ERROR_SCHEMA,
  PROXY_RESULT_SCHEMA,
  SCENARIO_SCHEMA,
  type JsonSchema,
} from './schemas'

/** The draft-07 keywords the schemas use, enough to check them against real values. */
function conforms(schema: JsonSchema, value: unknown): boolean {
  const s = schema as Record<string, unknown>
  const typeOf = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v
  if (s.type !== undefined) {
    const types = ([] as unknown[]).concat(s.type)
    const t = typeOf(value)
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return false
  }
  if (s.const !== undefined && s.const !== value) return false
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return false
  if (
    typeof s.pattern === 'string' &&
    typeof value === 'string' &&
    !new RegExp(s.pattern, 'u').test(value)
  )
    return false
  if (typeof s.minimum === 'number' && typeof value === 'number' && value < s.minimum) return false
  if (
    Array.isArray(s.oneOf) &&
    s.oneOf.filter((sub) => conforms(sub as JsonSchema, value)).length !== 1
  )
    return false
  if (Array.isArray(value) && s.items) return value.every((v) => conforms(s.items as JsonSchema, v))
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>
    const props = (s.properties ?? {}) as Record<string, JsonSchema>
    if (Array.isArray(s.required) && !s.required.every((k) => Object.hasOwn(obj, k as string)))
      return false
    for (const [k, v] of Object.entries(obj)) {
      const names = s.propertyNames as JsonSchema | undefined
      if (names && !conforms(names, k)) return false
      if (props[k]) {
        if (!conforms(props[k], v)) return false
      } else if (s.additionalProperties === false) return false
      else if (
        typeof s.additionalProperties === 'object' &&
        !conforms(s.additionalProperties as JsonSchema, v)
      )
        return false
    }
  }
  return true
}

describe('PROXY_RESULT_SCHEMA', () => {
  // Proxy results: true = API Gateway accepts it, false = 502 (Malformed Lambda proxy response).
  const table: [unknown, boolean][] = [
    [{ statusCode: 200 }, true],
    [{ statusCode: 200, headers: { 'test-header': 'value', 'header-bool': true } }, true],
    [{ statusCode: 200, headers: null }, true],
    [{ statusCode: 200, wrongValue: 'value' }, false],
    [{ statusCode: '201' }, true],
    [{ statusCode: 'test' }, false],
    ['justAString', false],
    [null, false],
    [{ headers: { 'test-header': 'value' } }, true],
    [{}, true],
    [{ statusCode: 200, body: 'dGVzdC1kYXRh', isBase64Encoded: true }, true],
    [{ statusCode: 200, multiValueHeaders: { 'test-multi': ['value1', 'value2'] } }, true],
    [{ statusCode: 200, multiValueHeaders: { 'test-multi-invalid': 'value1' } }, false],
    [
      { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: { hey: 'dude' } },
      false,
    ],
  ]
  it('accepts exactly the results API Gateway accepts in the recorded table', () => {
    for (const [value, ok] of table)
      expect([value, conforms(PROXY_RESULT_SCHEMA, value)]).toEqual([value, ok])
  })
  it('explains the 502 in its descriptions', () => {
    expect(JSON.stringify(PROXY_RESULT_SCHEMA)).toContain('Malformed Lambda proxy response')
  })
})

describe('LAMBDA_ERROR_SCHEMA', () => {
  it('describes the error payload Lambda returns', () => {
    const python = {
      errorMessage: 'Dummy error ...',
      errorType: 'Exception',
      requestId: 'r',
      stackTrace: ['  File "x"'],
    }
    expect(conforms(LAMBDA_ERROR_SCHEMA, python)).toBe(true)
    expect(
      conforms(LAMBDA_ERROR_SCHEMA, { errorMessage: 'm', errorType: 'Error', trace: [] }),
    ).toBe(true)
    expect(conforms(LAMBDA_ERROR_SCHEMA, { errorType: 'Error' })).toBe(false)
    expect(conforms(LAMBDA_ERROR_SCHEMA, { errorMessage: 1, errorType: 'Error' })).toBe(false)
  })
})

describe('SCENARIO_SCHEMA', () => {
  it('is plain JSON data', () => {
    for (const schema of [PROXY_RESULT_SCHEMA, LAMBDA_ERROR_SCHEMA, SCENARIO_SCHEMA]) {
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema)
    }
  })
  it('rejects what the validator rejects', () => {
    const scenario = {
      setup: {
        method: { httpMethod: 'GET', resourcePath: '/', methodIntegration: { type: 'AWS' } },
      },
      request: { method: 'GET', path: '/' },
      lambda: { kind: 'echo' },
    }
    expect(conforms(SCENARIO_SCHEMA, scenario)).toBe(true)
    expect(conforms(SCENARIO_SCHEMA, { ...scenario, lambda: { kind: 'returns' } })).toBe(false)
    expect(conforms(SCENARIO_SCHEMA, { ...scenario, request: { method: 'GET' } })).toBe(false)
    const badType = {
      ...scenario,
      setup: { method: { ...scenario.setup.method, methodIntegration: { type: 'HTTP' } } },
    }
    expect(conforms(SCENARIO_SCHEMA, badType)).toBe(false)
  })
  it.skipIf(!existsSync(SHARED_CASES_DIR))('accepts the scenario part of every shared case', () => {
    for (const name of readdirSync(SHARED_CASES_DIR).filter((n) => n.endsWith('.json'))) {
      const { cases } = JSON.parse(readFileSync(join(SHARED_CASES_DIR, name), 'utf8')) as {
        cases: { id: string; setup: unknown; request: unknown; lambda: unknown }[]
      }
      for (const { id, setup, request, lambda } of cases) {
        expect([id, conforms(SCENARIO_SCHEMA, { setup, request, lambda })]).toEqual([id, true])
      }
    }
  })
})

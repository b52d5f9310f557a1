import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Json, LambdaOutcome, Scenario } from '../model'
import { createEnv } from './env'
import { URI } from './scenario-builders.test-support'
import { simulate } from './simulate'

const json: fc.Arbitrary<Json> = fc.jsonValue() as fc.Arbitrary<Json>
const text = fc.string({ maxLength: 12 })
const pathText = fc.stringMatching(/^[/a-z{}+%2B.?=&-]{0,16}$/)

const lambda: fc.Arbitrary<LambdaOutcome> = fc.oneof(
  json.map((payload) => ({ kind: 'result', payload }) as LambdaOutcome),
  text.map((payloadRaw) => ({ kind: 'result', payloadRaw }) as LambdaOutcome),
  fc
    .record({ errorMessage: text, errorType: text })
    .map((payload) => ({ kind: 'error', functionError: 'Unhandled', payload }) as LambdaOutcome),
  fc.constant({ kind: 'echo' } as LambdaOutcome),
  fc.constant({ kind: 'proxyEcho' } as LambdaOutcome),
  fc
    .constantFrom('timeout', 'throttled', 'notFound', 'accessDenied', 'payloadTooLarge')
    .map((failure) => ({ kind: 'invokeFailure', failure }) as LambdaOutcome),
)

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    type: fc.constantFrom('AWS', 'AWS_PROXY'),
    httpMethod: fc.constantFrom('GET', 'POST', 'ANY'),
    resourcePath: fc.constantFrom('/', '/{proxy+}', '/pets/{id}', '/lambda'),
    pattern: fc.oneof(fc.constant('.*Dummy.*'), fc.constant('(\\n|.)+'), text),
    template: fc.oneof(fc.constant('$input.json("$")'), fc.constant('#set($x = 1'), text),
    requestMethod: fc.constantFrom('GET', 'POST', 'DELETE'),
    path: pathText,
    query: fc.option(text, { nil: undefined }),
    headers: fc.dictionary(fc.constantFrom('Accept', 'Content-Type', 'X-A', 'Connection'), text),
    body: fc.option(text, { nil: undefined }),
    lambda,
    passthrough: fc.constantFrom('WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'),
  })
  .map((r): Scenario => ({
    setup: {
      method: {
        httpMethod: r.httpMethod,
        resourcePath: r.resourcePath,
        methodResponses: { '200': { statusCode: '200' }, '400': { statusCode: '400' } },
        methodIntegration: {
          type: r.type as 'AWS' | 'AWS_PROXY',
          httpMethod: 'POST',
          uri: URI,
          passthroughBehavior: r.passthrough as 'NEVER',
          requestTemplates: { 'application/json': r.template },
          integrationResponses: {
            '200': { statusCode: '200', responseTemplates: { 'application/json': r.template } },
            '400': { statusCode: '400', selectionPattern: r.pattern },
            '500': { statusCode: '500', selectionPattern: '.+' },
          },
        },
      },
      gatewayResponses: { DEFAULT_4XX: { responseTemplates: { 'application/json': r.template } } },
    },
    request: {
      method: r.requestMethod,
      path: r.path,
      headers: r.headers,
      ...(r.query !== undefined ? { query: r.query } : {}),
      ...(r.body !== undefined ? { body: r.body } : {}),
    },
    lambda: r.lambda,
  }))

describe('simulate on generated scenarios', () => {
  it('never throws, returns six stages and a plausible JSON-serialisable response', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const sim = simulate(s, createEnv())
        expect(sim.trace.map((t) => t.stage)).toHaveLength(6)
        expect(sim.response.statusCode).toBeGreaterThanOrEqual(100)
        expect(sim.response.statusCode).toBeLessThan(600)
        expect(sim.diagnostics.filter((d) => d.code === 'engine.internal')).toEqual([])
        const last = sim.log.at(-1)
        if (sim.log.length > 0) expect(last).toMatch(/Method completed with status: \d{3}$/)
        expect(JSON.parse(JSON.stringify(sim)).response).toEqual(sim.response)
      }),
      { numRuns: 300, seed: 42 },
    )
  })
})

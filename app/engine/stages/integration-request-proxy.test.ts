import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../model'
import { proxyScenario, runContext } from '../scenario-builders.test-support'
import { buildProxyRequest } from './integration-request-proxy'
import { routeMethodRequest } from './method-request'

function eventOf(scenario: Scenario) {
  const ctx = runContext(scenario)
  const routed = routeMethodRequest(ctx).output!
  return buildProxyRequest(ctx, routed)
}

describe('buildProxyRequest', () => {
  it('uses null (not {}) for absent query, path parameters, stage variables, headers and body', () => {
    const r = eventOf(
      proxyScenario({ request: { method: 'GET', path: '/' } }, { resourcePath: '/' }),
    )
    const e = r.output!.event
    expect(e.queryStringParameters).toBeNull()
    expect(e.multiValueQueryStringParameters).toBeNull()
    expect(e.pathParameters).toBeNull()
    expect(e.stageVariables).toBeNull()
    expect(e.headers).toBeNull()
    expect(e.multiValueHeaders).toBeNull()
    expect(e.body).toBeNull()
    expect(e.isBase64Encoded).toBe(false)
    expect(Object.keys(e)).toEqual([
      'resource',
      'path',
      'httpMethod',
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
      'requestContext',
      'body',
      'isBase64Encoded',
    ])
  })

  it('keeps the last query value in queryStringParameters and all in multiValue', () => {
    const r = eventOf(
      proxyScenario({
        request: { method: 'GET', path: '/p', query: 'c=e&c=b&price=10&price=20&q=a%2Bb+c' },
      }),
    )
    expect(r.output!.event.queryStringParameters).toEqual({ c: 'b', price: '20', q: 'a+b c' })
    expect(r.output!.event.multiValueQueryStringParameters).toEqual({
      c: ['e', 'b'],
      price: ['10', '20'],
      q: ['a+b c'],
    })
  })

  it('drops hop-by-hop headers and Pascal-cases authorization and user-agent', () => {
    const r = eventOf(
      proxyScenario({
        request: {
          method: 'GET',
          path: '/p',
          headers: { authorization: 'x', 'user-agent': 'ua', TE: 'deflate', 'tEsT-HEADeR': 'v' },
        },
      }),
    )
    expect(r.output!.event.headers).toEqual({
      Authorization: 'x',
      'User-Agent': 'ua',
      'tEsT-HEADeR': 'v',
    })
  })

  it('puts the stage in requestContext.path and the clock in requestTime/requestTimeEpoch', () => {
    const r = eventOf(proxyScenario({ request: { method: 'GET', path: '/a/b' } }))
    const rc = r.output!.event.requestContext as Record<string, unknown>
    expect(rc.path).toBe('/test/a/b')
    expect(rc.requestTime).toBe('01/Jan/2026:12:00:00 +0000')
    expect(rc.requestTimeEpoch).toBe(Date.UTC(2026, 0, 1, 12))
    expect(rc.stage).toBe('test')
    expect(r.output!.payloadText).toBe(JSON.stringify(r.output!.event))
  })

  it('base64-encodes a body whose Content-Type is a binary media type', () => {
    const s = proxyScenario({
      request: { method: 'POST', path: '/p', headers: { 'Content-Type': 'image/png' }, body: 'hi' },
    })
    s.setup.binaryMediaTypes = ['image/*']
    const e = eventOf(s).output!.event
    expect(e.body).toBe('aGk=')
    expect(e.isBase64Encoded).toBe(true)
  })

  it('fails with 500 when an integration header mapping targets a forbidden header', () => {
    const s = proxyScenario()
    s.setup.method.methodIntegration.requestParameters = {
      'integration.request.header.Expect': "'x'",
    }
    const r = eventOf(s)
    expect(r.output).toBeUndefined()
    expect(r.failure).toMatchObject({ status: 500, literalBody: true })
  })
})

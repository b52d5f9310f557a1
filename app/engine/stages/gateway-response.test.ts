import { describe, expect, it } from 'vitest'
import type { GatewayResponse } from '../../model'
import { proxyScenario, runContext } from '../scenario-builders.test-support'
import type { GatewayFailure } from '../trace'
import { buildGatewayResponse } from './gateway-response'

const MISSING: GatewayFailure = {
  type: 'MISSING_AUTHENTICATION_TOKEN',
  status: 403,
  message: 'Missing Authentication Token',
  literalBody: false,
}
const INTEGRATION: GatewayFailure = {
  type: 'INTEGRATION_FAILURE',
  status: 502,
  message: 'Internal server error',
  literalBody: true,
}

function respond(failure: GatewayFailure, gatewayResponses?: Record<string, GatewayResponse>) {
  const s = proxyScenario({ request: { method: 'GET', path: '/x', headers: { 'X-Req': 'abc' } } })
  if (gatewayResponses) s.setup.gatewayResponses = gatewayResponses
  return buildGatewayResponse(runContext(s), undefined, failure).response
}

const header = (r: { headers: [string, string][] }, name: string) =>
  r.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1]

describe('buildGatewayResponse', () => {
  it('renders the built-in template without a space and integration failures with one', () => {
    const a = respond(MISSING)
    expect([a.statusCode, a.body, header(a, 'Content-Length')]).toEqual([
      403,
      '{"message":"Missing Authentication Token"}',
      '42',
    ])
    expect(header(a, 'x-amzn-ErrorType')).toBe('MissingAuthenticationTokenException')
    const b = respond(INTEGRATION)
    expect([b.statusCode, b.body, header(b, 'Content-Length')]).toEqual([
      502,
      '{"message": "Internal server error"}',
      '36',
    ])
    expect(header(b, 'X-Amzn-Trace-Id')).toBeUndefined()
  })

  it('keeps the status when the customised response sets none, and applies its headers', () => {
    const r = respond(INTEGRATION, {
      INTEGRATION_FAILURE: {
        responseParameters: {
          'gatewayresponse.header.X-From': "'gw'",
          'gatewayresponse.header.X-Echo': 'method.request.header.X-Req',
        },
      },
    })
    expect(r.statusCode).toBe(502)
    expect([header(r, 'X-From'), header(r, 'X-Echo')]).toEqual(['gw', 'abc'])
  })

  it('falls back to DEFAULT_4XX / DEFAULT_5XX by the status class', () => {
    expect(respond(MISSING, { DEFAULT_4XX: { statusCode: '404' } }).statusCode).toBe(404)
    expect(respond(MISSING, { DEFAULT_5XX: { statusCode: '599' } }).statusCode).toBe(403)
    expect(respond(INTEGRATION, { DEFAULT_5XX: { statusCode: '503' } }).statusCode).toBe(503)
    expect(
      respond(MISSING, {
        MISSING_AUTHENTICATION_TOKEN: { statusCode: '404' },
        DEFAULT_4XX: { statusCode: '400' },
      }).statusCode,
    ).toBe(404)
  })
})

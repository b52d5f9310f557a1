import { describe, expect, it } from 'vitest'
import type { GatewayResponse } from '../../model'
import { proxyScenario, runContext } from '../scenario-builders.test-support'
import type { GatewayFailure } from '../trace'
import { buildGatewayResponse, substituteGatewayTemplate } from './gateway-response'

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

describe('substituteGatewayTemplate', () => {
  const context = { stage: 'dev', error: { message: 'Boom', messageString: '"Boom"' }, n: 5 }
  it('substitutes $context, ${context} and $stageVariables, and nothing else', () => {
    const r = substituteGatewayTemplate(
      '#set($a = 1){"m":$context.error.messageString,"s":"${context.stage}","v":"$stageVariables.v","n":$context.n,"u":"$util.escapeJavaScript(x)"}',
      context,
      { v: 'one' },
    )
    expect(r.output).toBe(
      '#set($a = 1){"m":"Boom","s":"dev","v":"one","n":5,"u":"$util.escapeJavaScript(x)"}',
    )
    expect(r.missing).toEqual([])
  })

  it('leaves a reference without a value empty and reports it', () => {
    const r = substituteGatewayTemplate('[$context.nope.deeper][$stageVariables.x]', context, {})
    expect(r.output).toBe('[][]')
    expect(r.missing).toEqual(['$context.nope.deeper', '$stageVariables.x'])
  })

  it('reads method request parameters through $input.params', () => {
    const r = substituteGatewayTemplate("[$input.params('id')]", context, {}, (n) =>
      n === 'id' ? '42' : undefined,
    )
    expect([r.output, r.params]).toEqual(['[42]', ["$input.params('id')"]])
  })
})

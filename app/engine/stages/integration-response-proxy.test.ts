import { describe, expect, it } from 'vitest'
import type { Json } from '../../model'
import { proxyScenario, runContext } from '../scenario-builders.test-support'
import type { InvokeResult } from '../trace'
import { convertProxyResult, parseProxyResult } from './integration-response-proxy'
import { routeMethodRequest } from './method-request'

describe('parseProxyResult (which proxy results API Gateway accepts)', () => {
  it('accepts the documented shape and its observed relaxations', () => {
    const ok: [Json, number, [string, string][], string][] = [
      [{ statusCode: 200 }, 200, [], ''],
      [{}, 200, [], ''],
      [{ statusCode: '201' }, 201, [], ''],
      [{ statusCode: 200, headers: null }, 200, [], ''],
      [
        { statusCode: 200, headers: { 'header-bool': true, n: 3 } },
        200,
        [
          ['header-bool', 'true'],
          ['n', '3'],
        ],
        '',
      ],
      [
        {
          multiValueHeaders: { 'tesT-Multi': ['value-multi'] },
          headers: { 'test-multi': 'value-solo' },
        },
        200,
        [
          ['tesT-Multi', 'value-multi'],
          ['tesT-Multi', 'value-solo'],
        ],
        '',
      ],
      [{ statusCode: 404, body: 'nope', isBase64Encoded: false }, 404, [], 'nope'],
    ]
    for (const [value, status, headers, body] of ok) {
      const r = parseProxyResult(value)
      expect(r, JSON.stringify(value)).toMatchObject({
        status,
        headers,
        body,
        isBase64Encoded: false,
      })
    }
  })

  it('rejects everything else as malformed', () => {
    const bad: Json[] = [
      'justAString',
      null,
      [1],
      42,
      { statusCode: 200, wrongValue: 'value' },
      { statusCode: 'test' },
      { statusCode: 200, body: { hey: 'dude' } },
      { statusCode: 200, multiValueHeaders: { 'test-multi-invalid': 'value1' } },
    ]
    for (const value of bad)
      expect(typeof parseProxyResult(value), JSON.stringify(value)).toBe('string')
  })
})

describe('convertProxyResult', () => {
  function convert(payload: Json, accept?: string, binary?: string[], functionError?: string) {
    const s = proxyScenario({
      request: { method: 'GET', path: '/x', ...(accept ? { headers: { Accept: accept } } : {}) },
    })
    if (binary) s.setup.binaryMediaTypes = binary
    const ctx = runContext(s)
    const invoke: Extract<InvokeResult, { kind: 'response' }> = {
      kind: 'response',
      payloadText: JSON.stringify(payload),
      lambdaRequestId: 'req-1',
      responseHeaders: [],
      ...(functionError ? { functionError, errorMessage: 'boom' } : {}),
    }
    return convertProxyResult(ctx, routeMethodRequest(ctx).output!, invoke)
  }
  const PNG = 'iVBORw0KGgo='

  it('turns a function error into 502 with the customer-function-error log line', () => {
    const r = convert({ errorMessage: 'boom' }, undefined, undefined, 'Unhandled')
    expect(r.failure?.status).toBe(502)
    expect(r.failure?.logLine).toBe(
      'Lambda execution failed with status 200 due to customer function error: boom. Lambda request id: req-1',
    )
  })

  it('decodes base64 only when the first Accept media type is binary', () => {
    const result = { statusCode: 200, body: PNG, isBase64Encoded: true }
    expect(convert(result, 'image/png', ['image/png']).output?.bodyBase64).toBe(PNG)
    expect(convert(result, 'image/png,image/*', ['image/*']).output?.bodyBase64).toBe(PNG)
    expect(
      convert(result, 'image/webp,image/png', ['image/png']).output?.bodyBase64,
    ).toBeUndefined()
    expect(convert(result, '*/*', ['image/png']).output?.body).toBe(PNG)
    expect(convert(result, 'random/test', ['*/test']).output?.body).toBe(PNG)
    expect(convert(result, 'image/png').output?.body).toBe(PNG)
  })

  it('answers 500 when a binary body is not valid base64', () => {
    const r = convert({ statusCode: 200, body: 'èé+à)(', isBase64Encoded: true }, 'image/png', [
      'image/png',
    ])
    expect(r.failure?.status).toBe(500)
  })
})

import { describe, expect, it } from 'vitest'
import { proxyScenario, runContext } from '../scenario-builders.test-support'
import { formDecode, matchResourcePath, parseQuery, routeMethodRequest } from './method-request'

describe('matchResourcePath', () => {
  it('matches resource paths like API Gateway', () => {
    const table: [string, string, Record<string, string> | undefined][] = [
      ['/{proxy+}', '/proxy-value', { proxy: 'proxy-value' }],
      ['/{proxy+}', '/proxy-value/', { proxy: 'proxy-value' }],
      ['/{proxy+}', '/proxy-value//double-slash', { proxy: 'proxy-value//double-slash' }],
      ['/{proxy+}', '/a%2Bb/c+d', { proxy: 'a%2Bb/c+d' }],
      ['/{proxy+}', '/', undefined],
      ['/pets/{id}', '/pets/42', { id: '42' }],
      ['/pets/{id}', '/pets/42/', { id: '42' }],
      ['/pets/{id}', '/pets', undefined],
      ['/pets/{id}', '/pets/42/toys', undefined],
      ['/pets/{id}/toys/{toy}', '/pets/1/toys/ball', { id: '1', toy: 'ball' }],
      ['/hardcoded', '/hardcoded', {}],
      ['/hardcoded', '/Hardcoded', undefined],
      ['/', '/', {}],
      ['/', '/x', undefined],
      ['/api/{proxy+}', '/api', undefined],
      ['/api/{proxy+}', '/api/v1/users', { proxy: 'v1/users' }],
    ]
    for (const [resource, path, expected] of table)
      expect(matchResourcePath(resource, path), `${resource} vs ${path}`).toEqual(expected)
  })
})

describe('query strings', () => {
  it('form-decodes values and keeps the last value in the single-value view', () => {
    expect(formDecode('a%2Bb+c%20d')).toBe('a+b c d')
    expect(formDecode('100%')).toBe('100%')
    expect(formDecode('%E2%9C%93%zz')).toBe('✓%zz')
    expect(parseQuery('category=electronics&category=books&flag&&x=')).toEqual([
      ['category', 'electronics'],
      ['category', 'books'],
      ['flag', ''],
      ['x', ''],
    ])
  })
})

describe('routeMethodRequest', () => {
  it('collapses // right after the stage for routing but keeps it in requestContext.path', () => {
    const ctx = runContext(proxyScenario({ request: { method: 'GET', path: '//proxy-value' } }))
    const r = routeMethodRequest(ctx)
    expect(r.output?.path).toBe('/proxy-value')
    expect(r.output?.stagePath).toBe('/test//proxy-value')
    expect(r.output?.pathParams).toEqual({ proxy: 'proxy-value' })
  })

  it('drops the hop-by-hop headers from what is forwarded, keeping the rest in order', () => {
    const ctx = runContext(
      proxyScenario({
        request: {
          method: 'GET',
          path: '/x',
          headers: {
            Accept: 'a',
            Connection: 'close',
            'content-length': '3',
            'X-Multi': ['1', '2'],
          },
        },
      }),
    )
    const r = routeMethodRequest(ctx)
    expect(r.output?.forwardedHeaders).toEqual([
      ['Accept', 'a'],
      ['X-Multi', '1'],
      ['X-Multi', '2'],
    ])
    expect(
      ctx.log.lines.some((l) =>
        l.endsWith(
          'Method request headers: {Accept=a, Connection=close, content-length=3, X-Multi=1, X-Multi=2}',
        ),
      ),
    ).toBe(true)
  })

  it('answers an unknown verb with MISSING_AUTHENTICATION_TOKEN', () => {
    const ctx = runContext(
      proxyScenario(
        { request: { method: 'POST', path: '/existing' } },
        { httpMethod: 'GET', resourcePath: '/existing' },
      ),
    )
    const r = routeMethodRequest(ctx)
    expect(r.output).toBeUndefined()
    expect(r.failure).toMatchObject({ type: 'MISSING_AUTHENTICATION_TOKEN', status: 403 })
    expect(r.trace.status).toBe('failed')
  })
})

describe('required parameters', () => {
  it('are checked only when the method has a request validator', () => {
    const required = {
      'method.request.querystring.q': true,
      'method.request.header.X-Key': true,
      'method.request.header.Opt': false,
    }
    const without = runContext(proxyScenario({}, { requestParameters: required }))
    expect(routeMethodRequest(without).failure).toBeUndefined()
    const withValidator = runContext(
      proxyScenario({}, { requestParameters: required, requestValidatorId: 'v1' }),
    )
    expect(routeMethodRequest(withValidator).failure).toMatchObject({
      type: 'BAD_REQUEST_PARAMETERS',
      status: 400,
      message: 'Missing required request parameters: [q, X-Key]',
    })
    const satisfied = runContext(
      proxyScenario(
        { request: { method: 'GET', path: '/a', query: 'q=1', headers: { 'x-key': 'k' } } },
        { requestParameters: required, requestValidatorId: 'v1' },
      ),
    )
    expect(routeMethodRequest(satisfied).failure).toBeUndefined()
  })
})

describe('a path typed with its query', () => {
  it('is split into path and query', () => {
    const r = routeMethodRequest(
      runContext(proxyScenario({ request: { method: 'GET', path: '/a?x=1&x=2' } })),
    )
    expect([r.output?.path, r.output?.querySingle]).toEqual(['/a', { x: '2' }])
  })
})

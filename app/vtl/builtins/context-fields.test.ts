import { describe, expect, it } from 'vitest'
import type { Json } from '../../model'
import {
  formatRequestTime,
  proxyRequestContext,
  templateContext,
  vtlOracleContext,
} from './context-fields'
import type { ContextOptions } from './context-fields'

const BASE: ContextOptions = {
  requestId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
  extendedRequestId: 'BQGojGVfoAMFnAg=',
  requestTimeEpoch: Date.UTC(2020, 2, 4, 19, 15, 17),
  stage: 'prod',
  httpMethod: 'GET',
  resourcePath: '/pets/{id}',
  path: '/prod/pets/42',
  accountId: '123456789012',
  apiId: 'a1b2c3d4e5',
  region: 'eu-west-1',
  resourceId: 'r3s0ur',
  deploymentId: 'd3pl0y',
}

/** Reads a dotted name the way `$context.a.b` does; `undefined` when a level is missing. */
function read(context: { [key: string]: Json }, dotted: string): Json | undefined {
  let node: Json | undefined = context
  for (const part of dotted.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined
    if (!Object.hasOwn(node, part)) return undefined
    node = node[part]
  }
  return node
}

describe('formatRequestTime (CLF, UTC)', () => {
  const rows: [epoch: number, text: string][] = [
    [Date.UTC(2020, 2, 4, 19, 15, 17), '04/Mar/2020:19:15:17 +0000'],
    [1428582896000, '09/Apr/2015:12:34:56 +0000'],
    [Date.UTC(1999, 11, 31, 23, 59, 59, 999), '31/Dec/1999:23:59:59 +0000'],
    [0, '01/Jan/1970:00:00:00 +0000'],
    [Number.NaN, '01/Jan/1970:00:00:00 +0000'],
  ]
  it.each(rows)('%d → %s', (epoch, text) => expect(formatRequestTime(epoch)).toBe(text))
})

describe('proxyRequestContext', () => {
  const proxy = proxyRequestContext(BASE)

  it('has the keys of the AWS proxy event, in the developer guide example order', () => {
    expect(Object.keys(proxy)).toEqual([
      'resourceId',
      'resourcePath',
      'httpMethod',
      'extendedRequestId',
      'requestTime',
      'path',
      'accountId',
      'protocol',
      'stage',
      'domainPrefix',
      'requestTimeEpoch',
      'requestId',
      'identity',
      'domainName',
      'deploymentId',
      'apiId',
    ])
    expect(Object.keys(proxy.identity as object).sort()).toEqual([
      'accessKey',
      'accountId',
      'caller',
      'cognitoAuthenticationProvider',
      'cognitoAuthenticationType',
      'cognitoIdentityId',
      'cognitoIdentityPoolId',
      'principalOrgId',
      'sourceIp',
      'user',
      'userAgent',
      'userArn',
    ])
  })

  it('fills the request values', () => {
    expect(read(proxy, 'path')).toBe('/prod/pets/42')
    expect(read(proxy, 'requestTime')).toBe('04/Mar/2020:19:15:17 +0000')
    expect(read(proxy, 'requestTimeEpoch')).toBe(1583349317000)
    expect(read(proxy, 'domainName')).toBe('a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com')
    expect(read(proxy, 'domainPrefix')).toBe('a1b2c3d4e5')
    expect(read(proxy, 'resourceId')).toBe('r3s0ur')
    expect(read(proxy, 'deploymentId')).toBe('d3pl0y')
    expect(read(proxy, 'identity.sourceIp')).toBe('203.0.113.7')
    expect(read(proxy, 'identity.userAgent')).toBe(null)
    expect(read(proxy, 'identity.caller')).toBe(null)
    expect(read(proxy, 'error')).toBeUndefined()
  })

  it('uses the given user agent and source address', () => {
    const given = proxyRequestContext({
      ...BASE,
      userAgent: 'curl/8.0.1',
      sourceIp: '198.51.100.1',
    })
    expect(read(given, 'identity.userAgent')).toBe('curl/8.0.1')
    expect(read(given, 'identity.sourceIp')).toBe('198.51.100.1')
  })
})

describe('templateContext', () => {
  it('is the proxy event fields plus an empty error outside gateway responses', () => {
    const context = templateContext(BASE)
    expect(Object.keys(context)).toEqual([...Object.keys(proxyRequestContext(BASE)), 'error'])
    expect(context.error).toEqual({})
  })

  it('quotes the error message for gateway response templates', () => {
    const context = templateContext(BASE, {
      message: 'Missing Authentication Token',
      responseType: 'MISSING_AUTHENTICATION_TOKEN',
    })
    expect(read(context, 'error.messageString')).toBe('"Missing Authentication Token"')
    // The default gateway response template `{"message":$context.error.messageString}` then
    // renders the 42-byte body AWS sends.
    expect(`{"message":${String(read(context, 'error.messageString'))}}`).toHaveLength(42)
    expect(read(context, 'error.responseType')).toBe('MISSING_AUTHENTICATION_TOKEN')
    expect(read(context, 'error.validationErrorString')).toBe('')
    const quoted = templateContext(BASE, { message: 'say "hi"', responseType: 'X' })
    expect(read(quoted, 'error.messageString')).toBe('"say \\"hi\\""')
  })
})

describe('vtlOracleContext', () => {
  it('matches the values the oracle corpus prints', () => {
    const context = vtlOracleContext()
    // api-gateway.jsonl "gateway response context" and "DynamoDB PutItem".
    expect(
      [
        read(context, 'error.message'),
        read(context, 'error.messageString'),
        read(context, 'error.responseType'),
      ].join('|'),
    ).toBe('Internal server error|"Internal server error"|DEFAULT_5XX')
    expect(read(context, 'requestId')).toBe('c6af9ac6-7b61-11e6-9a41-93e8deadbeef')
    expect(read(context, 'requestTime')).toBe('09/Apr/2015:12:34:56 +0000')
  })

  it('is a fresh object each time, so merging a line into it cannot leak', () => {
    const a = vtlOracleContext()
    a.stage = 'changed'
    expect(vtlOracleContext().stage).toBe('test')
  })
})

import { describe, expect, it } from 'vitest'
import type { Json } from '../../model'
import {
  defaultContext,
  formatRequestTime,
  toProxyRequestContext,
  vtlOracleContext,
} from './context-fields'
import type { ContextOptions } from './context-fields'

const BASE: ContextOptions = {
  requestId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
  requestTimeEpoch: Date.UTC(2020, 2, 4, 19, 15, 17),
  stage: 'prod',
  httpMethod: 'GET',
  resourcePath: '/pets/{id}',
  path: '/pets/42',
  accountId: '123456789012',
  apiId: 'a1b2c3d4e5',
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
  ]
  it.each(rows)('%d → %s', (epoch, text) => expect(formatRequestTime(epoch)).toBe(text))
})

describe('defaultContext', () => {
  const context = defaultContext(BASE)

  it('has every data-transformation variable of the mapping template reference', () => {
    const documented = [
      'accountId',
      'apiId',
      'awsEndpointRequestId',
      'deploymentId',
      'domainName',
      'domainPrefix',
      'error.message',
      'error.messageString',
      'error.responseType',
      'error.validationErrorString',
      'extendedRequestId',
      'httpMethod',
      'identity.accountId',
      'identity.caller',
      'identity.cognitoAuthenticationProvider',
      'identity.cognitoAuthenticationType',
      'identity.cognitoIdentityId',
      'identity.cognitoIdentityPoolId',
      'identity.principalOrgId',
      'identity.sourceIp',
      'identity.user',
      'identity.userAgent',
      'identity.userArn',
      'path',
      'protocol',
      'requestId',
      'requestOverride.header',
      'requestOverride.path',
      'requestOverride.querystring',
      'responseOverride.header',
      'requestTime',
      'requestTimeEpoch',
      'resourceId',
      'resourcePath',
      'stage',
      'wafResponseCode',
      'webaclArn',
      'xrayTraceId',
    ]
    expect(documented.filter((name) => read(context, name) === undefined)).toEqual([])
  })

  it('fills the request values', () => {
    expect(read(context, 'path')).toBe('/prod/pets/42')
    expect(read(context, 'requestTime')).toBe('04/Mar/2020:19:15:17 +0000')
    expect(read(context, 'requestTimeEpoch')).toBe(1583349317000)
    expect(read(context, 'domainName')).toBe('a1b2c3d4e5.execute-api.us-east-1.amazonaws.com')
    expect(read(context, 'domainPrefix')).toBe('a1b2c3d4e5')
    expect(read(context, 'protocol')).toBe('HTTP/1.1')
    expect(read(context, 'identity.sourceIp')).toBe('203.0.113.7')
    expect(read(context, 'identity.userAgent')).toBe(null)
    expect(read(context, 'error.message')).toBe(null)
    expect(read(context, 'authorizer')).toBeUndefined()
    expect(read(context, 'identity.apiKey')).toBeUndefined()
  })

  it('keeps a // right after the stage in $context.path, as AWS does', () => {
    expect(read(defaultContext({ ...BASE, path: '//pets/42' }), 'path')).toBe('/prod//pets/42')
  })

  it('derives stable AWS-shaped ids when none are given', () => {
    expect(read(context, 'resourceId')).toMatch(/^[a-z0-9]{6}$/)
    expect(read(context, 'deploymentId')).toMatch(/^[a-z0-9]{6}$/)
    expect(read(context, 'extendedRequestId')).toMatch(/^[A-Za-z0-9+/]{15}=$/)
    expect(defaultContext(BASE)).toEqual(context)
    const other = defaultContext({ ...BASE, requestId: 'another' })
    expect(read(other, 'extendedRequestId')).not.toBe(read(context, 'extendedRequestId'))
    expect(read(other, 'resourceId')).toBe(read(context, 'resourceId'))
  })

  it('uses given values over the defaults', () => {
    const given = defaultContext({
      ...BASE,
      region: 'eu-west-1',
      sourceIp: '198.51.100.1',
      userAgent: 'curl/8.0.1',
      resourceId: 'abc123',
      authorizer: { principalId: 'user-1' },
      apiKey: 'key',
      awsEndpointRequestId: 'lambda-req',
    })
    expect(read(given, 'domainName')).toBe('a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com')
    expect(read(given, 'identity.sourceIp')).toBe('198.51.100.1')
    expect(read(given, 'identity.userAgent')).toBe('curl/8.0.1')
    expect(read(given, 'resourceId')).toBe('abc123')
    expect(read(given, 'authorizer.principalId')).toBe('user-1')
    expect(read(given, 'identity.apiKey')).toBe('key')
    expect(read(given, 'awsEndpointRequestId')).toBe('lambda-req')
  })

  it('quotes the error message for gateway response templates', () => {
    const error = defaultContext({
      ...BASE,
      error: {
        message: 'Missing Authentication Token',
        responseType: 'MISSING_AUTHENTICATION_TOKEN',
      },
    })
    expect(read(error, 'error.messageString')).toBe('"Missing Authentication Token"')
    // The default gateway response template `{"message":$context.error.messageString}` then
    // renders the 42-byte body AWS sends.
    expect(`{"message":${String(read(error, 'error.messageString'))}}`).toHaveLength(42)
    expect(read(error, 'error.responseType')).toBe('MISSING_AUTHENTICATION_TOKEN')
    const quoted = defaultContext({ ...BASE, error: { message: 'say "hi"', responseType: 'X' } })
    expect(read(quoted, 'error.messageString')).toBe('"say \\"hi\\""')
  })
})

describe('toProxyRequestContext', () => {
  it('has the keys and order of the recorded AWS proxy event', () => {
    const proxy = toProxyRequestContext(defaultContext(BASE))
    expect(Object.keys(proxy)).toEqual([
      'accountId',
      'apiId',
      'deploymentId',
      'domainName',
      'domainPrefix',
      'extendedRequestId',
      'httpMethod',
      'identity',
      'path',
      'protocol',
      'requestId',
      'requestTime',
      'requestTimeEpoch',
      'resourceId',
      'resourcePath',
      'stage',
    ])
    expect(Object.keys(proxy.identity as object)).toEqual([
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

  it('includes authorizer only when there is one', () => {
    const proxy = toProxyRequestContext(defaultContext({ ...BASE, authorizer: { claims: null } }))
    expect(proxy.authorizer).toEqual({ claims: null })
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
})

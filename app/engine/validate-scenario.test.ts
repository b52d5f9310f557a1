import { describe, expect, it } from 'vitest'
import type { Scenario } from '../model'
import { GATEWAY_RESPONSE_TYPES, validateScenario } from './validate-scenario'

function base(): Record<string, unknown> {
  return {
    setup: {
      stageName: 'dev',
      method: {
        httpMethod: 'GET',
        resourcePath: '/pets/{id}',
        methodResponses: { '200': { statusCode: '200' } },
        methodIntegration: {
          type: 'AWS',
          httpMethod: 'POST',
          uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations',
          requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
          integrationResponses: {
            '200': { statusCode: '200', selectionPattern: '' },
            '400': {
              statusCode: '400',
              selectionPattern: '.*Bad.*',
              responseParameters: { 'method.response.header.X-Type': "'static'" },
            },
          },
        },
      },
    },
    request: { method: 'GET', path: '/pets/42', query: 'a=1&a=2', headers: { Accept: ['a', 'b'] } },
    lambda: { kind: 'error', functionError: 'Unhandled', payload: { errorMessage: 'Bad input' } },
  }
}

/** `base()` with the value at a dotted path replaced (or deleted when `value` is undefined). */
function withValue(path: string, value: unknown): Record<string, unknown> {
  const root = base()
  const keys = path.split('.')
  let node = root as Record<string, unknown>
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>
  const last = keys[keys.length - 1]!
  if (value === undefined) delete node[last]
  else node[last] = value
  return root
}

function errors(value: unknown): string[] {
  return validateScenario(value)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`)
}

describe('validateScenario', () => {
  it('returns a clean copy of a valid scenario without diagnostics', () => {
    const input = base()
    const { scenario, diagnostics } = validateScenario(input)
    expect(diagnostics).toEqual([])
    expect(scenario).toEqual(input)
    expect(scenario).not.toBe(input)
    expect(scenario?.setup.method).not.toBe((input.setup as { method: unknown }).method)
  })

  it('takes a missing statusCode from its status-code key', () => {
    const input = withValue('setup.method.methodResponses', { '201': {} })
    expect(validateScenario(input).scenario?.setup.method.methodResponses).toEqual({
      '201': { statusCode: '201' },
    })
  })

  it('applies the FORMAT.md default stageName "test" and nothing else', () => {
    const { scenario } = validateScenario(withValue('setup.stageName', undefined))
    expect(scenario?.setup.stageName).toBe('test')
    expect(scenario?.setup.method.methodIntegration.passthroughBehavior).toBeUndefined()
  })

  it('turns malformed input into errors naming the JSON path', () => {
    const table: [unknown, string][] = [
      [null, 'scenario.type: scenario must be an object, not null'],
      [[], 'scenario.type: scenario must be an object, not an array'],
      ['{}', 'scenario.type: scenario must be an object, not the string "{}"'],
      [withValue('setup', undefined), 'scenario.missing: setup is required'],
      [withValue('setup.method', 5), 'scenario.type: setup.method must be an object, not number 5'],
      [
        withValue('setup.method.methodIntegration.type', 'HTTP'),
        'scenario.enum: setup.method.methodIntegration.type must be "AWS_PROXY" or "AWS"',
      ],
      [
        withValue('setup.method.methodIntegration.type', undefined),
        'scenario.missing: setup.method.methodIntegration.type is required',
      ],
      [
        withValue('setup.method.methodResponses', { '200': { statusCode: '2xx' } }),
        'scenario.status-code: setup.method.methodResponses["200"].statusCode must be an HTTP status code string such as "200", not the string "2xx"',
      ],
      [
        withValue('setup.method.methodResponses', { abc: { statusCode: '600' } }),
        'scenario.status-code: setup.method.methodResponses.abc.statusCode must be an HTTP status code string such as "200", not the string "600"',
      ],
      [
        withValue('setup.method.methodIntegration.requestTemplates', { 'application/json': 42 }),
        'scenario.type: setup.method.methodIntegration.requestTemplates["application/json"] must be a string, not number 42',
      ],
      [
        withValue('setup.method.methodIntegration.passthroughBehavior', 'ALWAYS'),
        'scenario.enum: setup.method.methodIntegration.passthroughBehavior must be one of "WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER"',
      ],
      [
        withValue('setup.method.methodIntegration.timeoutInMillis', '29000'),
        'scenario.type: setup.method.methodIntegration.timeoutInMillis must be a positive whole number of milliseconds',
      ],
      [
        withValue('setup.method.requestParameters', { 'method.request.querystring.q': 'yes' }),
        'scenario.type: setup.method.requestParameters["method.request.querystring.q"] must be true or false, not the string "yes"',
      ],
      [
        withValue('setup.method.resourcePath', 'pets'),
        'scenario.path: setup.method.resourcePath must start with "/"',
      ],
      [
        withValue('setup.binaryMediaTypes', 'image/png'),
        'scenario.type: setup.binaryMediaTypes must be an array of strings, not the string "image/png"',
      ],
      [
        withValue('request.method', 'GET /'),
        'scenario.method: request.method must be an HTTP method such as "GET"',
      ],
      [
        withValue('request.headers', { Accept: 1 }),
        'scenario.type: request.headers.Accept must be a string, not number 1',
      ],
      [
        withValue('request.headers', { 'Bad Name': 'x' }),
        'scenario.header-name: request.headers["Bad Name"]: "Bad Name" is not a valid header name',
      ],
      [
        withValue('request.headers', { A: ['x', null] }),
        'scenario.type: request.headers.A[1] must be a string, not null',
      ],
      [
        withValue('request.body', { a: 1 }),
        'scenario.type: request.body must be a string, not an object',
      ],
      [
        withValue('lambda.kind', 'returns'),
        'scenario.enum: lambda.kind must be one of "result", "error", "echo", "proxyEcho", "invokeFailure"',
      ],
      [
        withValue('lambda', { kind: 'result' }),
        'scenario.missing: lambda needs exactly one of payload and payloadRaw',
      ],
      [
        withValue('lambda', { kind: 'result', payload: 1, payloadRaw: '1' }),
        'scenario.missing: lambda needs exactly one of payload and payloadRaw',
      ],
      [withValue('lambda', { kind: 'error' }), 'scenario.missing: lambda.payload is required'],
      [
        withValue('lambda', { kind: 'invokeFailure', failure: 'boom' }),
        'scenario.enum: lambda.failure must be one of "timeout", "throttled", "notFound", "accessDenied", "payloadTooLarge", "integrationHttpMethodNotPost"',
      ],
      [
        withValue('lambda.payload', { n: Number.NaN }),
        'scenario.type: lambda.payload.n must be a finite number',
      ],
      [
        withValue('lambda.payload', { d: new Date(0) }),
        'scenario.type: lambda.payload.d must be a JSON value, not an object',
      ],
      [
        withValue('lambda.payload', [1, () => 1]),
        'scenario.type: lambda.payload[1] must be a JSON value, not function () => 1',
      ],
      [withValue('setup.gatewayResponses', { DEFAULT_5XX: { statusCode: 500 } }), ''],
    ]
    for (const [input, expected] of table) {
      const first = errors(input)[0] ?? ''
      expect(first).toBe(expected)
      expect(validateScenario(input).scenario === undefined).toBe(expected !== '')
    }
  })

  it('accepts a whole-number statusCode with a warning, and an AWS key it does not simulate with info', () => {
    const input = withValue('setup.gatewayResponses', {
      DEFAULT_5XX: { statusCode: 500, defaultResponse: true },
    })
    const { scenario, diagnostics } = validateScenario(input)
    expect(scenario?.setup.gatewayResponses).toEqual({ DEFAULT_5XX: { statusCode: '500' } })
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['info', 'scenario.ignored-field'],
      ['warning', 'scenario.status-code'],
    ])
  })

  it('drops unknown fields and unknown gateway response types with warnings', () => {
    const input = withValue('setup.method.methodIntegration.typo', 1)
    ;(input.setup as Record<string, unknown>).gatewayResponses = { NOT_A_TYPE: {} }
    const { scenario, diagnostics } = validateScenario(input)
    expect(scenario?.setup.method.methodIntegration).not.toHaveProperty('typo')
    expect(scenario?.setup.gatewayResponses).toEqual({})
    expect(diagnostics.map((d) => d.message)).toEqual([
      'setup.method.methodIntegration.typo is not a known field; ignored',
      'setup.gatewayResponses.NOT_A_TYPE: "NOT_A_TYPE" is not a gateway response type; ignored',
    ])
  })

  it('keeps hostile keys out of maps but keeps them as plain data inside JSON payloads', () => {
    const input = JSON.parse(JSON.stringify(base())) as Record<string, unknown>
    const templates = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": "x", "application/json": "t"}',
    )
    ;(
      (input.setup as Scenario['setup']).method.methodIntegration as Record<string, unknown>
    ).requestTemplates = templates
    input.lambda = JSON.parse(
      '{"kind": "result", "payload": {"__proto__": {"statusCode": 1}, "a": 1}}',
    )
    const { scenario, diagnostics } = validateScenario(input)
    expect(diagnostics.map((d) => d.code)).toEqual(['scenario.key', 'scenario.key'])
    const cleanTemplates = scenario!.setup.method.methodIntegration.requestTemplates!
    expect(Object.keys(cleanTemplates)).toEqual(['application/json'])
    expect(Object.getPrototypeOf(cleanTemplates)).toBe(Object.prototype)
    const payload = (scenario!.lambda as { payload: Record<string, unknown> }).payload
    expect(Object.keys(payload)).toEqual(['__proto__', 'a'])
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(JSON.stringify(payload)).toBe('{"__proto__":{"statusCode":1},"a":1}')
  })

  it('rejects deep, huge and cyclic values without throwing', () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(errors(withValue('lambda.payload', deep))[0]).toMatch(
      /^scenario.too-deep: lambda.payload(\[0\])+ is nested too deeply$/,
    )
    const wide = new Array(300_000).fill(0)
    expect(errors(withValue('lambda.payload', wide))).toEqual([
      'scenario.too-large: lambda.payload has too many items',
    ])
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(errors(withValue('lambda.payload', cyclic))[0]).toMatch(/^scenario.too-deep/)
    const manyHeaders = Object.fromEntries(
      Array.from({ length: 250_000 }, (_, i) => [`h${i}`, 'v']),
    )
    expect(errors(withValue('request.headers', manyHeaders))).toEqual([
      expect.stringMatching(
        /^scenario.too-large: request.headers.h\d+: the scenario holds too many values$/,
      ),
    ])
    const long = 'x'.repeat(17_000_000)
    expect(errors(withValue('request.body', long))).toEqual([
      'scenario.too-large: request.body: the scenario holds too much text',
    ])
  })

  it('reports input that cannot be read as data (throwing getters, proxies)', () => {
    const input = base()
    Object.defineProperty(input, 'request', {
      enumerable: true,
      get() {
        throw new Error('gotcha')
      },
    })
    expect(errors(input)).toEqual([
      'scenario.invalid: the scenario could not be read as plain JSON data',
    ])
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no')
        },
      },
    )
    expect(errors(proxy)).toEqual([
      'scenario.invalid: the scenario could not be read as plain JSON data',
    ])
  })

  it('gives every diagnostic the scenario source and an empty span', () => {
    const { diagnostics } = validateScenario(withValue('request', 1))
    expect(diagnostics).toEqual([
      {
        source: 'scenario',
        severity: 'error',
        code: 'scenario.type',
        message: 'request must be an object, not number 1',
        span: { start: 0, end: 0 },
      },
    ])
  })

  it('reads an error payloadRaw, keeps old error outcomes valid, and checks the raw text', () => {
    const payload = { errorMessage: 'x', errorType: 'Exception' }
    const withLambda = (lambda: unknown) => ({ ...base(), lambda })
    const old = validateScenario(withLambda({ kind: 'error', payload }))
    expect(old.diagnostics).toEqual([])
    expect(old.scenario?.lambda).toEqual({ kind: 'error', payload })
    const raw = '{"errorMessage": "x", "errorType": "Exception"}'
    const ok = validateScenario(
      withLambda({ kind: 'error', functionError: 'Unhandled', payload, payloadRaw: raw }),
    )
    expect(ok.diagnostics).toEqual([])
    expect(ok.scenario?.lambda).toEqual({
      kind: 'error',
      functionError: 'Unhandled',
      payload,
      payloadRaw: raw,
    })
    const wrongType = validateScenario(withLambda({ kind: 'error', payload, payloadRaw: 5 }))
    expect(wrongType.diagnostics.map((d) => d.code)).toEqual(['scenario.type'])
    const differs = validateScenario(withLambda({ kind: 'error', payload, payloadRaw: '{}' }))
    expect(differs.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'scenario.payload-raw'],
    ])
  })

  it('knows exactly the 21 gateway response types of the AWS ValidationException text', () => {
    // The gateway response types AWS accepts (recorded enum):
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
    const recorded =
      'REQUEST_TOO_LARGE, RESOURCE_NOT_FOUND, AUTHORIZER_CONFIGURATION_ERROR, MISSING_AUTHENTICATION_TOKEN, BAD_REQUEST_BODY, INVALID_SIGNATURE, INVALID_API_KEY, BAD_REQUEST_PARAMETERS, AUTHORIZER_FAILURE, UNAUTHORIZED, INTEGRATION_TIMEOUT, ACCESS_DENIED, DEFAULT_4XX, DEFAULT_5XX, WAF_FILTERED, QUOTA_EXCEEDED, THROTTLED, API_CONFIGURATION_ERROR, UNSUPPORTED_MEDIA_TYPE, INTEGRATION_FAILURE, EXPIRED_TOKEN'
    expect([...GATEWAY_RESPONSE_TYPES].sort()).toEqual(recorded.split(', ').sort())
  })
})

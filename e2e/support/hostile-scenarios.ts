/**
 * Hostile scenarios for share links: script payloads in every field, prototype keys, huge and
 * deeply nested JSON, catastrophic regexes and endless templates. Built here in Node; the spec
 * turns them into links with the app's own encoder.
 */
import type { Json, Scenario } from '../../app/model'

/** Markup and script that must only ever appear as text. */
export const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'

const URI =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations'

/** A custom-integration scenario whose function throws `errorMessage`. */
export function customError(errorMessage: string, selectionPattern: string): Scenario {
  return {
    setup: {
      method: {
        httpMethod: 'GET',
        resourcePath: '/lambda',
        methodResponses: { '200': { statusCode: '200' }, '400': { statusCode: '400' } },
        methodIntegration: {
          type: 'AWS',
          httpMethod: 'POST',
          uri: URI,
          integrationResponses: {
            '200': { statusCode: '200', selectionPattern: '' },
            '400': { statusCode: '400', selectionPattern },
          },
        },
      },
    },
    request: { method: 'GET', path: '/lambda' },
    lambda: {
      kind: 'error',
      functionError: 'Unhandled',
      payload: { errorMessage, errorType: 'Error', trace: [] },
    },
  }
}

/** A custom-integration scenario whose request template is `template` (echo function). */
export function withRequestTemplate(template: string): Scenario {
  const s = customError('x', '.*x.*')
  s.setup.method.methodIntegration.requestTemplates = { 'application/json': template }
  s.request = {
    method: 'POST',
    path: '/lambda',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  }
  s.setup.method.httpMethod = 'POST'
  s.lambda = { kind: 'echo' }
  return s
}

/** The payload in every string field and as every name we can put it in. */
export function scriptEverywhere(): Scenario {
  const named = { [XSS]: XSS, 'X-Normal': XSS }
  return {
    setup: {
      stageName: XSS,
      stageVariables: named,
      method: {
        httpMethod: 'POST',
        resourcePath: `/${XSS}`,
        requestParameters: { [`method.request.header.${XSS}`]: false },
        methodResponses: { '200': { statusCode: '200' }, '400': { statusCode: '400' } },
        methodIntegration: {
          type: 'AWS',
          httpMethod: 'POST',
          uri: XSS,
          requestTemplates: { 'application/json': `${XSS}$input.body`, [XSS]: XSS },
          requestParameters: { [`integration.request.header.${XSS}`]: `'${XSS}'` },
          integrationResponses: {
            '200': { statusCode: '200', selectionPattern: '', responseTemplates: { [XSS]: XSS } },
            '400': {
              statusCode: '400',
              selectionPattern: `.*${XSS}.*`,
              responseParameters: { [`method.response.header.${XSS}`]: `'${XSS}'` },
              responseTemplates: { 'application/json': `${XSS}$input.path('$.errorMessage')` },
            },
          },
        },
      },
      gatewayResponses: {
        DEFAULT_5XX: {
          responseTemplates: { 'application/json': XSS },
          responseParameters: { [XSS]: `'${XSS}'` },
        },
      },
      binaryMediaTypes: [XSS],
    },
    request: {
      method: 'POST',
      path: `/${XSS}`,
      query: `${XSS}=${XSS}`,
      headers: { ...named, 'Content-Type': 'application/json', Accept: XSS },
      body: JSON.stringify({ [XSS]: XSS }),
    },
    lambda: {
      kind: 'error',
      functionError: 'Unhandled',
      payload: { errorMessage: XSS, errorType: XSS, trace: [XSS] },
    },
  }
}

/**
 * Prototype keys as own properties everywhere (JSON text, so `__proto__` is a key and not a
 * setter), the way an attacker's link delivers them.
 */
export function prototypeKeys(): unknown {
  const poison =
    '{"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}}}'
  const base = JSON.stringify(customError('boom', '.*boom.*'))
  const scenario = JSON.parse(base) as Record<string, unknown>
  const inject = (o: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(JSON.parse(poison) as Record<string, unknown>))
      Object.defineProperty(o, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      })
  }
  const setup = scenario.setup as Record<string, Record<string, Record<string, unknown>>>
  inject(scenario)
  inject(setup as unknown as Record<string, unknown>)
  inject(setup.method as unknown as Record<string, unknown>)
  inject(setup.method!.methodIntegration as Record<string, unknown>)
  const integration = setup.method!.methodIntegration as Record<string, Record<string, unknown>>
  inject(integration.integrationResponses!)
  const request = scenario.request as Record<string, unknown>
  request.headers = JSON.parse(poison) as Json
  request.body = poison
  const lambda = scenario.lambda as Record<string, unknown>
  lambda.payload = JSON.parse(`{"errorMessage":"boom","__proto__":{"polluted":true}}`) as Json
  return scenario
}

/** A scenario carrying a body and a function result of about `bytes` of JSON. */
export function hugeJson(bytes: number): Scenario {
  const items: Json[] = []
  for (let i = 0, size = 0; size < bytes; i++) {
    const item = { id: i, name: `item ${i}`, tags: ['a', 'b', String(i % 7)] }
    size += JSON.stringify(item).length + 1
    items.push(item)
  }
  const s = customError('x', '.*x.*')
  s.request = { method: 'GET', path: '/lambda', body: JSON.stringify(items) }
  s.lambda = { kind: 'result', payload: { items } }
  return s
}

/** A body and a function result nested `depth` levels deep. */
export function deeplyNested(depth: number): Scenario {
  let payload: Json = 'bottom'
  for (let i = 0; i < depth; i++) payload = i % 2 === 0 ? [payload] : { a: payload }
  const s = withRequestTemplate("$input.json('$')")
  s.request.body = `${'['.repeat(depth * 10)}1${']'.repeat(depth * 10)}`
  s.lambda = { kind: 'result', payload }
  return s
}

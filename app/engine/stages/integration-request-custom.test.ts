import { describe, expect, it } from 'vitest'
import { createMeter } from '../../model'
import type { Integration } from '../../model'
import { customScenario, runContext } from '../scenario-builders.test-support'
import { buildCustomRequest } from './integration-request-custom'
import { routeMethodRequest } from './method-request'

function run(integration: Partial<Integration>, contentType?: string, body = '<a/>') {
  const s = customScenario(
    {},
    {
      request: {
        method: 'POST',
        path: '/lambda',
        body,
        ...(contentType ? { headers: { 'Content-Type': contentType } } : {}),
      },
    },
  )
  s.setup.method.httpMethod = 'POST'
  Object.assign(s.setup.method.methodIntegration, integration)
  const ctx = runContext(s)
  return buildCustomRequest(ctx, routeMethodRequest(ctx).output!)
}

describe('buildCustomRequest: passthroughBehavior (integration-passthrough-behaviors tables)', () => {
  it('with only an application/json template', () => {
    const t = { requestTemplates: { 'application/json': '{"t":1}' } }
    const table: [
      Integration['passthroughBehavior'],
      string | undefined,
      'transformed' | 'passthrough' | 415,
    ][] = [
      ['WHEN_NO_MATCH', undefined, 'transformed'],
      ['WHEN_NO_TEMPLATES', 'application/json', 'transformed'],
      ['NEVER', 'application/json; charset=UTF-8', 'transformed'],
      ['WHEN_NO_MATCH', 'application/xml', 'passthrough'],
      ['WHEN_NO_TEMPLATES', 'application/xml', 415],
      ['NEVER', 'application/xml', 415],
    ]
    for (const [behavior, ct, expected] of table) {
      const r = run({ ...t, passthroughBehavior: behavior }, ct)
      const got = r.failure ? r.failure.status : r.output?.template ? 'transformed' : 'passthrough'
      expect(got, `${behavior} ${ct}`).toBe(expected)
    }
  })

  it('with no templates at all', () => {
    expect(
      run({ passthroughBehavior: 'WHEN_NO_TEMPLATES' }, 'application/xml').output?.payloadText,
    ).toBe('<a/>')
    expect(run({ passthroughBehavior: 'NEVER' }, 'application/xml').failure?.type).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    )
    expect(run({}, undefined).output?.payloadText).toBe('<a/>')
  })

  it('selects the template by MIME type, case-insensitively and ignoring parameters', () => {
    const r = run(
      { requestTemplates: { 'text/plain': 'A', 'Application/JSON': 'B' } },
      'application/json;charset=UTF-8',
    )
    expect(r.output?.template).toBe('Application/JSON')
  })

  it('rejects a forbidden header mapping with 500 before choosing a template', () => {
    const r = run(
      { requestParameters: { 'integration.request.header.Content-Length': "'0'" } },
      undefined,
    )
    expect(r.failure).toMatchObject({ status: 500, type: 'API_CONFIGURATION_ERROR' })
  })

  it('honours the time budget: a stopped template is not rendered and fails', () => {
    const s = customScenario({}, { request: { method: 'GET', path: '/lambda' } })
    s.setup.method.methodIntegration.requestTemplates = { 'application/json': '{}' }
    const seen: string[] = []
    const ctx = runContext(s)
    ctx.env = {
      ...ctx.env,
      meter: createMeter({
        skip: ['integration.requestTemplates.application/json'],
        onEvaluate: (k) => {
          if (k !== null) seen.push(k)
        },
      }),
    }
    const r = buildCustomRequest(ctx, routeMethodRequest(ctx).output!)
    expect(r.failure?.status).toBe(500)
    expect(seen).toEqual([])
    expect(r.trace.diagnostics.map((d) => [d.code, d.source])).toEqual([
      ['budget.stopped', 'integration.requestTemplates.application/json'],
    ])
  })
})

describe('binary request payloads', () => {
  it('are base64 text for templates and CONVERT_TO_TEXT, raw bytes otherwise', () => {
    const binary = (integration: Partial<Integration>) => {
      const s = customScenario(
        {},
        {
          request: {
            method: 'POST',
            path: '/lambda',
            headers: { 'Content-Type': 'image/png' },
            body: 'hi',
          },
        },
      )
      s.setup.method.httpMethod = 'POST'
      s.setup.binaryMediaTypes = ['image/png']
      Object.assign(s.setup.method.methodIntegration, integration)
      const ctx = runContext(s)
      return buildCustomRequest(ctx, routeMethodRequest(ctx).output!).output?.payloadText
    }
    expect(binary({})).toBe('hi')
    expect(binary({ contentHandling: 'CONVERT_TO_TEXT' })).toBe('aGk=')
  })
})

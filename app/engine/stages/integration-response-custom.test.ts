import { describe, expect, it } from 'vitest'
import { createMeter } from '../../model'
import type { IntegrationResponse, Json } from '../../model'
import { customScenario, runContext } from '../scenario-builders.test-support'
import type { InvokeResult } from '../trace'
import { pickResponseTemplate, selectIntegrationResponse } from './integration-response-custom'
import { mapResponseParameters, walkJson, parsePathSteps } from './response-parameters'

function invoked(
  payload: Json,
  errorMessage?: string,
): Extract<InvokeResult, { kind: 'response' }> {
  return {
    kind: 'response',
    payloadText: JSON.stringify(payload),
    lambdaRequestId: 'r',
    responseHeaders: [
      ['Content-Type', 'application/json'],
      ['x-amzn-RequestId', 'r'],
    ],
    ...(errorMessage !== undefined ? { functionError: 'Unhandled', errorMessage } : {}),
  }
}

function select(responses: Record<string, IntegrationResponse>, errorMessage?: string) {
  const s = customScenario()
  s.setup.method.methodIntegration.integrationResponses = responses
  return selectIntegrationResponse(
    runContext(s),
    invoked({ errorMessage: errorMessage ?? null }, errorMessage),
  )
}

const SEED: Record<string, IntegrationResponse> = {
  '200': { statusCode: '200', selectionPattern: '' },
  '405': { statusCode: '405', selectionPattern: '.*four hundred.*' },
  '502': { statusCode: '502', selectionPattern: '.+' },
  '504': { statusCode: '504', selectionPattern: '200' },
}

describe('selectIntegrationResponse', () => {
  it('matches patterns against "" on success, so the default wins', () => {
    const r = select(SEED)
    expect(r.output?.status).toBe('200')
    expect(r.table.rules.map((x) => [x.statusCode, x.outcome, x.selected])).toEqual([
      ['200', 'default', true],
      ['405', 'not-matched', false],
      ['502', 'not-matched', false],
      ['504', 'not-matched', false],
    ])
  })

  it('takes the first matching pattern in key order and says the order is undocumented', () => {
    const r = select(SEED, 'Error: Raising four hundred from within the Lambda function')
    expect(r.output?.status).toBe('405')
    expect(r.trace.notes.some((n) => n.includes('does not document'))).toBe(true)
    expect(r.table.choice).toBe('uncertain')
    expect(r.table.chosen).toBe('405')
    expect(select(SEED, 'five hundred').output?.status).toBe('502')
  })

  it('ignores a response whose status code AWS would reject', () => {
    const r = select(
      { '99': { statusCode: '99', selectionPattern: '' }, '400': { statusCode: '400' } },
      'Dummy error ...',
    )
    expect(r.output?.status).toBe('400')
    expect(r.table.rules[0]).toMatchObject({ statusCode: '99', outcome: 'invalid' })
  })

  it('falls back to the default for an unmapped error and fails without one', () => {
    expect(
      select(
        { '200': { statusCode: '200' }, '400': { statusCode: '400', selectionPattern: 'Dummy' } },
        'Dummy error ...',
      ).output?.status,
    ).toBe('200')
    const none = select(
      { '400': { statusCode: '400', selectionPattern: '.*Bad.*' } },
      'Dummy error ...',
    )
    expect(none.failure?.logLine).toBe(
      'Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: 200',
    )
  })

  it('does not evaluate a stopped pattern and counts it as not matching', () => {
    const s = customScenario()
    s.setup.method.methodIntegration.integrationResponses = SEED
    const ctx = runContext(s)
    const seen: string[] = []
    ctx.env = {
      ...ctx.env,
      meter: createMeter({
        skip: ['integration.responses.405.selectionPattern'],
        onEvaluate: (k) => {
          if (k !== null) seen.push(k)
        },
      }),
    }
    const r = selectIntegrationResponse(ctx, invoked({}, 'four hundred'))
    expect(seen).toEqual([
      'integration.responses.502.selectionPattern',
      'integration.responses.504.selectionPattern',
    ])
    expect(r.table.rules.find((x) => x.statusCode === '405')?.outcome).toBe('stopped')
    expect(r.output?.status).toBe('502')
    expect(r.trace.diagnostics.map((d) => d.source)).toContain(
      'integration.responses.405.selectionPattern',
    )
  })
})

describe('pickResponseTemplate', () => {
  it('uses Accept, then application/json, then the first template', () => {
    const t = { 'text/html': 'h', 'application/json': 'j' }
    expect(pickResponseTemplate(t, 'text/html; q=1, application/json')?.key).toBe('text/html')
    expect(pickResponseTemplate(t, undefined)?.key).toBe('application/json')
    expect(pickResponseTemplate(t, '*/*')?.key).toBe('application/json')
    expect(pickResponseTemplate({ 'text/html': 'h', 'text/xml': 'x' }, '*/*')?.key).toBe(
      'text/html',
    )
    expect(pickResponseTemplate({}, 'text/html')).toBeUndefined()
  })
})

describe('response parameters', () => {
  it('walks JSON paths, parsing a JSON errorMessage on the way', () => {
    const body = { errorType: 'E', errorMessage: '{"httpStatus": 404, "detail": {"a": 1}}' }
    expect(walkJson(body, parsePathSteps('errorMessage.httpStatus'))).toBe(404)
    expect(walkJson(body, parsePathSteps('errorMessage.detail'))).toEqual({ a: 1 })
    expect(walkJson([{ x: 'y' }], parsePathSteps("[0]['x']"))).toBe('y')
    expect(walkJson(body, parsePathSteps('missing.deeper'))).toBeUndefined()
  })

  it('maps declared headers, remaps reserved names and skips undeclared ones', () => {
    const ctx = runContext(customScenario())
    const r = mapResponseParameters(
      ctx,
      invoked({ errorType: 'Exception' }, 'x'),
      {
        'method.response.header.X-Error-Type': 'integration.response.body.errorType',
        'method.response.header.Date': "'today'",
        'method.response.header.Via': "'proxy'",
        'method.response.header.X-Req': 'integration.response.header.x-amzn-requestid',
        'method.response.header.X-Undeclared': "'v'",
      },
      {
        statusCode: '200',
        responseParameters: {
          'method.response.header.X-Error-Type': false,
          'method.response.header.Date': false,
          'method.response.header.Via': false,
          'method.response.header.X-Req': false,
        },
      },
      '200',
      {},
    )
    expect(r.headers).toEqual([
      ['X-Error-Type', 'Exception'],
      ['x-amzn-Remapped-Date', 'today'],
      ['X-Req', 'r'],
    ])
    expect(r.diagnostics.map((d) => d.code)).toEqual(['mapping.undeclared'])
  })
})

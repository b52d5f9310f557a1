import { describe, expect, it } from 'vitest'
import { createMeter, type Scenario, type Simulation } from '../model'
import { createEnv } from './env'
import { DUMMY_ERROR, HELLO, customScenario, proxyScenario } from './scenario-builders.test-support'
import { simulate } from './simulate'

/** Log lines without their timestamp prefix. */
const steps = (sim: Simulation) => sim.log.slice(1).map((l) => l.replace(/^.* UTC \d{4} : /, ''))
const header = (sim: Simulation, name: string) =>
  sim.response.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v)

describe('simulate: the seed walkthrough', () => {
  it('custom success → 200 with the whole result as body', () => {
    const sim = simulate(customScenario(), createEnv())
    expect(sim.response.statusCode).toBe(200)
    expect(sim.response.body).toBe('{"statusCode":200,"body":"\\"Hello from Lambda!\\""}')
    expect(header(sim, 'Content-Type')).toEqual(['application/json'])
    expect(header(sim, 'X-Amzn-Trace-Id')).toHaveLength(1)
    expect(sim.lambdaEvent).toEqual({})
    expect(sim.lambdaEventText).toBe('')
  })

  it('custom unmapped error → 200 with the error JSON', () => {
    const sim = simulate(customScenario({}, { lambda: DUMMY_ERROR }), createEnv())
    expect(sim.response.statusCode).toBe(200)
    expect(JSON.parse(sim.response.body)).toMatchObject({ errorMessage: 'Dummy error ...' })
  })

  it('custom error mapped by .*Dummy error.* → 400', () => {
    const sim = simulate(
      customScenario(
        { '400': { statusCode: '400', selectionPattern: '.*Dummy error.*' } },
        { lambda: DUMMY_ERROR },
      ),
      createEnv(),
    )
    expect(sim.response.statusCode).toBe(400)
    const rules = sim.rules.rules
    expect(sim.rules.status).toBe('applied')
    expect(rules.map((r) => [r.statusCode, r.outcome, r.selected])).toEqual([
      ['200', 'default', false],
      ['400', 'matched', true],
    ])
  })

  it('proxy: success passes the body, an error is 502 with the customer-function-error line', () => {
    const ok = simulate(proxyScenario({ request: { method: 'GET', path: '/lambda' } }), createEnv())
    expect([ok.response.statusCode, ok.response.body]).toEqual([200, '"Hello from Lambda!"'])
    const bad = simulate(proxyScenario({ lambda: DUMMY_ERROR }), createEnv())
    expect([bad.response.statusCode, bad.response.body]).toEqual([
      502,
      '{"message": "Internal server error"}',
    ])
    expect(steps(bad).slice(-2)).toEqual([
      'Lambda execution failed with status 200 due to customer function error: Dummy error .... Lambda request id: abcd1234-abb9-4ca3-b848-993693f465ab',
      'Method completed with status: 502',
    ])
    expect(header(bad, 'x-amzn-ErrorType')).toEqual(['InternalServerErrorException'])
    expect(header(bad, 'X-Amzn-Trace-Id')).toEqual([])
  })
})

describe('simulate: the execution log', () => {
  it('writes the console test log sequence of a custom success', () => {
    expect(steps(simulate(customScenario(), createEnv()))).toEqual([
      'Starting execution for request: 00000000-0000-4000-8000-000000000001',
      'HTTP Method: GET, Resource Path: /lambda',
      'Method request path: {}',
      'Method request query string: {}',
      'Method request headers: {}',
      'Method request body before transformations: ',
      expect.stringMatching(
        /^Endpoint request URI: https:\/\/lambda\.us-east-1\.amazonaws\.com\/2015-03-31\/functions\/arn:aws:lambda:us-east-1:123456789012:function:fn\/invocations$/,
      ),
      expect.stringMatching(
        /^Endpoint request headers: \{x-amzn-lambda-integration-tag=.*X-Amz-Security-Token=.* \[TRUNCATED\]$/,
      ),
      'Endpoint request body after transformations: ',
      expect.stringMatching(/^Sending request to https:\/\/lambda/),
      expect.stringMatching(/^Received response\. Status: 200, Integration latency: \d+ ms$/),
      expect.stringMatching(/^Endpoint response headers: \{Date=.*, Content-Length=50, /),
      'Endpoint response body before transformations: {"statusCode":200,"body":"\\"Hello from Lambda!\\""}',
      'Method response body after transformations: {"statusCode":200,"body":"\\"Hello from Lambda!\\""}',
      expect.stringMatching(
        /^Method response headers: \{X-Amzn-Trace-Id=Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=0, Content-Type=application\/json\}$/,
      ),
      'Successfully completed execution',
      'Method completed with status: 200',
    ])
  })

  it('ends a timeout with the timeout line and 504', () => {
    const sim = simulate(
      proxyScenario({ lambda: { kind: 'invokeFailure', failure: 'timeout' } }),
      createEnv(),
    )
    expect(sim.response).toMatchObject({
      statusCode: 504,
      body: '{"message": "Endpoint request timed out"}',
    })
    expect(steps(sim).slice(-3)).toEqual([
      expect.stringMatching(/^Sending request to /),
      'Execution failed due to a timeout error',
      'Method completed with status: 504',
    ])
  })

  it('has no execution log when no method is reached', () => {
    const sim = simulate(proxyScenario({ request: { method: 'GET', path: '/' } }), createEnv())
    expect(sim.response.statusCode).toBe(403)
    expect(sim.log).toEqual([])
    expect(sim.lambdaEvent).toBeUndefined()
  })
})

describe('simulate: robustness', () => {
  it('returns one trace entry per stage, in pipeline order', () => {
    const sim = simulate(customScenario(), createEnv())
    expect(sim.trace.map((t) => [t.stage, t.status])).toEqual([
      ['method-request', 'ok'],
      ['integration-request', 'ok'],
      ['lambda', 'ok'],
      ['integration-response', 'ok'],
      ['method-response', 'ok'],
      ['gateway-response', 'skipped'],
    ])
  })

  it('is deterministic for the same env and JSON-serialisable', () => {
    const a = simulate(proxyScenario(), createEnv())
    const b = simulate(proxyScenario(), createEnv())
    expect(JSON.parse(JSON.stringify(a))).toEqual(b)
  })

  it('never throws: an unreadable scenario becomes a 500 with engine.internal', () => {
    const garbage = [
      {},
      { setup: {} },
      { setup: { method: null }, request: null, lambda: null },
    ] as unknown as Scenario[]
    for (const g of garbage) {
      const sim = simulate(g, createEnv())
      expect(sim.response.statusCode).toBe(500)
      expect(sim.diagnostics.map((d) => d.code)).toContain('engine.internal')
    }
  })

  it('answers a selected status without a method response with 500', () => {
    const s = customScenario({}, { lambda: HELLO })
    s.setup.method.methodResponses = {}
    const sim = simulate(s, createEnv())
    expect(sim.response.statusCode).toBe(500)
    expect(steps(sim)).toContain(
      'Execution failed due to configuration error: Output mapping refers to an invalid method response: 200',
    )
  })
})

describe('simulate: budget hooks', () => {
  it('reports each pattern before matching it and skips stopped ones', () => {
    const seen: string[] = []
    const s = customScenario(
      {
        '400': { statusCode: '400', selectionPattern: '.*Dummy error.*' },
        '500': { statusCode: '500', selectionPattern: '.+' },
      },
      { lambda: DUMMY_ERROR },
    )
    const meter = createMeter({
      skip: ['integration.responses.400.selectionPattern'],
      onEvaluate: (k) => {
        if (k !== null) seen.push(k)
      },
    })
    const sim = simulate(s, createEnv({ meter }))
    expect(seen).toEqual(['integration.responses.500.selectionPattern'])
    expect(sim.response.statusCode).toBe(500)
    const rule = sim.rules.rules.find((r) => r.statusCode === '400')
    expect(rule?.outcome).toBe('stopped')
    expect(sim.limits).toEqual([
      {
        limit: 'wall-time',
        count: 0,
        max: 0,
        key: 'integration.responses.400.selectionPattern',
        earlier: true,
      },
    ])
    expect(sim.log.some((l) => l.includes('(simulator) stopped'))).toBe(true)
    expect(
      sim.diagnostics.some((d) => d.source === 'integration.responses.400.selectionPattern'),
    ).toBe(true)
  })

  it('logs the customer-function-error line for a custom integration too', () => {
    const sim = simulate(customScenario({}, { lambda: DUMMY_ERROR }), createEnv())
    expect(steps(sim)).toContain(
      'Lambda execution failed with status 200 due to customer function error: Dummy error .... Lambda request id: abcd1234-abb9-4ca3-b848-993693f465ab',
    )
    expect(steps(sim).at(-1)).toBe('Method completed with status: 200')
  })
})

describe('simulate: asynchronous invocation', () => {
  it('X-Amz-Invocation-Type Event: Lambda answers 202 with no payload and the default response sends it', () => {
    const s = customScenario({}, { lambda: DUMMY_ERROR })
    s.setup.method.methodIntegration.requestParameters = {
      'integration.request.header.X-Amz-Invocation-Type': "'Event'",
    }
    const sim = simulate(s, createEnv())
    expect([sim.response.statusCode, sim.response.body]).toEqual([200, ''])
    expect(steps(sim)).toContain('Received response. Status: 202, Integration latency: 25 ms')
    expect(steps(sim).find((l) => l.startsWith('Endpoint request headers:'))).toContain(
      'X-Amz-Invocation-Type=Event',
    )
  })
})

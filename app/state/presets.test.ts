import { describe, expect, it } from 'vitest'
import { createEnv, simulate, validateScenario } from '../engine'
import { createDefaultScenario, PRESETS, readPresetScenario } from './presets'

/** The status each preset must produce, per the seed article and the AWS documentation. */
const EXPECTED_STATUS: Record<string, number> = {
  'seed-custom-error': 400,
  'seed-custom-success': 200,
  'seed-proxy-error': 502,
  'seed-proxy-success': 200,
  'multi-line-error': 200,
  'json-error-message': 404,
  'malformed-proxy': 502,
  timeout: 504,
  'function-timeout': 200,
  'function-timeout-proxy': 502,
}

describe('presets', () => {
  it('start with the seed handler throwing behind a custom integration', () => {
    const seed = createDefaultScenario()
    expect(PRESETS[0]!.id).toBe('seed-custom-error')
    expect(seed.setup.method.methodIntegration.type).toBe('AWS')
    expect(seed.lambda).toMatchObject({
      kind: 'error',
      functionError: 'Unhandled',
      payload: { errorMessage: 'Dummy error ...', errorType: 'Exception' },
    })
    // The seed's Python handler error, byte for byte (Python's ", " / ": " spacing).
    const raw = seed.lambda.kind === 'error' ? (seed.lambda.payloadRaw ?? '') : ''
    expect(raw.replace(/"requestId": "[0-9a-f-]{36}"/, '"requestId": "<id>"')).toBe(
      '{"errorMessage": "Dummy error ...", "errorType": "Exception", "requestId": "<id>", "stackTrace": ["  File \\"/var/task/lambda_function.py\\", line 6, in lambda_handler\\n    raise Exception(\'Dummy error ...\')\\n"]}',
    )
    expect(seed.setup.method.methodIntegration.integrationResponses).toEqual({
      '200': { statusCode: '200', selectionPattern: '' },
      '400': { statusCode: '400', selectionPattern: '.*Dummy error.*' },
    })
    expect(Object.keys(seed.setup.method.methodResponses ?? {})).toEqual(['200', '400'])
  })

  it('are all valid scenarios with the documented outcome', () => {
    expect(PRESETS.map((p) => p.id).sort()).toEqual(Object.keys(EXPECTED_STATUS).sort())
    for (const preset of PRESETS) {
      const checked = validateScenario(preset.scenario)
      expect(
        checked.diagnostics.filter((d) => d.severity === 'error'),
        preset.id,
      ).toEqual([])
      const simulation = simulate(preset.scenario, createEnv())
      expect(simulation.response.statusCode, preset.id).toBe(EXPECTED_STATUS[preset.id])
    }
  })

  it('tell the function’s own timeout from API Gateway’s integration timeout', () => {
    const custom = simulate(readPresetScenario('function-timeout')!, createEnv())
    expect(custom.response.statusCode).toBe(200)
    expect(JSON.parse(custom.response.body)).toMatchObject({ errorType: 'Sandbox.Timedout' })
    expect(custom.log.join('\n')).toContain('Task timed out after 1.00 seconds')
    const gw = simulate(readPresetScenario('timeout')!, createEnv())
    expect([gw.response.statusCode, gw.response.body]).toEqual([
      504,
      '{"message": "Endpoint request timed out"}',
    ])
    expect(PRESETS.find((p) => p.id === 'timeout')!.label).toContain('Integration timeout')
    expect(PRESETS.find((p) => p.id === 'function-timeout')!.label).toContain('Function timeout')
  })

  it('give the seed success body the article shows', () => {
    const simulation = simulate(readPresetScenario('seed-custom-success')!, createEnv())
    expect(JSON.parse(simulation.response.body)).toEqual({
      statusCode: 200,
      body: '"Hello from Lambda!"',
    })
  })

  it('read the JSON errorMessage with $util.parseJson in the 404 template', () => {
    const simulation = simulate(readPresetScenario('json-error-message')!, createEnv())
    expect(JSON.parse(simulation.response.body)).toEqual({ code: 404, message: 'Pet 42 not found' })
  })

  it('hand out copies, so editing one never changes the preset', () => {
    const copy = readPresetScenario('seed-custom-error')!
    copy.request.path = '/changed'
    expect(readPresetScenario('seed-custom-error')!.request.path).toBe('/lambda')
    expect(readPresetScenario('no-such-preset')).toBeUndefined()
  })
})

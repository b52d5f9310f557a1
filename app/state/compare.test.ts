import { describe, expect, it } from 'vitest'
import { createEnv } from '../engine'
import {
  buildCompareScenarios,
  buildOutcomeScenario,
  buildVariantScenario,
  findBodyDifference,
  findColumnDifferences,
  readShortTrace,
} from './compare'
import { compareIntegrations, tabulateOutcomes } from './lesson'
import { LESSON_OUTCOMES } from './outcomes'
import { readPresetScenario } from './presets'

const seed = (id: string) => readPresetScenario(id)!
const env = () => createEnv()

describe('compare variants', () => {
  it('build proxy, default-only and own-rules scenarios without changing the input', () => {
    const scenario = seed('seed-custom-error')
    const before = JSON.stringify(scenario)
    const v = buildCompareScenarios(scenario)
    expect(JSON.stringify(scenario)).toBe(before)
    expect(v.proxy.setup.method.methodIntegration.type).toBe('AWS_PROXY')
    expect(v['custom-default'].setup.method.methodIntegration).toMatchObject({
      type: 'AWS',
      integrationResponses: { '200': { statusCode: '200', selectionPattern: '' } },
    })
    expect(v['custom-rules'].setup.method.methodIntegration.integrationResponses).toEqual(
      scenario.setup.method.methodIntegration.integrationResponses,
    )
    expect(v['custom-rules'].setup.method.methodIntegration.type).toBe('AWS')
  })

  it('adds the method response 200 the default response needs', () => {
    const scenario = seed('seed-custom-error')
    scenario.setup.method.methodResponses = { '400': { statusCode: '400' } }
    const v = buildVariantScenario(scenario, 'custom-default')
    expect(Object.keys(v.setup.method.methodResponses ?? {})).toEqual(['200', '400'])
  })
})

describe('compare columns', () => {
  it('read 502 / 200 / 400 for the seed error, from either integration type', () => {
    for (const id of ['seed-custom-error', 'seed-proxy-error']) {
      const columns = compareIntegrations(seed(id), env)
      expect(columns.map((c) => c.response.statusCode)).toEqual([502, 200, 400])
      expect(columns.map((c) => c.rule.kind)).toEqual(['not-applicable', 'default', 'matched'])
      const [, def, own] = columns
      expect(own!.rule).toMatchObject({ statusCode: '400', selectionPattern: '.*Dummy error.*' })
      expect(def!.rule.why).toContain('default response')
      expect(readShortTrace(own!).map((s) => s.stage)).toContain('integration-response')
      // Different statuses: no body is marked.
      expect(findColumnDifferences(columns)).toEqual([undefined, undefined, undefined])
    }
  })

  it('read 200 / 200 / 200 with different bodies for the seed success', () => {
    const columns = compareIntegrations(seed('seed-custom-success'), env)
    expect(columns.map((c) => c.response.statusCode)).toEqual([200, 200, 200])
    expect(columns[0]!.response.body).toBe('"Hello from Lambda!"')
    expect(columns[1]!.response.body).toContain('"statusCode":200')
    const diffs = findColumnDifferences(columns)
    expect(diffs[0]).toBeDefined()
    expect(diffs[1]).toBeDefined()
    expect(diffs[2]).toBeDefined()
    // Custom with and without rules send the same body, but it differs from the proxy one.
    expect(columns[1]!.response.body).toBe(columns[2]!.response.body)
  })

  it('explain why no pattern matched', () => {
    const scenario = seed('seed-custom-error')
    scenario.lambda = { kind: 'error', functionError: 'Unhandled', payload: { errorMessage: 'x' } }
    const own = compareIntegrations(scenario, env)[2]!
    expect(own.rule.kind).toBe('default')
    expect(own.rule.why).toMatch(/No pattern matched "x" \(\.\*Dummy error\.\*: /)
  })
})

describe('body difference', () => {
  it('is the span between the common prefix and suffix', () => {
    expect(findBodyDifference('abc', 'abc')).toBeUndefined()
    expect(findBodyDifference('{"a":1}', '{"a":22}')).toEqual({ start: 5, endA: 6, endB: 7 })
    expect(findBodyDifference('ab', 'b')).toEqual({ start: 0, endA: 1, endB: 0 })
  })
})

describe('outcome table', () => {
  it('has a row per outcome and the lesson in its cells', () => {
    const rows = tabulateOutcomes(seed('seed-custom-error'), env)
    expect(rows.map((r) => r.id)).toEqual(LESSON_OUTCOMES.map((o) => o.id))
    const status = (id: string) => rows.find((r) => r.id === id)!.cells.map((c) => c.statusCode)
    expect(status('success')).toEqual([200, 200, 200])
    expect(status('seed-error')).toEqual([502, 200, 400])
    expect(status('function-timeout')).toEqual([502, 200, 200])
    expect(status('malformed-proxy')).toEqual([502, 200, 200])
    for (const runtime of ['nodejs', 'java', 'ruby', 'dotnet', 'go'])
      expect(status(`${runtime}-error`)).toEqual([502, 200, 400])
  })

  it('loads a cell as a scenario', () => {
    const loaded = buildOutcomeScenario(seed('seed-custom-error'), 'function-timeout', 'proxy')!
    expect(loaded.setup.method.methodIntegration.type).toBe('AWS_PROXY')
    expect(loaded.lambda.kind).toBe('error')
    expect(buildOutcomeScenario(seed('seed-custom-error'), 'nope', 'proxy')).toBeUndefined()
  })
})

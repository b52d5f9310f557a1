import { describe, expect, it } from 'vitest'
import type { LambdaOutcome } from '../../model'
import { createMeter } from '../../model'
import { createEnv } from '../env'
import { customScenario, proxyScenario } from '../scenario-builders.test-support'
import { simulate } from '../simulate'
import { selectForErrorMessages } from './integration-response-batch'

const RULES = {
  '200': { statusCode: '200' },
  '400': { statusCode: '400', selectionPattern: '.*Dummy.*' },
  '500': { statusCode: '500', selectionPattern: '(' },
}

const error = (errorMessage: unknown): LambdaOutcome => ({
  kind: 'error',
  payload: { errorType: 'Error', errorMessage } as never,
})

describe('the rule table', () => {
  it('matches the whole errorMessage of a function error, and reports a pattern that does not compile', () => {
    const sim = simulate(customScenario(RULES, { lambda: error('Dummy error') }), createEnv())
    const { rules } = sim
    expect(rules.status).toBe('applied')
    expect(rules.subject).toEqual({ text: 'Dummy error', from: 'errorMessage' })
    expect(rules.chosen).toBe('400')
    expect(rules.choice).toBe('matched')
    expect(rules.rules.map((r) => [r.key, r.outcome, r.compiled, r.selected])).toEqual([
      ['200', 'default', true, false],
      ['400', 'matched', true, true],
      ['500', 'invalid', false, false],
    ])
    expect(rules.rules[2]!.diagnostics[0]).toMatchObject({
      source: 'integration.responses.500.selectionPattern',
      code: 'regex.syntax',
    })
    expect(sim.response.statusCode).toBe(400)
  })

  it('matches "" on success, and a non-string errorMessage as its JSON text', () => {
    const success = simulate(
      customScenario(RULES, { lambda: { kind: 'result', payload: { ok: true } } }),
      createEnv(),
    )
    expect(success.rules.subject).toEqual({ text: '', from: 'success' })
    expect(success.rules.choice).toBe('default')
    const nested = simulate(customScenario(RULES, { lambda: error({ n: 1 }) }), createEnv())
    expect(nested.rules.subject).toEqual({ text: '{"n":1}', from: 'errorMessage' })
    expect(nested.rules.rules[1]!.explanation).toMatch(/pattern/i)
  })

  it('says when the choice between several matching patterns is uncertain', () => {
    const sim = simulate(
      customScenario(
        {
          '405': { statusCode: '405', selectionPattern: '.*four.*' },
          '502': { statusCode: '502', selectionPattern: '.+' },
        },
        { lambda: error('four hundred') },
      ),
      createEnv(),
    )
    expect(sim.rules.choice).toBe('uncertain')
    expect(sim.rules.chosen).toBe('405')
    expect(sim.rules.reason).toMatch(/does not document/)
  })

  it('is ignored by a proxy integration, with the reason, and never chooses', () => {
    const scenario = proxyScenario({ lambda: error('Dummy error') })
    scenario.setup.method.methodIntegration.integrationResponses = RULES
    const sim = simulate(scenario, createEnv())
    expect(sim.rules.status).toBe('ignored')
    expect(sim.rules.reason).toMatch(/ignores integration responses/)
    expect(sim.rules.chosen).toBeUndefined()
    expect(sim.rules.rules.find((r) => r.key === '400')?.outcome).toBe('matched')
    expect(sim.rules.rules.every((r) => !r.selected)).toBe(true)
    expect(sim.response.statusCode).toBe(502)
    // The pattern that does not compile is still marked in its editor.
    expect(
      sim.diagnostics.some((d) => d.source === 'integration.responses.500.selectionPattern'),
    ).toBe(true)
  })

  it('is not reached when the invocation fails, and then only compiles the patterns', () => {
    const sim = simulate(
      customScenario(RULES, { lambda: { kind: 'invokeFailure', failure: 'timeout' } }),
      createEnv(),
    )
    expect(sim.rules.status).toBe('not-reached')
    expect(sim.rules.subject).toBeUndefined()
    expect(sim.rules.rules.map((r) => [r.key, r.outcome, r.compiled])).toEqual([
      ['200', 'default', true],
      ['400', 'not-evaluated', true],
      ['500', 'not-evaluated', false],
    ])
  })
})

describe('the rule table for many messages', () => {
  const rules = {
    ...RULES,
    '404': { statusCode: '404', selectionPattern: '.*\\[404\\].*' },
    '403': { statusCode: '403', selectionPattern: '(?i).*forbidden.*' },
    '409': { statusCode: '409', selectionPattern: '(a+)+b' },
    '600': { statusCode: '600', selectionPattern: '.*' },
  }
  const messages = [
    'Dummy error',
    '[404] gone',
    'Error: [404] gone\n  at x',
    'FORBIDDEN here',
    'aaaaaaaaaaab',
    'Dummy [404]',
    '',
    'other',
  ]

  it('gives each message the outcomes and choice of its own table, with or without a budget', () => {
    let t = 0
    const meters = {
      plain: () => createMeter(),
      budgeted: () => createMeter({ limits: { 'wall-time': 1e9 }, clock: () => t++ }),
    }
    for (const [name, meter] of Object.entries(meters)) {
      const scenario = customScenario(rules)
      const batch = selectForErrorMessages(scenario, messages, createEnv({ meter: meter() }))
      messages.forEach((message, i) => {
        const table = simulate(
          customScenario(rules, { lambda: error(message) }),
          createEnv({ meter: meter(), explainMismatches: false }),
        ).rules
        expect({ name, message, ...batch.selections[i] }).toEqual({
          name,
          message,
          selected: table.chosen,
          outcomes: table.rules.map((r) => r.outcome),
        })
      })
    }
  })
})

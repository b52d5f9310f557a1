/**
 * The page and the engine cannot disagree about rules: everything the page shows about a rule is
 * read from the simulation's rule table by pure selectors, and the table's choice is the status
 * the response got. Checked on every preset and on generated scenarios.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  scenario as anyScenario,
  lambdaOutcome,
  selectionPattern,
  text,
} from '../../scripts/fuzz/arbitraries'
import { createEnv, simulate } from '../engine'
import type { Scenario, Simulation } from '../model'
import { PRESETS, readPresetScenario } from './presets'
import { readRuleEvaluation, selectRuleEvaluation, selectRuleTableStatus } from './selectors'
import { createAppStore } from './store'

/** Fails unless the store's rule state is the table's, and the table's choice is the response's. */
function expectAgreement(scenario: Scenario): Simulation {
  const simulation = simulate(scenario, createEnv())
  const table = simulation.rules
  const store = createAppStore()
  store.getState().receiveOutput({ simulation })
  const state = store.getState()
  // The page's rule state: a pure function of the Simulation, row by row.
  expect(selectRuleTableStatus(state)).toBe(table.status)
  for (const row of table.rules) {
    expect(selectRuleEvaluation(state, row.key)).toBe(row)
    expect(readRuleEvaluation(simulation, row.key)).toBe(row)
  }
  // One rule at most is selected, and it is the table's choice.
  expect(table.rules.filter((r) => r.selected).map((r) => r.key)).toEqual(
    table.chosen === undefined ? [] : [table.chosen],
  )
  if (table.status !== 'applied') expect(table.chosen).toBeUndefined()
  // The response got the chosen rule's status, unless a later stage answered instead (a gateway
  // response) or a template overrode the status.
  const gateway = simulation.trace.find((t) => t.stage === 'gateway-response')
  const mapped = simulation.trace.find((t) => t.stage === 'integration-response')
  const overridden = mapped?.notes.some((n) => n.includes('responseOverride.status sets'))
  if (table.chosen !== undefined && gateway?.status === 'skipped' && !overridden) {
    const chosen = table.rules.find((r) => r.key === table.chosen)!
    expect(simulation.response.statusCode).toBe(Number(chosen.statusCode))
  }
  if (table.status === 'applied' && table.choice === 'none')
    expect(simulation.response.statusCode).toBe(500)
  return simulation
}

describe('rule state: page and engine agree', () => {
  it('on every preset', () => {
    for (const preset of PRESETS) expectAgreement(readPresetScenario(preset.id)!)
  })

  it('on generated scenarios', () => {
    fc.assert(
      fc.property(anyScenario(), (s) => void expectAgreement(s)),
      { numRuns: 200, seed: 20260103 },
    )
  })

  it('on generated rules and errors of the custom preset', () => {
    const status = fc.constantFrom('200', '400', '404', '500', '502')
    const rule = fc.record({
      selectionPattern: fc.oneof(fc.constant(''), selectionPattern(), fc.constant('.*'), text(6)),
    })
    const outcome = fc.oneof(
      lambdaOutcome(),
      text(30).map((m) => ({ kind: 'error' as const, payload: { errorMessage: m } })),
    )
    let chose = 0
    fc.assert(
      fc.property(fc.dictionary(status, rule, { maxKeys: 4 }), outcome, (rules, lambda) => {
        const s = readPresetScenario('seed-custom-error')!
        s.lambda = lambda
        s.setup.method.methodIntegration.integrationResponses = Object.fromEntries(
          Object.entries(rules).map(([k, r]) => [k, { statusCode: k, ...r }]),
        )
        s.setup.method.methodResponses = Object.fromEntries(
          Object.keys(rules).map((k) => [k, { statusCode: k }]),
        )
        if (expectAgreement(s).rules.chosen !== undefined) chose++
      }),
      { numRuns: 300, seed: 20260104 },
    )
    // The property must actually exercise tables that choose.
    expect(chose).toBeGreaterThan(100)
  })
})

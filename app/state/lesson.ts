/**
 * Runs the compare view and the outcome × integration table: plain `simulate` calls over the
 * variants of compare.ts. Pure (the env is injected), so the worker and the tests share it.
 */
import { simulate, type EngineEnv } from '../engine'
import type { Scenario } from '../model'
import {
  INTEGRATION_VARIANTS,
  buildCompareColumn,
  buildCompareScenarios,
  buildVariantScenario,
  readChosenRule,
  type ChosenRule,
  type CompareColumn,
  type IntegrationVariant,
} from './compare'
import { LESSON_OUTCOMES } from './outcomes'

/** One cell of the outcome × integration table. */
export type OutcomeCell = {
  variant: IntegrationVariant
  statusCode: number
  rule: ChosenRule['kind']
}

/** One row of the outcome × integration table. */
export type OutcomeRow = {
  /** `OutcomeCase.id`. */
  id: string
  label: string
  cells: OutcomeCell[]
}

/** What the worker sends for the compare view. */
export type CompareResult = {
  columns: CompareColumn[]
  table: OutcomeRow[]
}

/** The three columns for the scenario's own Lambda outcome. */
export function compareIntegrations(scenario: Scenario, makeEnv: () => EngineEnv): CompareColumn[] {
  const variants = buildCompareScenarios(scenario)
  return INTEGRATION_VARIANTS.map(({ kind }) =>
    buildCompareColumn(kind, simulate(variants[kind], makeEnv())),
  )
}

/** Every outcome of outcomes.ts through every variant of the scenario's setup. */
export function tabulateOutcomes(scenario: Scenario, makeEnv: () => EngineEnv): OutcomeRow[] {
  return LESSON_OUTCOMES.map((outcome) => {
    const base: Scenario = { ...scenario, lambda: outcome.lambda }
    return {
      id: outcome.id,
      label: outcome.label,
      cells: INTEGRATION_VARIANTS.map(({ kind }) => {
        const simulation = simulate(buildVariantScenario(base, kind), makeEnv())
        return {
          variant: kind,
          statusCode: simulation.response.statusCode,
          rule: readChosenRule(simulation).kind,
        }
      }),
    }
  })
}

/** The compare view and the table together, as the worker sends them. */
export function runCompare(scenario: Scenario, makeEnv: () => EngineEnv): CompareResult {
  return {
    columns: compareIntegrations(scenario, makeEnv),
    table: tabulateOutcomes(scenario, makeEnv),
  }
}

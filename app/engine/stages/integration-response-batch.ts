/**
 * Stage 4 (AWS) for many errorMessages at once: the rule table (rule-table.ts, the one code that
 * matches selection patterns and picks the rule), run per message without the rest of the pipeline. Nothing before
 * the selection depends on the errorMessage, so each message's choice is the one `simulate`
 * would make for it; mismatches are not explained in words (`explainMismatches: false`).
 */
import type { RuleEvaluation, Scenario } from '../../model'
import type { EngineEnv } from '../env'
import { startExecutionLog } from '../log'
import type { RunContext } from '../trace'
import { evaluateRuleOutcomes, type RuleOutcomes } from './rule-table'

/** One rule of the batch, in the order the stage tries them. */
export type BatchRule = {
  /** The integration response's key (its status code). */
  key: string
  statusCode: string
  selectionPattern: string
}

/** How one errorMessage fared (messages that fared alike share one read-only object). */
export type BatchSelection = {
  /** Key of the chosen integration response; undefined when none applies (API Gateway: 500). */
  selected: string | undefined
  /** Each rule's outcome against this message, in `rules` order. */
  outcomes: readonly RuleEvaluation['outcome'][]
}

/** What `selectForErrorMessages` returns. */
export type BatchResult = {
  rules: BatchRule[]
  selections: BatchSelection[]
}

/**
 * Selects the integration response for each errorMessage as if the function had failed with it
 * (`X-Amz-Function-Error: functionError`). Pure; patterns stopped in `env` stay stopped.
 */
export function selectForErrorMessages(
  scenario: Scenario,
  messages: readonly string[],
  env: EngineEnv,
  functionError: string | undefined = 'Unhandled',
): BatchResult {
  const ctx: RunContext = {
    scenario,
    env: { ...env, explainMismatches: false },
    log: startExecutionLog('batch', 0),
    requestId: 'batch',
    extendedRequestId: 'batch',
    traceId: 'batch',
    now: 0,
    stage: scenario.setup.stageName ?? '',
  }
  const responses = scenario.setup.method.methodIntegration.integrationResponses ?? {}
  const rules: BatchRule[] = []
  for (const key of Object.keys(responses)) {
    const response = responses[key]
    if (!response || typeof response !== 'object') continue
    rules.push({
      key,
      statusCode: String(response.statusCode ?? key),
      selectionPattern: response.selectionPattern ?? '',
    })
  }
  // A function error is matched by its errorMessage (evaluateRuleTable's subject for it).
  const { results } = evaluateRuleOutcomes(
    ctx,
    functionError === undefined ? messages.map(() => '') : messages,
  )
  const alike = new Map<RuleOutcomes, BatchSelection>()
  const selections = results.map((r): BatchSelection => {
    let selection = alike.get(r)
    if (selection === undefined) {
      selection = { selected: r.chosen, outcomes: r.outcomes }
      alike.set(r, selection)
    }
    return selection
  })
  return { rules, selections }
}

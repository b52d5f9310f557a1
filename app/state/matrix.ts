/**
 * The outcome matrix: many errorMessages × the three integration variants and each rule. The
 * engine decides every choice: `selectForErrorMessages` (the integration-response stage's own
 * selection) picks each message's rule, and `simulate` gives each status. A message's status
 * is simulated once per chosen rule and reused for the other messages that chose it, unless that
 * rule's mapping can read the message (a response template or content handling): then every
 * message is simulated. Nothing else after the selection depends on the errorMessage, and with
 * Lambda proxy any function error is a 502 whatever its message; so a caller that recomputes the
 * matrix of an unchanged scenario (only the messages edited) can keep the rules' statuses
 * (`readCachedStatuses`). Pure (env injected; the cache is the caller's).
 */
import { selectForErrorMessages, simulate, type BatchSelection, type EngineEnv } from '../engine'
import type { IntegrationResponse, Json, LambdaOutcome, RuleEvaluation, Scenario } from '../model'
import {
  INTEGRATION_VARIANTS,
  buildCompareScenarios,
  readChosenRule,
  type IntegrationVariant,
} from './compare'
import { MAX_MATRIX_MESSAGES } from './message-variants'
import { writeObjectField } from './scenario-edit'

export { MAX_MATRIX_MESSAGES }

/** One cell of a variant column (cells and their arrays are shared between rows: read-only). */
export type MatrixCell = {
  readonly statusCode: number
  /** Status key of the chosen integration response; undefined for proxy or when none applied. */
  readonly rule: string | undefined
}

/** One message's row. */
export type MatrixRow = {
  message: string
  /** In `INTEGRATION_VARIANTS` order (rows that fared alike share one array). */
  cells: readonly MatrixCell[]
  /** Each of the person's rules against this message, in `rules` order (shared likewise). */
  outcomes: readonly RuleEvaluation['outcome'][]
}

/** The whole matrix. */
export type MatrixResult = {
  variants: IntegrationVariant[]
  /** The person's rules (the columns after the variants). */
  rules: { key: string; statusCode: string; selectionPattern: string }[]
  rows: MatrixRow[]
  /** Messages left out past MAX_MATRIX_MESSAGES. */
  omitted: number
  /** How many full simulations it took (the rest reused a rule's status). */
  simulations: number
}

/**
 * The outcome as if the function had thrown `message`: the same error payload with its
 * errorMessage replaced, or a plain unhandled Error when the outcome is not an error.
 */
export function throwMessage(lambda: LambdaOutcome, message: string): LambdaOutcome {
  const payload: Json =
    lambda.kind === 'error'
      ? writeObjectField(lambda.payload, 'errorMessage', message)
      : { errorType: 'Error', errorMessage: message }
  const functionError = lambda.kind === 'error' ? lambda.functionError : 'Unhandled'
  return { kind: 'error', payload, ...(functionError ? { functionError } : {}) }
}

/** Whether the mapping of this integration response can depend on the errorMessage. */
function readsMessage(response: IntegrationResponse | undefined): boolean {
  if (!response) return false
  if (response.contentHandling !== undefined) return true
  return Object.values(response.responseTemplates ?? {}).some((t) => t !== '')
}

/** The shortest of some messages (the first of equals). */
function shortest(messages: readonly string[]): string {
  return messages.reduce((a, b) => (b.length < a.length ? b : a))
}

const NO_OUTCOMES: readonly RuleEvaluation['outcome'][] = []

/**
 * Statuses from earlier matrices of one scenario under one env, by variant and rule (rules whose
 * mapping reads the message are not kept): while only the messages change, the rules' statuses
 * are not simulated again. `key` names the scenario and env they belong to.
 */
export type MatrixStatusCache = { key: string | undefined; statuses: Map<string, number> }

/** An empty status cache. */
export function createMatrixStatusCache(): MatrixStatusCache {
  return { key: undefined, statuses: new Map() }
}

/**
 * The cache's statuses for `key` (everything that decides a simulation's status apart from the
 * errorMessage: the scenario and the env, e.g. its JSON and the stopped keys); emptied when the
 * key changes.
 */
export function readCachedStatuses(cache: MatrixStatusCache, key: string): Map<string, number> {
  if (cache.key !== key) {
    cache.key = key
    cache.statuses = new Map()
  }
  return cache.statuses
}

/**
 * Computes the matrix for `messages` (the first MAX_MATRIX_MESSAGES). Messages that fared alike
 * share their cells and outcomes (fewer objects to make and to send from the worker). `statuses`
 * (readCachedStatuses) holds the rules' statuses of earlier matrices of the same scenario and env.
 */
export function computeMatrix(
  scenario: Scenario,
  messages: readonly string[],
  makeEnv: () => EngineEnv,
  statuses: Map<string, number> = new Map(),
): MatrixResult {
  const kept =
    messages.length > MAX_MATRIX_MESSAGES ? messages.slice(0, MAX_MATRIX_MESSAGES) : messages
  const variants = buildCompareScenarios(scenario)
  // As the Lambda stage reads it: an error outcome without its header value is `Unhandled`.
  const functionError =
    (scenario.lambda.kind === 'error' && scenario.lambda.functionError) || 'Unhandled'
  let simulations = 0
  const statusOf = (variant: Scenario, message: string) => {
    simulations++
    const simulation = simulate(
      { ...variant, lambda: throwMessage(scenario.lambda, message) },
      // Only the status is read: no words for mismatches, no scenario checks.
      { ...makeEnv(), explainMismatches: false, checkScenario: false },
    )
    return simulation.response.statusCode
  }
  const columns = INTEGRATION_VARIANTS.map(({ kind }) => {
    const variant = variants[kind]
    // Statuses that do not depend on the message, by rule ('' for none), across matrices.
    const statusFor = (rule: string, message: () => string) => {
      const memo = `${kind}:${rule}`
      let status = statuses.get(memo)
      if (status === undefined) {
        status = statusOf(variant, message())
        statuses.set(memo, status)
      }
      return status
    }
    if (kind === 'proxy') {
      const cell: MatrixCell = {
        statusCode: kept.length > 0 ? statusFor('', () => shortest(kept)) : 0,
        rule: undefined,
      }
      return { cells: kept.map(() => cell) }
    }
    const responses = variant.setup.method.methodIntegration.integrationResponses ?? {}
    // Without a single pattern the errorMessage plays no part in the choice: select once.
    const patterned = Object.values(responses).some((r) => (r?.selectionPattern ?? '') !== '')
    // Repeated messages (log files repeat lines) are selected once.
    const distinct = patterned ? [...new Set(kept)] : kept.slice(0, 1)
    const batch = selectForErrorMessages(variant, distinct, makeEnv(), functionError)
    let selections = batch.selections
    if (distinct.length !== kept.length) {
      const byMessage = new Map(distinct.map((m, i) => [m, batch.selections[i]!]))
      selections = kept.map((m) => byMessage.get(m) ?? batch.selections[0]!)
    }
    // Messages that fared alike share one selection object: each group's cell is worked out
    // once, from its shortest message, unless the chosen rule's mapping reads the message.
    type Group = {
      selection: BatchSelection
      shortest: string
      at: number
      cell: MatrixCell | null
    }
    const groups = new Map<BatchSelection, Group>()
    const groupOf: Group[] = []
    for (let i = 0; i < kept.length; i++) {
      const selection = selections[i]!
      const message = kept[i]!
      let group = groups.get(selection)
      if (group === undefined) {
        group = { selection, shortest: message, at: i, cell: null }
        groups.set(selection, group)
      } else if (message.length < group.shortest.length) {
        group.shortest = message
        group.at = i
      }
      groupOf.push(group)
    }
    // A rule's status comes from its shortest message: explaining the other patterns' misses
    // costs the least there (the first of equals, in message order), and any message that chose
    // the rule gives the same status.
    const representative = (rule: string) => {
      let best: Group | undefined
      for (const g of groups.values())
        if (
          (g.selection.selected ?? '') === rule &&
          (best === undefined ||
            g.shortest.length < best.shortest.length ||
            (g.shortest.length === best.shortest.length && g.at < best.at))
        )
          best = g
      return best!.shortest
    }
    const known = new Map<string, MatrixCell>()
    for (const group of groups.values()) {
      const rule = group.selection.selected
      if (rule !== undefined && readsMessage(responses[rule])) continue
      const memo = rule ?? ''
      let cell = known.get(memo)
      if (cell === undefined) {
        cell = { statusCode: statusFor(memo, () => representative(memo)), rule }
        known.set(memo, cell)
      }
      group.cell = cell
    }
    const cells: MatrixCell[] = []
    for (let i = 0; i < kept.length; i++) {
      const group = groupOf[i]!
      cells.push(
        group.cell ?? { statusCode: statusOf(variant, kept[i]!), rule: group.selection.selected },
      )
    }
    return { cells, selections, rules: batch.rules }
  })
  const own = columns[INTEGRATION_VARIANTS.findIndex((v) => v.kind === 'custom-rules')]
  const ownSelections = own && 'selections' in own ? own.selections : undefined
  // Rows whose cells are the same objects share one array (found by their last cell).
  const alike = new Map<MatrixCell, readonly MatrixCell[]>()
  const rows: MatrixRow[] = []
  for (let i = 0; i < kept.length; i++) {
    const last = columns[columns.length - 1]!.cells[i]!
    let cells = alike.get(last)
    let same = cells !== undefined
    for (let v = 0; same && v < columns.length; v++) same = cells![v] === columns[v]!.cells[i]
    if (!same) {
      cells = columns.map((c) => c.cells[i]!)
      alike.set(last, cells)
    }
    const outcomes = ownSelections?.[i]?.outcomes ?? NO_OUTCOMES
    rows.push({ message: kept[i]!, cells: cells!, outcomes })
  }
  return {
    variants: INTEGRATION_VARIANTS.map((v) => v.kind),
    rules: (own && 'rules' in own ? own.rules : undefined) ?? [],
    rows,
    omitted: messages.length - kept.length,
    simulations,
  }
}

/** The chosen rule of one full simulation, for checks that the batch agrees with `simulate`. */
export function readSimulatedRule(scenario: Scenario, message: string, env: EngineEnv) {
  const simulation = simulate({ ...scenario, lambda: throwMessage(scenario.lambda, message) }, env)
  const chosen = readChosenRule(simulation)
  return {
    statusCode: simulation.response.statusCode,
    rule: chosen.kind === 'matched' || chosen.kind === 'default' ? chosen.statusCode : undefined,
  }
}

/**
 * The evaluation key of a matrix (`matrix:<hash>`): a hash of its messages and of the scenario's
 * patterns and templates, so a matrix stopped for running too long runs again after an edit.
 */
export function readMatrixKey(scenario: Scenario, messages: readonly string[]): string {
  let hash = 0x811c9dc5
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193)
    }
    hash ^= 0xff
  }
  mix(JSON.stringify(scenario.setup.method.methodIntegration.integrationResponses ?? {}))
  for (const m of messages.slice(0, MAX_MATRIX_MESSAGES)) mix(m)
  return `matrix:${(hash >>> 0).toString(16)}:${messages.length}`
}

/**
 * "Learn by comparison": the same Lambda outcome through three integrations. A proxy integration
 * (`AWS_PROXY`), a custom integration (`AWS`) with no rules — the single default integration
 * response every custom integration needs, 200 with no selection pattern and no template, so the
 * payload passes through — and the custom integration with the person's own rules. Everything
 * here is pure: the worker simulates the variants, the page only shows them.
 */
import type {
  ClientResponse,
  IntegrationResponse,
  Scenario,
  Simulation,
  TraceEntry,
} from '../model'
import { LESSON_OUTCOMES } from './outcomes'
import { reviseScenario } from './scenario-edit'

/** The three integrations compared, in column order. */
export type IntegrationVariant = 'proxy' | 'custom-default' | 'custom-rules'

/** Column order and display names of the variants. */
export const INTEGRATION_VARIANTS: readonly {
  kind: IntegrationVariant
  /** Column heading. */
  label: string
  /** One line under the heading. */
  detail: string
}[] = [
  {
    kind: 'proxy',
    label: 'Lambda proxy',
    detail: 'AWS_PROXY: the function shapes the HTTP response itself.',
  },
  {
    kind: 'custom-default',
    label: 'Custom, no rules',
    detail: 'AWS with only the default integration response (200, no pattern, no template).',
  },
  {
    kind: 'custom-rules',
    label: 'Custom, your rules',
    detail: 'AWS with the integration responses you set up.',
  },
]

/**
 * The lone default integration response of "no rules". The Developer Guide: a non-proxy
 * integration needs at least one integration response, made the default, to pass the backend's
 * result to the client; without a template the payload passes through unchanged.
 */
export const DEFAULT_ONLY_RESPONSES: Readonly<Record<string, IntegrationResponse>> = {
  '200': { statusCode: '200', selectionPattern: '' },
}

/** The scenario as it runs through one variant; the input is not changed. */
export function buildVariantScenario(scenario: Scenario, variant: IntegrationVariant): Scenario {
  return reviseScenario(scenario, (draft) => {
    const method = draft.setup.method
    const integration = method.methodIntegration
    if (variant === 'proxy') {
      integration.type = 'AWS_PROXY'
      return
    }
    integration.type = 'AWS'
    if (variant === 'custom-default') {
      integration.integrationResponses = { ...DEFAULT_ONLY_RESPONSES }
      // API Gateway refuses an integration response without its method response.
      if (!method.methodResponses?.['200'])
        method.methodResponses = { ...method.methodResponses, '200': { statusCode: '200' } }
    }
  })
}

/** All three variants of a scenario, keyed by variant. */
export function buildCompareScenarios(scenario: Scenario): Record<IntegrationVariant, Scenario> {
  return {
    proxy: buildVariantScenario(scenario, 'proxy'),
    'custom-default': buildVariantScenario(scenario, 'custom-default'),
    'custom-rules': buildVariantScenario(scenario, 'custom-rules'),
  }
}

/** Which integration response a simulation used, or why none applied. */
export type ChosenRule =
  | {
      kind: 'matched' | 'default'
      statusCode: string
      selectionPattern: string
      /** In words: what it was matched against and why it won. */
      why: string
    }
  | {
      /** `none`: no pattern matched and no default (500); `not-applicable`: proxy or not reached. */
      kind: 'none' | 'not-applicable'
      why: string
    }

const quote = (text: string) => JSON.stringify(text.length > 80 ? text.slice(0, 77) + '…' : text)

/**
 * The chosen rule in words, read from the simulation's rule table (`simulation.rules`, the
 * engine's only verdict on integration responses). The compare view and the matrix use it.
 */
export function readChosenRule(simulation: Simulation): ChosenRule {
  const table = simulation.rules
  if (table.status === 'ignored')
    return {
      kind: 'not-applicable',
      why: 'Lambda proxy has no integration responses: API Gateway returns the function’s result as the response.',
    }
  if (table.status === 'not-reached') {
    const failed = simulation.trace.find((t) => t.status === 'failed')
    return {
      kind: 'not-applicable',
      why: failed
        ? `The integration response is not reached: ${failed.summary}.`
        : 'The integration response is not reached.',
    }
  }
  const rules = table.rules
  const chosen = rules.find((r) => r.key === table.chosen)
  const subject = table.subject?.text ?? ''
  const missed = rules.filter((r) => r.outcome === 'not-matched')
  if (!chosen)
    return {
      kind: 'none',
      why:
        rules.length === 0
          ? 'There are no integration responses, so nothing can be selected: 500.'
          : `No pattern matched ${quote(subject)} and there is no default response: 500.`,
    }
  if (chosen.outcome === 'matched')
    return {
      kind: 'matched',
      statusCode: chosen.statusCode,
      selectionPattern: chosen.selectionPattern,
      why: `${chosen.selectionPattern} matched the whole errorMessage ${quote(subject)}${table.choice === 'uncertain' ? ' (several patterns matched: which wins is uncertain)' : ''}.`,
    }
  const against = subject === '' ? 'the empty string (a success)' : quote(subject)
  const first = missed[0]
  return {
    kind: 'default',
    statusCode: chosen.statusCode,
    selectionPattern: '',
    why:
      missed.length === 0
        ? `No selection pattern to try against ${against}: the default response is used.`
        : `No pattern matched ${against}${first?.explanation ? ` (${first.selectionPattern}: ${first.explanation})` : ''}; the default response is used.`,
  }
}

/** One stage of a column's trace: the summary always, the notes when expanded. */
export type CompareStep = Pick<TraceEntry, 'stage' | 'status' | 'summary' | 'notes'>

/** One column of the compare view. */
export type CompareColumn = {
  variant: IntegrationVariant
  response: ClientResponse
  rule: ChosenRule
  /** Every stage, skipped ones included (the short trace leaves those out). */
  trace: CompareStep[]
}

/** A column from the variant's simulation. */
export function buildCompareColumn(
  variant: IntegrationVariant,
  simulation: Simulation,
): CompareColumn {
  return {
    variant,
    response: simulation.response,
    rule: readChosenRule(simulation),
    trace: simulation.trace.map(({ stage, status, summary, notes }) => ({
      stage,
      status,
      summary,
      notes,
    })),
  }
}

/** The stages a column's short trace shows: those that ran or failed. */
export function readShortTrace(column: CompareColumn): CompareStep[] {
  return column.trace.filter((s) => s.status !== 'skipped')
}

/** Where two bodies differ: the span in each between their common prefix and suffix. */
export type BodyDifference = {
  /** Length of the common prefix. */
  start: number
  /** End (exclusive) of the differing part in `a`, and in `b`. */
  endA: number
  endB: number
}

/** Undefined when the bodies are equal. */
export function findBodyDifference(a: string, b: string): BodyDifference | undefined {
  if (a === b) return undefined
  let start = 0
  const shorter = Math.min(a.length, b.length)
  while (start < shorter && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  return { start, endA, endB }
}

/**
 * For each column, the part of its body that differs from another column with the same status
 * (the first such column whose body is not the same). Bodies behind different statuses are not
 * compared: the status already tells them apart.
 */
export function findColumnDifferences(
  columns: readonly CompareColumn[],
): (BodyDifference | undefined)[] {
  return columns.map(({ response }, i) => {
    const other = columns.find(
      (c, j) =>
        j !== i &&
        c.response.statusCode === response.statusCode &&
        c.response.body !== response.body,
    )
    return other ? findBodyDifference(response.body, other.response.body) : undefined
  })
}

/** The scenario a table cell loads: that outcome through that variant. */
export function buildOutcomeScenario(
  scenario: Scenario,
  outcomeId: string,
  variant: IntegrationVariant,
): Scenario | undefined {
  const outcome = LESSON_OUTCOMES.find((o) => o.id === outcomeId)
  if (!outcome) return undefined
  return buildVariantScenario({ ...scenario, lambda: outcome.lambda }, variant)
}

/**
 * The integration response table: the one place that matches selection patterns and picks the
 * rule. The custom (AWS) integration takes its choice; for a proxy integration the table is
 * evaluated for learning and marked ignored; without an Invoke answer it is only compiled.
 *
 * API Gateway matches each pattern against the whole errorMessage of a Lambda function error,
 * and against the empty string when the function succeeded (so only the default response, or a
 * pattern matching "", applies):
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html
 */
import type {
  Diagnostic,
  EditorId,
  IntegrationResponse,
  RuleEvaluation,
  RuleTable,
} from '../../model'
import { describeLimitHit, formatEditorId } from '../../model'
import {
  matchPreparedOutcome,
  matchSelectionPattern,
  prepareSelectionPattern,
  translateJavaRegex,
} from '../../regex'
import type { InvokeResult, RunContext } from '../trace'
import { budgetStopped } from '../trace'

/** PutIntegrationResponse accepts only these status codes. */
const VALID_STATUS = /^[1-5]\d\d$/

type Invoked = Extract<InvokeResult, { kind: 'response' }>

/** The table's verdict: the table itself, and the chosen response when one was. */
export type RuleChoice = {
  table: RuleTable
  chosen?: {
    key: string
    status: string
    response: IntegrationResponse
    matched: boolean
  }
}

const SUBJECT_NOTE = {
  errorMessage:
    'Function error: each pattern must match the whole errorMessage (a non-string errorMessage is matched as its JSON text, an absent one as "" — inferred).',
  success:
    'The function succeeded: patterns are matched against the empty string "", so only the default response (or a pattern that matches "") applies.',
}

/**
 * Evaluates every integration response against the Invoke answer (`undefined`: not reached).
 * `applies` is false for a proxy integration: API Gateway ignores integration responses there.
 */
export function evaluateRuleTable(
  ctx: RunContext,
  invoke: Invoked | undefined,
  applies: boolean,
): RuleChoice {
  const responses = ctx.scenario.setup.method.methodIntegration.integrationResponses ?? {}
  const keys: string[] = []
  for (const k in responses) {
    const r = responses[k]
    if (r !== null && typeof r === 'object') keys.push(k)
  }
  if (!invoke) {
    return {
      table: {
        status: 'not-reached',
        reason: applies
          ? 'No Invoke answer reached the integration response (the request failed earlier or the invocation failed), so no pattern was matched.'
          : 'Lambda proxy integration: API Gateway ignores integration responses, and no Invoke answer was received.',
        rules: keys.map((key) => compileOnly(key, responses[key]!)),
      },
    }
  }
  const isError = invoke.functionError !== undefined
  const subject = isError ? (invoke.errorMessage ?? '') : ''
  const rules: RuleEvaluation[] = []
  let matched: RuleChoice['chosen']
  let fallback: RuleChoice['chosen']
  let matchCount = 0
  for (const key of keys) {
    const response = responses[key]!
    const status = String(response.statusCode ?? key)
    const rule = evaluateRule(ctx, key, response, subject)
    rules.push(rule)
    if (rule.outcome === 'default') fallback ??= { key, status, response, matched: false }
    if (rule.outcome === 'matched') {
      matchCount++
      matched ??= { key, status, response, matched: true }
    }
  }
  const subjectInfo: RuleTable['subject'] = {
    text: subject,
    from: isError ? 'errorMessage' : 'success',
  }
  if (!applies)
    return {
      table: {
        status: 'ignored',
        reason:
          'Lambda proxy integration: API Gateway returns the function’s result as the response and ignores integration responses; the patterns are matched here for learning only.',
        subject: subjectInfo,
        rules,
      },
    }
  const chosen = matched ?? fallback
  const choice: RuleTable['choice'] = !chosen
    ? 'none'
    : !matched
      ? 'default'
      : matchCount > 1
        ? 'uncertain'
        : 'matched'
  const table: RuleTable = {
    status: 'applied',
    reason: `${SUBJECT_NOTE[subjectInfo.from]} ${describeChoice(choice, chosen?.status, matchCount)}`,
    subject: subjectInfo,
    rules,
    choice,
  }
  if (chosen) {
    table.chosen = chosen.key
    for (const r of rules) if (r.key === chosen.key) r.selected = true
  }
  return chosen ? { table, chosen } : { table }
}

/**
 * How one subject of a batch fared: the chosen rule's key and each rule's outcome, in order.
 * Subjects that fared alike share one (read-only) object.
 */
export type RuleOutcomes = {
  chosen: string | undefined
  outcomes: readonly RuleEvaluation['outcome'][]
}

/**
 * The table's choice for many subjects at once (errorMessages of function errors), by the same
 * rules as evaluateRuleTable: each rule's outcome as evaluateRule gives it, the first matching
 * pattern by key order, else the first default. What does not depend on the subject (the keys,
 * the status check, the editor id, the compiled pattern) is worked out once per rule; mismatches
 * are not explained.
 */
export function evaluateRuleOutcomes(
  ctx: RunContext,
  subjects: readonly string[],
): { keys: string[]; results: RuleOutcomes[] } {
  const responses = ctx.scenario.setup.method.methodIntegration.integrationResponses ?? {}
  const prepared: (RuleKind & { key: string })[] = []
  for (const key in responses) {
    const response = responses[key]
    if (response !== null && typeof response === 'object')
      prepared.push({ key, ...classifyRule(key, response) })
  }
  // Most subjects miss most patterns: each subject's outcomes are held as the text of its
  // pattern outcomes other than `not-matched` (`column:outcome;`), and subjects with the same
  // text share one result. Rule by rule, so each pattern is compiled and metered once.
  const base = prepared.map((r) => (r.kind === 'pattern' ? 'not-matched' : r.kind))
  const other: string[] = subjects.map(() => '')
  prepared.forEach((rule, column) => {
    if (rule.kind === 'pattern') matchRuleOutcomes(ctx, rule, subjects, column, other)
  })
  const shared = new Map<string, RuleOutcomes>()
  const results = other.map((text) => {
    let result = shared.get(text)
    if (result === undefined) {
      result = chooseRule(prepared, base, text)
      shared.set(text, result)
    }
    return result
  })
  return { keys: prepared.map((r) => r.key), results }
}

/** One subject's outcomes (`base` with `other`'s exceptions) and the rule they choose. */
function chooseRule(
  prepared: readonly { key: string }[],
  base: readonly RuleEvaluation['outcome'][],
  other: string,
): RuleOutcomes {
  const outcomes = base.slice()
  for (const item of other.split(';')) {
    if (item === '') continue
    const at = item.indexOf(':')
    outcomes[Number(item.slice(0, at))] = item.slice(at + 1) as RuleEvaluation['outcome']
  }
  let fallback: string | undefined
  for (let j = 0; j < outcomes.length; j++) {
    if (outcomes[j] === 'matched') return { chosen: prepared[j]!.key, outcomes }
    if (outcomes[j] === 'default') fallback ??= prepared[j]!.key
  }
  return { chosen: fallback, outcomes }
}

function describeChoice(
  choice: RuleTable['choice'],
  status: string | undefined,
  matchCount: number,
): string {
  switch (choice) {
    case 'matched':
      return `One pattern matched: integration response ${status}.`
    case 'uncertain':
      return `${matchCount} patterns matched. Uncertain: AWS does not document which wins; the lab takes the first by status key (${status}), as in the one AWS recording (.*four hundred.* → 405 beat .+ → 502).`
    case 'default':
      return `No pattern matched: the default response ${status} (empty selectionPattern) is used.`
    default:
      return 'No pattern matched and there is no default response (empty selectionPattern): 500.'
  }
}

/**
 * One row of the table. Every row is built here, with its fields in one order, so rows share one
 * shape (this runs on every keystroke).
 */
function row(
  key: string,
  response: IntegrationResponse,
  subject: string | undefined,
  outcome: RuleEvaluation['outcome'],
  compiled: boolean,
  explanation: string | undefined,
  diagnostics: Diagnostic[],
): RuleEvaluation {
  const rule: RuleEvaluation = {
    key,
    statusCode: String(response.statusCode ?? key),
    selectionPattern: response.selectionPattern ?? '',
    compiled,
    outcome,
    diagnostics,
    selected: false,
  }
  if (subject !== undefined) rule.subject = subject
  if (explanation !== undefined) rule.explanation = explanation
  return rule
}

/** A rule before any subject: a status AWS refuses, the default, or a pattern and its editor. */
type RuleKind =
  | { kind: 'invalid'; status: string }
  | { kind: 'default' }
  | { kind: 'pattern'; pattern: string; source: EditorId }

function classifyRule(key: string, response: IntegrationResponse): RuleKind {
  const status = String(response.statusCode ?? key)
  const pattern = response.selectionPattern ?? ''
  if (!VALID_STATUS.test(status)) return { kind: 'invalid', status }
  if (pattern === '') return { kind: 'default' }
  return {
    kind: 'pattern',
    pattern,
    source: formatEditorId({ kind: 'selection-pattern', status: key }),
  }
}

/** A pattern matched against the whole `subject`, through the meter (a budget can stop it). */
function matchRule(
  ctx: RunContext,
  rule: Extract<RuleKind, { kind: 'pattern' }>,
  subject: string,
  explain: boolean,
) {
  const { meter } = ctx.env
  return meter.evaluate(rule.source, () =>
    matchSelectionPattern(rule.pattern, subject, rule.source, meter, { explain }),
  )
}

/**
 * One pattern matched against many subjects as matchRule would match each with `explain` off;
 * an outcome other than `not-matched` is added to the subject's `other` text as
 * `column:outcome;`. Without a budget nothing can stop a match midway, so the whole batch is one
 * metered evaluation; under a budget each subject is its own, as in matchRule, so one slow
 * subject does not stop the others.
 */
function matchRuleOutcomes(
  ctx: RunContext,
  rule: Extract<RuleKind, { kind: 'pattern' }>,
  subjects: readonly string[],
  column: number,
  other: string[],
): void {
  const { meter } = ctx.env
  const compiled = prepareSelectionPattern(rule.pattern)
  const note = (i: number, outcome: RuleEvaluation['outcome']) => {
    if (outcome !== 'not-matched') other[i] += `${column}:${outcome};`
  }
  if (!meter.interruptible) {
    const run = meter.evaluate(rule.source, () => {
      for (let i = 0; i < subjects.length; i++)
        note(i, matchPreparedOutcome(compiled, subjects[i]!, meter))
    })
    // Only a pattern stopped in an earlier run ends here: nothing was noted.
    if (!run.ok) for (let i = 0; i < subjects.length; i++) note(i, 'stopped')
    return
  }
  for (let i = 0; i < subjects.length; i++) {
    const run = meter.evaluate(rule.source, () =>
      matchPreparedOutcome(compiled, subjects[i]!, meter),
    )
    note(i, run.ok ? run.value : 'stopped')
  }
}

/** One rule matched against `subject` (through the meter, so a budget can stop it). */
function evaluateRule(
  ctx: RunContext,
  key: string,
  response: IntegrationResponse,
  subject: string,
): RuleEvaluation {
  const rule = classifyRule(key, response)
  if (rule.kind === 'invalid')
    return row(
      key,
      response,
      subject,
      'invalid',
      true,
      `AWS rejects the status code ${JSON.stringify(rule.status)}: it must be 100–599. This response is ignored.`,
      [],
    )
  if (rule.kind === 'default')
    return row(key, response, subject, 'default', true, DEFAULT_EXPLANATION, [])
  const { pattern } = rule
  const run = matchRule(ctx, rule, subject, ctx.env.explainMismatches !== false)
  if (!run.ok) {
    const diagnostic = budgetStopped(
      ctx,
      run.hit,
      'the pattern was not evaluated and counts as not matching.',
      'Simplify the pattern (nested quantifiers such as (a+)+ backtrack catastrophically).',
      { start: 0, end: pattern.length },
    )
    return row(
      key,
      response,
      subject,
      'stopped',
      true,
      `${describeLimitHit(run.hit)}; treated as not matching (what AWS would do is unknown).`,
      [diagnostic],
    )
  }
  const m = run.value
  const compiled =
    m.outcome !== 'invalid' && !m.diagnostics.some((d) => d.code === 'regex.untranslatable')
  const explanation =
    m.explanation ??
    (m.outcome === 'invalid'
      ? 'Not a valid Java regex: AWS would not accept it. It is skipped here.'
      : m.outcome === 'untranslatable'
        ? 'Uses a construct (or backtracks more than) this lab can reproduce exactly; treated as not matching, which AWS may not do.'
        : undefined)
  return row(key, response, subject, m.outcome, compiled, explanation, m.diagnostics)
}

const DEFAULT_EXPLANATION =
  'Empty selectionPattern: the default response, used when no pattern matches.'

/** A rule of a table that was not reached: its pattern compiled, nothing matched. */
function compileOnly(key: string, response: IntegrationResponse): RuleEvaluation {
  const pattern = response.selectionPattern ?? ''
  if (pattern === '') return row(key, response, undefined, 'default', true, undefined, [])
  const source = formatEditorId({ kind: 'selection-pattern', status: key })
  const translated = translateJavaRegex(pattern, source)
  return row(
    key,
    response,
    undefined,
    'not-evaluated',
    translated.ok,
    'Not evaluated: no Invoke answer reached the integration response.',
    translated.ok ? [] : translated.diagnostics,
  )
}

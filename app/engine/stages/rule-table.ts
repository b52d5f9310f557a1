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
import type { Diagnostic, IntegrationResponse, RuleEvaluation, RuleTable } from '../../model'
import { describeLimitHit, formatEditorId } from '../../model'
import { matchSelectionPattern, translateJavaRegex } from '../../regex'
import type { InvokeResult, RunContext } from '../trace'
import { budgetStopped } from '../trace'

/** PutIntegrationResponse accepts only these status codes. */
const VALID_STATUS = /^[1-5]\d\d$/

type Invoked = Extract<InvokeResult, { kind: 'response' }>

/** The table's verdict: the table itself, and the chosen response when one was. */
export type RuleChoice = {
  table: RuleTable
  chosen?: { key: string; status: string; response: IntegrationResponse; matched: boolean }
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
  const keys = Object.keys(responses).filter((k) => {
    const r = responses[k]
    return r !== null && typeof r === 'object'
  })
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
    rules.find((r) => r.key === chosen.key)!.selected = true
  }
  return chosen ? { table, chosen } : { table }
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

/** One rule matched against `subject` (through the meter, so a budget can stop it). */
function evaluateRule(
  ctx: RunContext,
  key: string,
  response: IntegrationResponse,
  subject: string,
): RuleEvaluation {
  const status = String(response.statusCode ?? key)
  const pattern = response.selectionPattern ?? ''
  const base = { key, statusCode: status, selectionPattern: pattern, subject, selected: false }
  if (!VALID_STATUS.test(status))
    return {
      ...base,
      compiled: true,
      outcome: 'invalid',
      explanation: `AWS rejects the status code ${JSON.stringify(status)}: it must be 100–599. This response is ignored.`,
      diagnostics: [],
    }
  if (pattern === '')
    return {
      ...base,
      compiled: true,
      outcome: 'default',
      explanation: 'Empty selectionPattern: the default response, used when no pattern matches.',
      diagnostics: [],
    }
  const source = formatEditorId({ kind: 'selection-pattern', status: key })
  const { meter } = ctx.env
  const run = meter.evaluate(source, () => matchSelectionPattern(pattern, subject, source, meter))
  if (!run.ok) {
    const diagnostic: Diagnostic = budgetStopped(
      ctx,
      run.hit,
      'the pattern was not evaluated and counts as not matching.',
      'Simplify the pattern (nested quantifiers such as (a+)+ backtrack catastrophically).',
      { start: 0, end: pattern.length },
    )
    return {
      ...base,
      compiled: true,
      outcome: 'stopped',
      explanation: `${describeLimitHit(run.hit)}; treated as not matching (what AWS would do is unknown).`,
      diagnostics: [diagnostic],
    }
  }
  const m = run.value
  const rule: RuleEvaluation = {
    ...base,
    compiled:
      m.outcome !== 'invalid' && !m.diagnostics.some((d) => d.code === 'regex.untranslatable'),
    outcome: m.outcome,
    diagnostics: m.diagnostics,
  }
  if (m.explanation !== undefined) rule.explanation = m.explanation
  else if (m.outcome === 'invalid')
    rule.explanation = 'Not a valid Java regex: AWS would not accept it. It is skipped here.'
  else if (m.outcome === 'untranslatable')
    rule.explanation =
      'Uses a construct (or backtracks more than) this lab can reproduce exactly; treated as not matching, which AWS may not do.'
  return rule
}

/** A rule of a table that was not reached: its pattern compiled, nothing matched. */
function compileOnly(key: string, response: IntegrationResponse): RuleEvaluation {
  const status = String(response.statusCode ?? key)
  const pattern = response.selectionPattern ?? ''
  const base = { key, statusCode: status, selectionPattern: pattern, selected: false }
  if (pattern === '') return { ...base, compiled: true, outcome: 'default', diagnostics: [] }
  const source = formatEditorId({ kind: 'selection-pattern', status: key })
  const translated = translateJavaRegex(pattern, source)
  return {
    ...base,
    compiled: translated.ok,
    outcome: 'not-evaluated',
    explanation: 'Not evaluated: no Invoke answer reached the integration response.',
    diagnostics: translated.ok ? [] : translated.diagnostics,
  }
}

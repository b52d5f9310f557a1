/**
 * Pattern lint for a custom (`AWS`) Lambda integration's integration responses: the traps
 * real selection patterns fall into, each with a proving errorMessage (checked with the
 * Java-semantics matcher of `app/regex`) and a replacement pattern that makes it behave.
 */
import { mayBacktrackCatastrophically, translateJavaRegex } from '../regex'
import { lintPattern } from './pattern-rules'
import { matchesWhole, sampleMessage } from './pattern-text'
import type { LintFinding, LintOptions, LintedResponse } from './types'
import { INTERNAL_ERROR } from './types'

export type { LintFinding, LintOptions, LintProof, LintRuleId, LintedResponse } from './types'

/** A response with its place in evaluation order. */
type Rule = { status: string; pattern: string }

/**
 * The responses in the order this lab evaluates them: the record's key order (JavaScript puts
 * numeric keys in ascending order, so status-code order), or the array's order.
 */
function rulesOf(responses: Record<string, LintedResponse> | LintedResponse[]): Rule[] {
  const entries = Array.isArray(responses)
    ? responses.map((r, i) => [String(r?.statusCode ?? i), r] as const)
    : Object.keys(responses).map((k) => [k, responses[k]] as const)
  const rules: Rule[] = []
  for (const [key, r] of entries) {
    if (!r || typeof r !== 'object') continue
    const pattern = typeof r.selectionPattern === 'string' ? r.selectionPattern : ''
    rules.push({ status: String(r.statusCode ?? key), pattern })
  }
  return rules
}

const ORDER_NOTE =
  'AWS does not document the order in which it tries several matching patterns; this lab tries them in status-code order.'

/** Rules whose pattern Java rejects: no message can select them. */
function invalidRule(rule: Rule): LintFinding | undefined {
  const t = translateJavaRegex(rule.pattern)
  if (t.ok) return undefined
  const d = t.diagnostics[0]
  if (d?.code !== 'regex.syntax') return undefined
  return {
    rule: 'unreachable-rule',
    statusCode: rule.status,
    ...(d.span ? { span: d.span } : {}),
    message: `Java rejects this pattern (${d.message}), so no errorMessage can select ${rule.status}.`,
  }
}

/** Messages a rule is meant for: an example built from its pattern, and matching given ones. */
function intendedMessages(rule: Rule, messages: string[]): string[] {
  const out: string[] = []
  for (const filler of ['', 'Request failed']) {
    const s = sampleMessage(rule.pattern, filler)
    if (s !== undefined && s !== '' && !out.includes(s)) out.push(s)
  }
  for (const m of messages) if (!out.includes(m) && matchesWhole(rule.pattern, m)) out.push(m)
  return out
}

/** The first earlier rule that takes `message` ("" counts only for non-default rules). */
function takenBy(earlier: Rule[], message: string): Rule | undefined {
  return earlier.find((r) => r.pattern !== '' && matchesWhole(r.pattern, message))
}

function hiddenRules(rules: Rule[], messages: string[]): LintFinding[] {
  const out: LintFinding[] = []
  rules.forEach((rule, i) => {
    if (rule.pattern === '') return
    const earlier = rules.slice(0, i)
    for (const m of intendedMessages(rule, messages)) {
      const winner = takenBy(earlier, m)
      if (!winner) continue
      // The earlier pattern, told to leave whole messages of this rule alone.
      const fix = `(?!(?:${rule.pattern})\\z)(?:${winner.pattern})`
      const fixed =
        !matchesWhole(fix, m) && matchesWhole(fix, '') === matchesWhole(winner.pattern, '')
      out.push({
        rule: 'hidden-rule',
        statusCode: rule.status,
        span: { start: 0, end: rule.pattern.length },
        message: `${winner.status}'s pattern also matches messages meant for ${rule.status} and is tried first, so ${rule.status} is never selected for them. ${ORDER_NOTE}`,
        proof: { errorMessage: m, expected: rule.status, actual: winner.status },
        ...(fixed
          ? {
              fix: {
                description: `Change ${winner.status}'s pattern so that it leaves these messages to ${rule.status}.`,
                pattern: fix,
                statusCode: winner.status,
              },
            }
          : {}),
      })
      return
    }
  })
  return out
}

/** Non-default patterns that match "" take Lambda successes away from the default response. */
function successCatchers(rules: Rule[]): LintFinding[] {
  const fallback = rules.find((r) => r.pattern === '')
  const out: LintFinding[] = []
  for (const rule of rules) {
    if (rule.pattern === '' || !matchesWhole(rule.pattern, '')) continue
    const fix = /^(\(\?[a-z]*\))?\.\*$/.test(rule.pattern)
      ? '(?s).+'
      : `(?=[\\s\\S])(?:${rule.pattern})`
    out.push({
      rule: 'hidden-rule',
      statusCode: rule.status,
      span: { start: 0, end: rule.pattern.length },
      message: `This pattern also matches "", which is what a Lambda success is matched against: successes get ${rule.status}${fallback ? ` instead of the default ${fallback.status}` : ''}.`,
      proof: {
        errorMessage: '',
        expected: fallback ? fallback.status : INTERNAL_ERROR,
        actual: rule.status,
      },
      fix: {
        description: 'Require at least one character, so that successes skip it.',
        pattern: fix,
      },
    })
  }
  return out
}

/** No default response and nothing matches "": every Lambda success ends in a 500. */
function missingDefault(rules: Rule[]): LintFinding | undefined {
  if (rules.some((r) => r.pattern === '' || matchesWhole(r.pattern, ''))) return undefined
  const success = rules.find((r) => /^2\d\d$/.test(r.status))
  return {
    rule: 'no-default',
    statusCode: success?.status ?? '',
    message:
      'No default response (empty selectionPattern): a Lambda success is matched against "", nothing matches, and the client gets 500 Internal server error (a configuration error).',
    proof: { errorMessage: '', expected: success?.status ?? '200', actual: INTERNAL_ERROR },
    fix: {
      description: success
        ? `Make ${success.status} the default response: clear its selectionPattern.`
        : 'Add an integration response (e.g. 200) with an empty selectionPattern.',
      pattern: '',
    },
  }
}

/**
 * Lints a custom integration's integration responses (keyed by status code, or as a list).
 * `messages` are errorMessages the function is known to throw. Never throws.
 */
export function lintIntegrationResponses(
  responses: Record<string, LintedResponse> | LintedResponse[] | undefined | null,
  options: LintOptions = {},
): LintFinding[] {
  try {
    if (!responses || typeof responses !== 'object') return []
    const messages = (options.messages ?? []).filter((m): m is string => typeof m === 'string')
    const rules = rulesOf(responses)
    const out: LintFinding[] = []
    const valid: Rule[] = []
    const guarded: Rule[] = []
    for (const rule of rules) {
      if (rule.pattern === '') {
        valid.push(rule)
        continue
      }
      const invalid = invalidRule(rule)
      if (invalid) {
        out.push(invalid)
        continue
      }
      // A pattern that can backtrack for ages is flagged where it is edited; trying it on many
      // candidate messages here could take seconds, so the lint leaves it out.
      if (mayBacktrackCatastrophically(rule.pattern)) {
        guarded.push(rule)
        continue
      }
      valid.push(rule)
      let found = lintPattern(rule.pattern, messages)
      // A pattern with a more specific trap does not also get the generic "whole message" one.
      if (found.some((f) => f.rule !== 'partial-match' && f.rule !== 'dot-line-break'))
        found = found.filter((f) => f.rule !== 'partial-match')
      // Its line-break proof would be built on the misread class: report the class alone.
      if (found.some((f) => f.rule === 'bracketed-words'))
        found = found.filter((f) => f.rule !== 'dot-line-break')
      for (const f of found) out.push({ ...f, statusCode: rule.status })
    }
    out.push(...successCatchers(valid), ...hiddenRules(valid, messages))
    const noDefault = missingDefault([...valid, ...guarded])
    if (noDefault) out.push(noDefault)
    return out
  } catch {
    return []
  }
}

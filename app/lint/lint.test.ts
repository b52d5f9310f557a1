import { describe, expect, it } from 'vitest'
import { matchSelectionPattern } from '../regex'
import { lintIntegrationResponses } from './index'
import type { LintFinding, LintRuleId, LintedResponse } from './index'
import { sampleMessage } from './pattern-text'

const javaMatches = (pattern: string, message: string) =>
  matchSelectionPattern(pattern, message).outcome === 'matched'

/** A table with a default 200 and one response under test. */
const withDefault = (status: string, selectionPattern: string): Record<string, LintedResponse> => ({
  '200': { statusCode: '200' },
  [status]: { statusCode: status, selectionPattern },
})

function only(findings: LintFinding[], rule: LintRuleId): LintFinding {
  const found = findings.filter((f) => f.rule === rule)
  expect(found, JSON.stringify(findings, null, 2)).toHaveLength(1)
  return found[0] as LintFinding
}

/**
 * The proof shows the trap under the pattern as written, and the fix makes the proving message
 * behave as intended — both checked with the Java-semantics matcher.
 */
function expectPatternProofAndFix(f: LintFinding, pattern: string) {
  const { proof, fix } = f
  if (!proof || !fix) throw new Error(`no proof or fix: ${JSON.stringify(f)}`)
  const intended = proof.expected === 'matches'
  expect(javaMatches(pattern, proof.errorMessage)).toBe(!intended)
  expect(javaMatches(fix.pattern, proof.errorMessage)).toBe(intended)
  expect(proof.actual).toBe(intended ? 'does not match' : 'matches')
}

describe('lintIntegrationResponses: pattern traps', () => {
  // Each pattern below is a shape found in public CDK/Terraform code or the AWS docs' examples.
  it('.* stops at a line break: a stack trace defeats .*Dummy error.*', () => {
    const pattern = '.*Dummy error.*'
    const f = only(lintIntegrationResponses(withDefault('400', pattern)), 'dot-line-break')
    expect(f.statusCode).toBe('400')
    expect(f.span).toEqual({ start: 0, end: 1 })
    expect(f.proof?.errorMessage).toContain('\n')
    expect(f.fix?.pattern).toBe('(?s).*Dummy error.*')
    expectPatternProofAndFix(f, pattern)
  })

  it('uses a supplied multi-line message as the proof', () => {
    const message = 'Dummy error: boom\nat Runtime.handler (file:///var/task/index.mjs:4:9)'
    const f = only(
      lintIntegrationResponses(withDefault('400', '.*Dummy error.*'), { messages: [message] }),
      'dot-line-break',
    )
    expect(f.proof?.errorMessage).toBe(message)
  })

  it('words in brackets are a character class: .*[Not Found].* matches "Forbidden"', () => {
    const pattern = '.*[Not Found].*'
    const f = only(lintIntegrationResponses(withDefault('404', pattern)), 'bracketed-words')
    expect(f.span).toEqual({ start: 2, end: 13 })
    expect(f.proof).toEqual({
      errorMessage: 'Forbidden',
      expected: 'does not match',
      actual: 'matches',
    })
    expect(f.fix?.pattern).toBe('.*\\[Not Found\\].*')
    expectPatternProofAndFix(f, pattern)
  })

  it('.*[UNAUTHORIZED].* (CDK samples) and ^[Error].* (a lost backslash) are classes too', () => {
    for (const [status, pattern] of [
      ['401', '.*[UNAUTHORIZED].*'],
      ['400', '.*[Bad Request].*'],
      ['500', '^[Error].*'],
    ] as const) {
      const f = only(lintIntegrationResponses(withDefault(status, pattern)), 'bracketed-words')
      expectPatternProofAndFix(f, pattern)
    }
    const f = only(lintIntegrationResponses(withDefault('500', '^[Error].*')), 'bracketed-words')
    expect(f.fix?.pattern).toBe('^\\[Error\\].*')
    expect(javaMatches(f.fix?.pattern ?? '', '[Error] disk full')).toBe(true)
  })

  it('leaves real classes alone: [Uu]nauthorized, [0-9], [5,4], [aeiou]', () => {
    for (const p of ['.*[Uu]nauthorized.*', '.*[0-9]{3}.*', '.*[5,4]\\d{2}.*', '.*[aeiou].*'])
      expect(lintIntegrationResponses(withDefault('400', p)).map((f) => f.rule)).not.toContain(
        'bracketed-words',
      )
  })

  it('glob-style star: Invalid* (the docs’ CLI example) is "Invali" then any number of "d"', () => {
    const pattern = 'Invalid*'
    const f = only(lintIntegrationResponses(withDefault('400', pattern)), 'glob-star')
    expect(f.span).toEqual({ start: 6, end: 8 })
    expect(f.fix?.pattern).toBe('Invalid.*')
    expectPatternProofAndFix(f, pattern)
    expect(lintIntegrationResponses(withDefault('400', pattern)).map((f) => f.rule)).not.toContain(
      'partial-match',
    )
  })

  it('missing backslash: [5,4]d{2} is a literal d', () => {
    const pattern = '[5,4]d{2}'
    const f = only(lintIntegrationResponses(withDefault('500', pattern)), 'missing-backslash')
    expect(f.span).toEqual({ start: 5, end: 6 })
    expect(f.fix?.pattern).toBe('[5,4]\\d{2}')
    expectPatternProofAndFix(f, pattern)
  })

  it('the whole message must match: [Uu]nauthorized fails on "Unauthorized: token expired"', () => {
    const pattern = '[Uu]nauthorized'
    const f = only(lintIntegrationResponses(withDefault('401', pattern)), 'partial-match')
    expect(f.proof?.errorMessage).toBe('Unauthorized: token expired')
    expect(f.fix?.pattern).toBe('.*[Uu]nauthorized.*')
    expectPatternProofAndFix(f, pattern)
  })

  it('JSON spacing: .*"statusCode":409.* fails on "statusCode": 409', () => {
    const pattern = '.*"statusCode":409.*'
    const f = only(lintIntegrationResponses(withDefault('409', pattern)), 'json-spacing')
    expect(f.proof?.errorMessage).toContain('"statusCode": 409')
    expect(f.fix?.pattern).toBe('.*"statusCode":\\s*409.*')
    expectPatternProofAndFix(f, pattern)
    // Terraform shape with an escaped quote.
    const tf = '.*httpStatus\\":400.*'
    expectPatternProofAndFix(
      only(lintIntegrationResponses(withDefault('400', tf)), 'json-spacing'),
      tf,
    )
  })

  it('letter case: a supplied message that differs only in case', () => {
    const pattern = '.*Unauthorized.*'
    const f = only(
      lintIntegrationResponses(withDefault('401', pattern), { messages: ['UNAUTHORIZED'] }),
      'letter-case',
    )
    expect(f.fix?.pattern).toBe('(?i).*Unauthorized.*')
    expectPatternProofAndFix(f, pattern)
    expect(lintIntegrationResponses(withDefault('401', pattern)).map((f) => f.rule)).not.toContain(
      'letter-case',
    )
  })

  it('reports nothing for a sound table', () => {
    expect(
      lintIntegrationResponses({
        '200': { statusCode: '200' },
        '400': { statusCode: '400', selectionPattern: '(?s).*\\[400\\].*' },
        '404': { statusCode: '404', selectionPattern: '(?s).*\\[404\\].*' },
      }),
    ).toEqual([])
  })
})

describe('lintIntegrationResponses: the rule table', () => {
  it('an earlier catch-all hides a later rule (order undocumented by AWS)', () => {
    const table = {
      '200': { statusCode: '200' },
      '400': { statusCode: '400', selectionPattern: '(?s).+' },
      '404': { statusCode: '404', selectionPattern: '(?s).*not found.*' },
    }
    const f = only(lintIntegrationResponses(table), 'hidden-rule')
    expect(f.statusCode).toBe('404')
    expect(f.message).toMatch(/does not document the order/)
    expect(f.proof).toMatchObject({ expected: '404', actual: '400' })
    expect(f.fix?.statusCode).toBe('400')
    const message = f.proof?.errorMessage ?? ''
    expect(javaMatches('(?s).+', message)).toBe(true)
    // With the fix in 400's place, 400 leaves the message to 404 and still takes others.
    expect(javaMatches(f.fix?.pattern ?? '', message)).toBe(false)
    expect(javaMatches('(?s).*not found.*', message)).toBe(true)
    expect(javaMatches(f.fix?.pattern ?? '', 'Some other error')).toBe(true)
  })

  it('a pattern that matches "" takes Lambda successes from the default', () => {
    const f = only(lintIntegrationResponses(withDefault('400', '.*')), 'hidden-rule')
    expect(f.proof).toEqual({ errorMessage: '', expected: '200', actual: '400' })
    expect(f.fix?.pattern).toBe('(?s).+')
    expect(javaMatches(f.fix?.pattern ?? '', '')).toBe(false)
    expect(javaMatches(f.fix?.pattern ?? '', 'any\nerror')).toBe(true)
  })

  it('an invalid pattern can never be selected', () => {
    const f = only(lintIntegrationResponses(withDefault('400', '(unclosed')), 'unreachable-rule')
    expect(f.message).toMatch(/Unclosed group/)
    expect(f.span).toBeDefined()
  })

  it('no default response: a success gets 500 Internal server error', () => {
    const table = {
      '200': { statusCode: '200', selectionPattern: '^2[0-9][0-9]' },
      '400': { statusCode: '400', selectionPattern: '(?s).*Bad.*' },
    }
    const f = only(lintIntegrationResponses(table), 'no-default')
    expect(f.proof).toEqual({
      errorMessage: '',
      expected: '200',
      actual: '500 Internal server error',
    })
    expect(f.fix).toMatchObject({ pattern: '' })
    expect(f.statusCode).toBe('200')
    // A pattern that matches "" is a default in effect: no finding.
    expect(
      lintIntegrationResponses({ '200': { statusCode: '200', selectionPattern: '(?s).*' } }).map(
        (f) => f.rule,
      ),
    ).not.toContain('no-default')
  })

  it('never throws, whatever it is given', () => {
    const bad: unknown[] = [
      null,
      undefined,
      42,
      'x',
      [null, 1, { selectionPattern: 5 }],
      { a: null, b: { statusCode: 7, selectionPattern: '[' } },
      { x: { selectionPattern: '(?<=a+)b' } },
      { x: { selectionPattern: '\\N{NOT A NAME}' } },
      { x: { selectionPattern: '(a+)+$' } },
      { x: { selectionPattern: '\\Q[Error]' } },
      { x: { selectionPattern: '(?' } },
    ]
    for (const b of bad)
      expect(() =>
        lintIntegrationResponses(b as Record<string, LintedResponse>, {
          messages: ['a'.repeat(40) + '!', 5 as unknown as string],
        }),
      ).not.toThrow()
  })
})

describe('sampleMessage', () => {
  it('builds a message the pattern matches, or nothing', () => {
    expect(sampleMessage('.*Dummy error.*')).toBe('Dummy error')
    expect(sampleMessage('(?i)foo(?:bar|baz)+')).toBe('foobar')
    expect(sampleMessage('[5,4]\\d{2}')).toBe('544')
    expect(sampleMessage('(?<x>a)b(?=c)c')).toBe('abc')
    expect(sampleMessage('a(?!)')).toBeUndefined()
  })
})

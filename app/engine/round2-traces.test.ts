import { describe, expect, it } from 'vitest'
import type { Scenario } from '../model'
import round2 from './fixtures/cases/round2.json'
import { createEnv } from './env'
import { simulate } from './simulate'
import { bytesToText } from './stages/content-handling'

/** The scenario of a round-2 case by id. */
function scenarioOf(id: string): Scenario {
  const c = round2.cases.find((x) => x.id === id)
  if (!c) throw new Error(`no case ${id}`)
  return { setup: c.setup, request: c.request, lambda: c.lambda } as Scenario
}

function notesOf(id: string, stage: string, edit?: (s: Scenario) => void): string {
  const s = scenarioOf(id)
  edit?.(s)
  const sim = simulate(s, createEnv())
  return sim.trace.find((t) => t.stage === stage)!.notes.join('\n')
}

describe('trace lines of the round-2 behaviours', () => {
  it('name the function timeout and the integration timeout for what they are', () => {
    expect(notesOf('r2-function-timeout-proxy-502', 'lambda')).toContain(
      'Function timeout (Lambda)',
    )
    expect(notesOf('r2-function-timeout-custom-200-unmapped', 'lambda')).toContain(
      'not API Gateway',
    )
    expect(notesOf('r2-integration-timeout-504-own-body', 'lambda')).toContain(
      'Integration timeout (API Gateway)',
    )
  })

  it('uses the request id of the timeout message as the Lambda request id', () => {
    const sim = simulate(scenarioOf('r2-function-timeout-proxy-502'), createEnv())
    expect(sim.log.join('\n')).toContain('x-amzn-RequestId=3b1b8c4e-6f0d-4a8e-9e51-0c6a2d7f9b10')
  })

  it('explains the 413 with the request limit and says its log lines are inferred', () => {
    const notes = notesOf('r2-request-over-6291456-rejected-413', 'lambda')
    expect(notes).toContain('6291456')
    expect(notes).toContain('Uncertain')
    const sim = simulate(scenarioOf('r2-request-over-6291456-rejected-413'), createEnv())
    expect(sim.log.join('\n')).toContain(
      'Request must be smaller than 6291456 bytes for the InvokeFunction operation',
    )
  })

  it('says when a header pair was merged', () => {
    expect(notesOf('r2-proxy-same-header-pair-once', 'integration-response')).toContain(
      'headers.X-Dup: same is also in multiValueHeaders',
    )
  })

  it('labels the undecided proxy-result leniency as uncertain, with its reason', () => {
    const notes = notesOf('r2-proxy-isbase64encoded-string-documented-502', 'integration-response')
    expect(notes).toMatch(/Uncertain: isBase64Encoded is the string "true".*aws-sam-cli/)
    const other = notesOf(
      'r2-proxy-isbase64encoded-string-documented-502',
      'integration-response',
      (s) => {
        s.lambda = { kind: 'result', payload: { statusCode: 200, body: 5, base64Encoded: true } }
      },
    )
    expect(other).toContain('Uncertain: the key base64Encoded')
  })

  it('explains each binary conversion', () => {
    expect(notesOf('r2-binary-response-binary-accept-decodes', 'integration-response')).toContain(
      'base64-decoded into binary bytes',
    )
    expect(notesOf('r2-binary-response-decode-fails-500', 'integration-response')).toContain(
      'which fails: 500',
    )
    expect(notesOf('r2-binary-request-convert-to-binary-decodes', 'integration-request')).toContain(
      'CONVERT_TO_BINARY',
    )
  })

  it('shows gateway-response template variables and warns that VTL is not run', () => {
    const s = scenarioOf('r2-gw-template-is-not-vtl')
    const sim = simulate(s, createEnv())
    const gw = sim.trace.find((t) => t.stage === 'gateway-response')!
    expect(gw.notes.join('\n')).toContain('not run through VTL')
    expect(gw.diagnostics.map((d) => d.code)).toContain('gateway.template-not-vtl')
  })
})

describe('bytesToText', () => {
  it('reads valid UTF-8 as text and anything else byte by byte', () => {
    expect(bytesToText([0x68, 0xc3, 0xa9])).toBe('hé')
    expect(bytesToText([0xe2, 0x82, 0xac])).toBe('€')
    expect(bytesToText([0xff, 0x41])).toBe('\u00ffA')
    expect(bytesToText([0xc3])).toBe('\u00c3')
  })
})

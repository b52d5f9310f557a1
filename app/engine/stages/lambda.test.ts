import { describe, expect, it } from 'vitest'
import type { LambdaOutcome } from '../../model'
import { DUMMY_ERROR, customScenario, runContext } from '../scenario-builders.test-support'
import { functionArn, invokeLambda } from './lambda'

function invoke(lambda: LambdaOutcome, payload = '{"a": 1}') {
  const ctx = runContext(customScenario({}, { lambda }))
  return { ctx, r: invokeLambda(ctx, payload) }
}

describe('invokeLambda', () => {
  it('maps each invoke failure to AWS’s status and body form', () => {
    const table: [string, number, string][] = [
      ['timeout', 504, 'Endpoint request timed out'],
      ['accessDenied', 500, 'Internal server error'],
      ['throttled', 500, 'Internal server error'],
      ['notFound', 500, 'Internal server error'],
      ['payloadTooLarge', 413, 'Request Too Long'],
      ['integrationHttpMethodNotPost', 500, 'Internal server error'],
    ]
    for (const [failure, status, message] of table) {
      const { r } = invoke({ kind: 'invokeFailure', failure } as LambdaOutcome)
      expect(r.failure, failure).toMatchObject({ status, message, literalBody: true })
    }
  })

  it('logs the timeout and permission lines AWS writes', () => {
    expect(invoke({ kind: 'invokeFailure', failure: 'timeout' }).r.failure?.logLine).toBe(
      'Execution failed due to a timeout error',
    )
    expect(invoke({ kind: 'invokeFailure', failure: 'accessDenied' }).r.failure?.logLine).toBe(
      'Execution failed due to configuration error: Invalid permissions on Lambda function',
    )
  })

  it('treats an integration httpMethod other than POST as a failed invoke', () => {
    const ctx = runContext(customScenario())
    ctx.scenario.setup.method.methodIntegration.httpMethod = 'GET'
    expect(invokeLambda(ctx, '{}').failure?.status).toBe(500)
  })

  it('echo returns {} for an empty payload and the event otherwise', () => {
    const empty = invoke({ kind: 'echo' }, '').r.output
    expect(empty?.kind === 'response' && empty.payloadText).toBe('{}')
    const full = invoke({ kind: 'echo' }, '{"x": [1, 2]}').r.output
    expect(full?.kind === 'response' && JSON.parse(full.payloadText)).toEqual({ x: [1, 2] })
  })

  it('proxyEcho serialises the event like Python json.dumps', () => {
    const out = invoke({ kind: 'proxyEcho' }, '{"a":"é","b":[1,2]}').r.output
    expect(out?.kind === 'response' && out.payloadText).toBe(
      '{"statusCode": 200, "body": "{\\"a\\": \\"\\\\u00e9\\", \\"b\\": [1, 2]}", "isBase64Encoded": false}',
    )
  })

  it('reports a function error with its errorMessage and the payload’s request id', () => {
    const { r, ctx } = invoke(DUMMY_ERROR)
    const out = r.output
    expect(
      out?.kind === 'response' && [out.functionError, out.errorMessage, out.lambdaRequestId],
    ).toEqual(['Unhandled', 'Dummy error ...', 'abcd1234-abb9-4ca3-b848-993693f465ab'])
    expect(ctx.log.lines.some((l) => l.includes('X-Amz-Function-Error=Unhandled'))).toBe(true)
  })

  it('rejects a payload that is not JSON (Lambda accepts only JSON)', () => {
    expect(invoke({ kind: 'echo' }, '<a/>').r.failure).toMatchObject({
      status: 400,
      message: 'Could not parse request body into json',
    })
  })

  it('resolves stage variables in the function ARN', () => {
    const ctx = runContext(customScenario())
    ctx.scenario.setup.stageVariables = { fn: 'my-fn' }
    ctx.scenario.setup.method.methodIntegration.uri =
      'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:1:function:${stageVariables.fn}/invocations'
    expect(functionArn(ctx)).toBe('arn:aws:lambda:eu-west-1:1:function:my-fn')
  })
})

describe('Lambda payload limits', () => {
  it('rejects an event over 6 MB with 413 and turns an oversized result into a function error', () => {
    const big = JSON.stringify({ data: 'x'.repeat(6291556) })
    expect(invoke({ kind: 'echo' }, big).r.failure).toMatchObject({
      status: 413,
      message: 'Request Too Long',
    })
    const out = invoke({ kind: 'result', payload: { data: 'y'.repeat(6291556) } }, '{}').r.output
    expect(out?.kind === 'response' && [out.functionError, out.errorMessage]).toEqual([
      'Unhandled',
      'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    ])
  })
})

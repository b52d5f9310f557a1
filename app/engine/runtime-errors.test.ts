import { describe, expect, it } from 'vitest'
import {
  LAMBDA_RUNTIMES,
  RUNTIME_ERROR_KINDS,
  buildRuntimeError,
  detectPayloadStyle,
  detectRuntime,
  serializeErrorPayload,
} from './runtime-errors'
import { RUNTIME_ERROR_SOURCES } from './runtime-error-sources'

const ID = 'abcd1234-abb9-4ca3-b848-993693f465ab'

describe('buildRuntimeError', () => {
  it('gives the seed Python error byte for byte', () => {
    const e = buildRuntimeError({ runtime: 'python', kind: 'exception', requestId: ID })
    expect(e.payloadRaw).toBe(
      '{"errorMessage": "Dummy error ...", "errorType": "Exception", "requestId": "abcd1234-abb9-4ca3-b848-993693f465ab", "stackTrace": ["  File \\"/var/task/lambda_function.py\\", line 6, in lambda_handler\\n    raise Exception(\'Dummy error ...\')\\n"]}',
    )
    expect(e.errorMessage).toBe('Dummy error ...')
    expect(e.functionError).toBe('Unhandled')
  })

  it('spells Node.js errors compactly with trace, not stackTrace', () => {
    const e = buildRuntimeError({ runtime: 'nodejs', kind: 'exception', message: 'a\nb' })
    expect(
      e.payloadRaw.startsWith(
        '{"errorType":"Error","errorMessage":"a\\nb","trace":["Error: a","b",',
      ),
    ).toBe(true)
    expect(e.payload).not.toHaveProperty('stackTrace')
    expect(e.multiline).toBe(true)
  })

  it('gives Java its class name and a stackTrace, without cause', () => {
    const e = buildRuntimeError({ runtime: 'java', kind: 'exception', message: 'x<y' })
    expect(e.payloadRaw).toBe(
      '{"errorMessage":"x<y","errorType":"java.lang.RuntimeException","stackTrace":["example.Handler.handleRequest(Handler.java:12)"]}',
    )
    expect(e.payload).not.toHaveProperty('cause')
  })

  it('gives .NET its indented form with a trailing newline', () => {
    const e = buildRuntimeError({ runtime: 'dotnet', kind: 'exception' })
    expect(
      e.payloadRaw.startsWith(
        '{\n  "errorType": "Exception",\n  "errorMessage": "Dummy error ...",\n  "stackTrace": [\n    "at ',
      ),
    ).toBe(true)
    expect(e.payloadRaw.endsWith('\n  ]\n}\n')).toBe(true)
  })

  it('gives Go errorString, no stack, HTML characters escaped', () => {
    const e = buildRuntimeError({ runtime: 'go', kind: 'exception', message: 'a<b>&c' })
    expect(e.payloadRaw).toBe(
      '{"errorMessage":"a\\u003cb\\u003e\\u0026c","errorType":"errorString"}',
    )
    expect(e.errorMessage).toBe('a<b>&c')
  })

  it('gives Ruby Function<RuntimeError>', () => {
    const e = buildRuntimeError({ runtime: 'ruby', kind: 'exception' })
    expect(e.payload).toMatchObject({
      errorType: 'Function<RuntimeError>',
      errorMessage: 'Dummy error ...',
    })
  })

  it('reports the function timeout with the configured seconds', () => {
    const e = buildRuntimeError({
      runtime: 'python',
      kind: 'timeout',
      requestId: ID,
      timeoutSeconds: 1,
    })
    expect(e.payloadRaw).toBe(
      `{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: ${ID} Error: Task timed out after 1.00 seconds"}`,
    )
  })

  it('Python handler not found has an empty requestId', () => {
    const e = buildRuntimeError({ runtime: 'python', kind: 'handlerNotFound' })
    expect(e.payloadRaw).toBe(
      '{"errorMessage": "Handler \'lambda_handler\' missing on module \'lambda_function\'", "errorType": "Runtime.HandlerNotFound", "requestId": "", "stackTrace": []}',
    )
  })

  it('every runtime × kind yields JSON with an errorMessage string', () => {
    for (const r of LAMBDA_RUNTIMES)
      for (const k of RUNTIME_ERROR_KINDS) {
        const e = buildRuntimeError({ runtime: r.id, kind: k.id, message: 'm\n"q"' })
        expect(JSON.parse(e.payloadRaw)).toEqual(e.payload)
        expect(typeof e.errorMessage).toBe('string')
        expect(RUNTIME_ERROR_SOURCES[e.source], `${r.id} ${k.id}`).toMatch(/\S{10}/)
      }
  })
})

describe('payload styles', () => {
  it('detects and keeps each runtime spelling', () => {
    for (const r of LAMBDA_RUNTIMES) {
      const e = buildRuntimeError({ runtime: r.id, kind: 'exception' })
      const style = detectPayloadStyle(e.payloadRaw)
      expect(serializeErrorPayload(e.payload, style)).toBe(e.payloadRaw)
      expect(detectRuntime(e.payload, e.payloadRaw)).toBe(r.id)
    }
  })
})

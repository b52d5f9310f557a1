import { describe, expect, it } from 'vitest'
import type { Simulation } from '../../model'
import { prepareForDisplay, prettifyJsonText } from './prepare-display'

const base: Simulation = {
  response: { statusCode: 200, headers: [], body: '{"a":1}' },
  trace: [
    {
      stage: 'lambda',
      status: 'ok',
      summary: 's',
      input: { event: [1, 2] },
      output: 'already text',
      notes: [],
      diagnostics: [],
    },
  ],
  log: ['one', 'two'],
  lambdaEvent: { path: '/x' },
  lambdaEventText: '{"path":"/x"}',
  rules: { status: 'not-reached', reason: '', rules: [] },
  diagnostics: [],
}

describe('display preparation', () => {
  it('turns trace data into text and pretty-prints body and event', () => {
    const { simulation, display } = prepareForDisplay(base)
    expect(simulation.trace[0]!.input).toBe('{"event": [1, 2]}')
    expect(simulation.trace[0]!.output).toBe('already text')
    expect(simulation.lambdaEvent).toBeUndefined()
    expect(display).toEqual({
      bodyPretty: '{\n  "a": 1\n}',
      eventText: '{"path":"/x"}',
      eventPretty: '{"path": "/x"}',
      logText: 'one\ntwo',
    })
    expect(base.trace[0]!.input).toEqual({ event: [1, 2] })
  })

  it('keeps non-JSON text as is and handles an uninvoked function', () => {
    expect(prettifyJsonText('not json {')).toBe('not json {')
    const { display } = prepareForDisplay({
      ...base,
      lambdaEvent: undefined,
      lambdaEventText: undefined,
    })
    expect(display.eventText).toBeUndefined()
    expect(display.eventPretty).toBeUndefined()
  })

  it('cuts texts past the limit and keeps their full lengths', () => {
    const big = 'x'.repeat(50)
    const { simulation, display } = prepareForDisplay(
      {
        ...base,
        response: { ...base.response, body: big },
        trace: [{ ...base.trace[0]!, input: { body: big }, output: 'short' }],
        lambdaEventText: JSON.stringify({ body: big }),
      },
      20,
    )
    expect(display.bodyPretty).toBe('x'.repeat(20))
    expect(simulation.response.body).toBe('x'.repeat(20))
    expect(simulation.trace[0]!.input).toBe(`{"body": "${'x'.repeat(10)}`)
    expect(simulation.trace[0]!.output).toBe('short')
    expect(simulation.lambdaEventText).toBe(display.eventText)
    expect(display.clipped).toEqual({
      bodyPretty: 50,
      'response.body': 50,
      eventText: 61,
      eventPretty: 62,
      'trace.0.input': 62,
    })
  })

  it('sends no clip record when nothing was cut', () => {
    expect(prepareForDisplay(base).display.clipped).toBeUndefined()
  })

  it('shows JSON as written when a pretty form would change what it says', () => {
    const digits = Array.from({ length: 1000 }, (_, i) => i + 1).join('')
    expect(prettifyJsonText(digits)).toBe(digits)
    expect(prettifyJsonText('{"id": 12345678901234567890}')).toBe('{"id": 12345678901234567890}')
    expect(prettifyJsonText('{"a":1,"a":2}')).toBe('{"a":1,"a":2}')
    expect(prettifyJsonText('"\\u00e9"')).toBe('"\\u00e9"')
    expect(prettifyJsonText('{ "a" : [1, "x y"] }')).toBe('{\n  "a": [\n    1,\n    "x y"\n  ]\n}')
    const { display } = prepareForDisplay({ ...base, lambdaEventText: digits })
    expect(display.eventPretty).toBe(digits)
  })
})

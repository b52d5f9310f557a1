import { describe, expect, it } from 'vitest'
import { createMeter, type Meter } from '../model'
import { renderTemplate } from './index'
import { makeInput, render } from './test-helper'

const renderWith = (src: string, body: string, meter: Meter) =>
  renderTemplate(src, makeInput({ body }), { source: 'test', meter })

describe('templates under a meter', () => {
  it('renders an ordinary template under a work allowance exactly as without one', () => {
    const src =
      "#set($m = $util.parseJson($input.json('$')))#foreach($k in $m.keySet())$k=$m.get($k);#end"
    const body = '{"a": 1, "b": [1, 2], "c": {"d": null}}'
    const meter = createMeter({ limits: { work: 50_000 } })
    expect(meter.run(() => renderWith(src, body, meter))).toEqual({
      ok: true,
      value: render(src, { body }),
    })
  })

  it('gives up on loops, text growth and method calls long before the step limit', () => {
    const heavy = [
      '#foreach($i in [1..1000])#foreach($j in [1..1000])$i#end#end',
      '#set($s = "aaaaaaaaaaaaaaaa")#foreach($i in [1..30])#set($s = "$s$s")#end$s.length()',
      "#foreach($i in [1..1000])#set($x = $input.json('$'))#end",
    ]
    const body = JSON.stringify({ text: 'x'.repeat(30_000) })
    for (const src of heavy) {
      const meter = createMeter({ limits: { work: 50_000 } })
      expect(
        meter.run(() => renderWith(src, body, meter)),
        src,
      ).toMatchObject({
        ok: false,
        hit: { limit: 'work' },
      })
      // Unbudgeted, the same templates finish (or hit a limit of their own) with an answer.
      expect(render(src, { body }), src).toHaveProperty('ok')
    }
  })

  it('takes its loop, step and output limits from the meter and says which one stopped it', () => {
    const loop = createMeter({ limits: { 'template-iterations': 3 } })
    expect(renderWith('#foreach($i in [1..10])$i#end', '', loop)).toMatchObject({
      ok: true,
      output: '123',
    })
    const steps = createMeter({ limits: { 'template-steps': 50 } })
    const r = renderWith('#foreach($i in [1..100])$i#end', '', steps)
    expect(r).toMatchObject({ ok: false, errorKind: 'limit' })
    expect(steps.hits[0]).toMatchObject({ limit: 'template-steps', max: 50 })
    const output = createMeter({ limits: { 'template-output': 10 } })
    expect(renderWith('#foreach($i in [1..100])$i#end', '', output)).toMatchObject({ ok: false })
    expect(output.hits[0]).toMatchObject({ limit: 'template-output', max: 10 })
  })
})

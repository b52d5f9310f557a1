import { describe, expect, it } from 'vitest'
import { withWorkBudget } from '../regex'
import { render } from './test-helper'

describe('templates under a work budget', () => {
  it('renders an ordinary template exactly as without one', () => {
    const src =
      "#set($m = $util.parseJson($input.json('$')))#foreach($k in $m.keySet())$k=$m.get($k);#end"
    const body = '{"a": 1, "b": [1, 2], "c": {"d": null}}'
    expect(withWorkBudget(50_000, () => render(src, { body }))).toEqual({
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
      expect(
        withWorkBudget(50_000, () => render(src, { body })),
        src,
      ).toEqual({ ok: false })
      // Unbudgeted, the same templates finish (or hit a limit of their own) with an answer.
      expect(render(src, { body }), src).toHaveProperty('ok')
    }
  })
})

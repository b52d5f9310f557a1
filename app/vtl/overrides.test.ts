import { describe, expect, it } from 'vitest'
import { expectRender, render } from './test-helper'

describe('$context overrides and API Gateway inputs', () => {
  it('reports responseOverride / requestOverride assignments', () => {
    const r = render(
      '#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-A = "a")' +
        '#set($context.requestOverride.querystring.q = 1)ok',
    )
    expect(r.ok && r.overrides).toEqual({
      responseStatus: '418',
      responseHeaders: { 'X-A': 'a' },
      requestHeaders: {},
      requestQuerystring: { q: '1' },
      requestPath: {},
    })
  })
  it('looks params up in path, then query string, then headers', () => {
    expectRender(
      "$input.params('id')|$input.params('q')|$input.params('H')|$input.params('none')|",
      { params: { path: { id: '1' }, querystring: { q: '2', id: 'x' }, header: { H: 'h' } } },
      '1|2|h||',
    )
  })
  it('parses JSON with Java number types', () => {
    expectRender(
      '#set($o = $util.parseJson($input.body))$o.a $o.b $o.c $o.d',
      { body: '{"a": 1, "b": 2.0, "c": 12345678901234567890, "d": [1, {"e": null}]}' },
      '1 2.0 12345678901234567890 [1,{"e":null}]',
    )
  })
  it('supports block macros with $bodyContent', () => {
    expectRender('#macro(b $x)<$bodyContent|$x>#end#@b(1)body $x#end', {}, '<body 1|1>')
  })
})

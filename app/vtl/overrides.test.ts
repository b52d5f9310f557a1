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

describe('API Gateway behaviour the oracle cannot show', () => {
  it('reads $input.body of a request without a body as {}', () => {
    expectRender(
      '#set($r = $input.body)$r|$input.body.testAccess|$util.urlEncode($input.body)',
      {},
      '{}||%7B%7D',
    )
  })
  it("gives the raw text for $input.path('$') of a body that is not JSON, with a note", () => {
    const r = render("#foreach($t in $input.path('$').split('&'))[$t]#end", { body: 'a=1&b=2' })
    expect(r.ok && r.output).toBe('[a=1][b=2]')
    expect(r.ok && r.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['info', 'vtl.uncertain'],
    ])
  })
  it('reads override holders as "" but still collects what the template assigns', () => {
    const r = render(
      '[$context.responseOverride][$context.requestOverride.header]' +
        '#set($k = "q")#set($context.requestOverride.querystring[$k] = "v")' +
        '#set($context.responseOverride.status = 400)[$context.responseOverride.status]',
    )
    expect(r.ok && r.output).toBe('[][][]')
    expect(r.ok && r.overrides.responseStatus).toBe('400')
    expect(r.ok && r.overrides.requestQuerystring).toEqual({ q: 'v' })
    expect(r.ok && r.diagnostics.map((d) => d.code)).toEqual(['vtl.uncertain'])
  })
  it('notes that #if on a reference with no value is taken as true', () => {
    const r = render('#if($nothing)T#{else}F#end')
    expect(r.ok && r.output).toBe('T')
    expect(r.ok && r.diagnostics[0]?.message).toMatch(/^Uncertain: \$nothing has no value/)
  })
})

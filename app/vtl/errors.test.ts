import { describe, expect, it } from 'vitest'
import { render } from './test-helper'

function firstDiagnostic(src: string) {
  const r = render(src)
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.output)}`)
  return { kind: r.errorKind, d: r.diagnostics[0] }
}

describe('errors become diagnostics with spans', () => {
  it('reports a missing #end as a syntax error at the end', () => {
    const { kind, d } = firstDiagnostic('#if(true)x')
    expect(kind).toBe('syntax')
    expect(d?.code).toBe('vtl.parse')
    expect(d?.message).toBe(
      'Encountered the end of the template at line 1, column 11 (expected #end)',
    )
    expect(d?.span).toEqual({ start: 9, end: 10 })
  })
  it('reports a stray #end where it is', () => {
    const { d } = firstDiagnostic('x#end y')
    expect(d?.span).toEqual({ start: 1, end: 5 })
  })
  it('reports Java exceptions from methods as runtime errors on the call', () => {
    const { kind, d } = firstDiagnostic('#set($s = "abc")$s.substring(10)')
    expect(kind).toBe('runtime')
    expect(d?.code).toBe('vtl.method-exception')
    expect(d?.message).toBe(
      "Invocation of method 'substring' threw java.lang.StringIndexOutOfBoundsException: begin 10, end 3, length 3",
    )
    expect(d?.span).toEqual({ start: 19, end: 32 })
  })
  it('reports macro recursion past Velocity depth 20', () => {
    const { kind, d } = firstDiagnostic('#macro(inf)#inf()#end#inf()')
    expect(kind).toBe('runtime')
    expect(d?.code).toBe('vtl.macro-depth')
  })
  it('reports lexical errors', () => {
    const { kind, d } = firstDiagnostic('a $')
    expect(kind).toBe('syntax')
    expect(d?.code).toBe('vtl.lexical')
  })
  it('keeps the span of an error at the end of the text inside the text', () => {
    for (const src of ['#*', 'a#*', '##x\n#*']) {
      const { kind, d } = firstDiagnostic(src)
      expect(kind).toBe('syntax')
      expect(d?.code).toBe('vtl.lexical')
      expect(d?.span.end).toBeLessThanOrEqual(src.length)
      expect(d?.span.start).toBeLessThan(d?.span.end ?? 0)
    }
  })
  it('enforces limits with diagnostics instead of hanging', () => {
    const r = render('#set($s = "xxxxxxxxxx")#foreach($i in [1..30])#set($s = "$s$s")#end$s')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errorKind).toBe('limit')
    const big = render('#set($l = [1..100000000])')
    expect(big.ok ? 'ok' : big.diagnostics[0]?.code).toBe('vtl.limit.range')
  })
})

/**
 * split / replaceAll / replaceFirst against answers recorded from JDK 17's String methods
 * (fixtures/strings.jsonl, 900 generated calls: empty matches, \G, limits, `$n`, `${name}`, plus
 * surrogate-pair starts), with and without a work budget (the page's quick answer).
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createMeter, type Meter } from '../model'
import { javaReplaceAll, javaReplaceFirst, javaSplit } from './index'

type Row = {
  op: 'split' | 'replaceAll' | 'replaceFirst'
  input: string
  pattern: string
  limit?: number
  replacement?: string
  expected: { ok: true; value: unknown } | { ok: false; error: string; message?: string }
}

const file = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/strings.jsonl')
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row)

describe('Java String regex methods against recorded JDK answers', () => {
  const call = (r: Row, meter: Meter = createMeter()) =>
    r.op === 'split'
      ? javaSplit(r.input, r.pattern, r.limit, meter)
      : r.op === 'replaceAll'
        ? javaReplaceAll(r.input, r.pattern, r.replacement ?? '', meter)
        : javaReplaceFirst(r.input, r.pattern, r.replacement ?? '', meter)

  it('agrees on every recorded call', () => {
    const wrong: string[] = []
    for (const r of rows) {
      const got = call(r)
      const same = r.expected.ok
        ? got.ok && JSON.stringify(got.value) === JSON.stringify(r.expected.value)
        : !got.ok &&
          got.error === r.expected.error &&
          (r.expected.message === undefined || got.message === r.expected.message)
      if (!same) wrong.push(`${r.op}(${JSON.stringify(r.input)}, ${JSON.stringify(r.pattern)})`)
    }
    expect(wrong).toEqual([])
    expect(rows.length).toBeGreaterThan(500)
  })

  it('answers every call the same under a work budget (interpreter only)', () => {
    for (const r of rows) {
      const meter = createMeter({ limits: { work: 1_000_000 } })
      const budgeted = meter.run(() => call(r, meter))
      expect(budgeted, `${r.op}(${JSON.stringify(r.input)}, ${JSON.stringify(r.pattern)})`).toEqual(
        { ok: true, value: call(r) },
      )
    }
  })
})

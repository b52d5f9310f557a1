import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createMeter } from '../model'
import { javaReplaceAll, matchSelectionPattern } from './index'

const here = dirname(fileURLToPath(import.meta.url))

/** A meter with a work allowance, as the page's quick answer uses. */
const allowance = (work: number) => createMeter({ limits: { work } })

describe('regex matching under a meter', () => {
  it('stops catastrophic backtracking that a native RegExp would not finish', () => {
    // Natively this takes about 2^40 steps: the budget must force the interruptible interpreter.
    const subject = 'a'.repeat(40)
    const m1 = allowance(50_000)
    expect(m1.run(() => matchSelectionPattern('(a+)+b', subject, 'p', m1))).toMatchObject({
      ok: false,
      hit: { limit: 'work', max: 50_000 },
    })
    const m2 = allowance(50_000)
    expect(m2.run(() => javaReplaceAll(subject, '(a|aa)+c', '', m2)).ok).toBe(false)
  })

  it('counts regex steps against the meter and says which limit stopped the match', () => {
    // A wall-time budget (with a clock that never moves) makes the match run in the
    // step-counting interpreter; without a work allowance a step-limit answer stands.
    const meter = createMeter({ limits: { 'regex-steps': 1000, 'wall-time': 250 }, clock: () => 0 })
    const got = matchSelectionPattern('(a|aa)+c', 'a'.repeat(30), 'p', meter)
    expect(got.outcome).toBe('untranslatable')
    expect(got.diagnostics[0]?.message).toContain('regex-steps limit: more than 1000 steps')
    expect(meter.hits[0]).toMatchObject({ limit: 'regex-steps', count: 1001, max: 1000 })
  })

  it('stops an evaluation past its wall time, by the clock the caller supplies', () => {
    let now = 0
    const meter = createMeter({ limits: { 'wall-time': 250 }, clock: () => (now += 1) })
    const run = meter.evaluate('integration.responses.400.selectionPattern', () =>
      matchSelectionPattern('(a+)+b', 'a'.repeat(40), 'p', meter),
    )
    expect(run).toMatchObject({
      ok: false,
      hit: { limit: 'wall-time', max: 250, key: 'integration.responses.400.selectionPattern' },
    })
    // The next evaluation has its own wall time and is not affected.
    const next = meter.evaluate('integration.responses.500.selectionPattern', () =>
      matchSelectionPattern('.+', 'x', 'p', meter),
    )
    expect(next).toMatchObject({ ok: true, value: { outcome: 'matched' } })
  })

  it('gives the same answers as unbudgeted matching on the realistic java.util.regex corpus', () => {
    const lines = readFileSync(join(here, 'fixtures/oracle/realistic.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { pattern: string; input: string })
    let answered = 0
    for (const { pattern, input } of lines) {
      const plain = matchSelectionPattern(pattern, input, 'p')
      const meter = allowance(200_000)
      const budgeted = meter.run(() => matchSelectionPattern(pattern, input, 'p', meter))
      if (!budgeted.ok) continue
      answered++
      expect(budgeted.value, `${pattern} / ${JSON.stringify(input)}`).toEqual(plain)
    }
    expect(answered / lines.length).toBeGreaterThan(0.98)
  })
})

import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { javaReplaceAll, matchSelectionPattern } from './index'
import { spendWork, withWorkBudget, WorkBudgetExceeded } from './work-budget'

const here = dirname(fileURLToPath(import.meta.url))

describe('work budget', () => {
  it('gives the value when the allowance suffices, and nothing when it runs out', () => {
    expect(withWorkBudget(10, () => (spendWork(4), 'done'))).toEqual({ ok: true, value: 'done' })
    expect(withWorkBudget(3, () => (spendWork(4), 'done'))).toEqual({ ok: false })
  })

  it('is not fooled by code that swallows the overrun', () => {
    const swallowing = () => {
      try {
        spendWork(5)
      } catch {
        return 'carried on'
      }
      return 'fine'
    }
    expect(withWorkBudget(2, swallowing)).toEqual({ ok: false })
    expect(withWorkBudget(9, swallowing)).toEqual({ ok: true, value: 'fine' })
  })

  it('charges nothing outside an allowance, and restores the outer one after a nested run', () => {
    expect(() => spendWork(1e9)).not.toThrow()
    const outer = withWorkBudget(10, () => {
      expect(withWorkBudget(1, () => spendWork(2))).toEqual({ ok: false })
      spendWork(9)
      return 'outer ok'
    })
    expect(outer).toEqual({ ok: true, value: 'outer ok' })
    expect(() => withWorkBudget(1, () => spendWork(2))).not.toThrow(WorkBudgetExceeded)
  })

  it('stops catastrophic backtracking that a native RegExp would not finish', () => {
    // Natively this takes about 2^40 steps: the budget must force the interruptible interpreter.
    const subject = 'a'.repeat(40)
    expect(withWorkBudget(50_000, () => matchSelectionPattern('(a+)+b', subject, 'p'))).toEqual({
      ok: false,
    })
    expect(withWorkBudget(50_000, () => javaReplaceAll(subject, '(a|aa)+c', ''))).toEqual({
      ok: false,
    })
  })

  it('gives the same answers as unbudgeted matching on the realistic java.util.regex corpus', () => {
    const lines = readFileSync(join(here, 'fixtures/oracle/realistic.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { pattern: string; input: string })
    let answered = 0
    for (const { pattern, input } of lines) {
      const plain = matchSelectionPattern(pattern, input, 'p')
      const budgeted = withWorkBudget(200_000, () => matchSelectionPattern(pattern, input, 'p'))
      if (!budgeted.ok) continue
      answered++
      expect(budgeted.value, `${pattern} / ${JSON.stringify(input)}`).toEqual(plain)
    }
    expect(answered / lines.length).toBeGreaterThan(0.98)
  })
})

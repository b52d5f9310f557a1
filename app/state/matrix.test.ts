import { describe, expect, it } from 'vitest'
import { createEnv, selectForErrorMessages, simulate, validateScenario } from '../engine'
import type { Scenario } from '../model'
import { createMeter, formatEditorId } from '../model'
import { buildVariantScenario } from './compare'
import {
  computeMatrix,
  createMatrixStatusCache,
  readCachedStatuses,
  readSimulatedRule,
} from './matrix'
import {
  buildNearMisses,
  generateMessages,
  readMessageFile,
  readPatternLiteral,
} from './message-variants'
import { PRESETS, readPresetScenario } from './presets'

const seed = (id: string) => readPresetScenario(id)!
const env = () => createEnv()

describe('matrix', () => {
  it('gives each message its status per variant and each rule its outcome', () => {
    const m = computeMatrix(
      seed('seed-custom-error'),
      ['Dummy error ...', 'Other', 'dummy error'],
      env,
    )
    expect(m.variants).toEqual(['proxy', 'custom-default', 'custom-rules'])
    expect(m.rules.map((r) => r.statusCode)).toEqual(['200', '400'])
    expect(m.rows.map((r) => r.cells.map((c) => c.statusCode))).toEqual([
      [502, 200, 400],
      [502, 200, 200],
      [502, 200, 200],
    ])
    expect(m.rows.map((r) => r.cells[2]!.rule)).toEqual(['400', '200', '200'])
    expect(m.rows[0]!.outcomes).toEqual(['default', 'matched'])
    expect(m.rows[1]!.outcomes).toEqual(['default', 'not-matched'])
    // One proxy run, one per distinct rule for each custom variant.
    expect(m.simulations).toBe(1 + 1 + 2)
    // Messages that fared alike share their cells and outcomes.
    expect(m.rows[1]!.cells).toBe(m.rows[2]!.cells)
    expect(m.rows[1]!.outcomes).toBe(m.rows[2]!.outcomes)
    expect(m.rows[0]!.cells).not.toBe(m.rows[1]!.cells)
  })

  it('agrees with a full simulate for every message, templates included', () => {
    const scenario = seed('json-error-message')
    const messages = [
      '{"status":404,"message":"gone"}',
      '{"status":404}',
      'not json',
      '{"status":500,"message":"x"}',
      'Dummy error',
    ]
    const m = computeMatrix(scenario, messages, env)
    const own = buildVariantScenario(scenario, 'custom-rules')
    messages.forEach((message, i) => {
      const full = readSimulatedRule(own, message, createEnv())
      expect({ message, ...m.rows[i]!.cells[2]! }).toEqual({
        message,
        statusCode: full.statusCode,
        rule: full.rule,
      })
    })
  })

  it('keeps stopped patterns stopped in the batch', () => {
    const scenario = seed('seed-custom-error')
    const batch = selectForErrorMessages(
      scenario,
      ['Dummy error'],
      createEnv({
        meter: createMeter({
          skip: [formatEditorId({ kind: 'selection-pattern', status: '400' })],
        }),
      }),
    )
    expect(batch.selections[0]).toEqual({ selected: '200', outcomes: ['default', 'stopped'] })
  })

  it('selects a repeated message once and shows it on every row', () => {
    const m = computeMatrix(seed('seed-custom-error'), ['Dummy error', 'x', 'Dummy error'], env)
    expect(m.rows.map((r) => r.cells[2])).toEqual([
      { statusCode: 400, rule: '400' },
      { statusCode: 200, rule: '200' },
      { statusCode: 400, rule: '400' },
    ])
  })

  it('reuses the rules statuses of an earlier matrix of the same scenario and env', () => {
    const scenario = seed('seed-custom-error')
    const cache = createMatrixStatusCache()
    const first = computeMatrix(scenario, ['Dummy error', 'x'], env, readCachedStatuses(cache, 'a'))
    expect(first.simulations).toBe(4)
    const messages = ['y', 'Dummy error again', 'z']
    const again = computeMatrix(scenario, messages, env, readCachedStatuses(cache, 'a'))
    expect(again.simulations).toBe(0)
    expect(again.rows).toEqual(computeMatrix(scenario, messages, env).rows)
    // Another key (another scenario or env) starts afresh.
    expect(computeMatrix(scenario, messages, env, readCachedStatuses(cache, 'b')).simulations).toBe(
      4,
    )
  })

  it('caps the number of messages', () => {
    const m = computeMatrix(seed('seed-custom-error'), Array(2005).fill('a'), env)
    expect(m.rows).toHaveLength(2000)
    expect(m.omitted).toBe(5)
  })
})

describe('generated messages', () => {
  it('reads the literal of simple patterns only', () => {
    expect(readPatternLiteral('.*Dummy error.*')).toBe('Dummy error')
    expect(readPatternLiteral('^Not found: \\[404\\]$')).toBe('Not found: [404]')
    expect(readPatternLiteral('.*(a|b).*')).toBeUndefined()
    expect(readPatternLiteral('')).toBeUndefined()
  })

  it('makes matching and near-miss variants', () => {
    expect(buildNearMisses('Dummy error: disk full')).toEqual([
      'Dummy error: disk full',
      'Dummy error: disk full\n    at Runtime.handler (file:///var/task/index.mjs:2:9)',
      'dummy error: disk full',
      'Dummy  error:  disk  full',
      ' Dummy error: disk full ',
      'disk full',
    ])
    const scenario = seed('seed-custom-error')
    const all = generateMessages(scenario, simulate(scenario, createEnv()).rules.subject?.text)
    expect(all).toContain('Dummy error ...')
    expect(all).toContain('Dummy error')
    expect(new Set(all).size).toBe(all.length)
  })

  it('reads a file as --- separated messages or one per line', () => {
    expect(readMessageFile('a\r\nb\n\nc\n')).toEqual(['a', 'b', 'c'])
    expect(readMessageFile('a\nb\n---\nc\n')).toEqual(['a\nb', 'c'])
  })
})

describe('status-only simulations', () => {
  it('leave out only the scenario checks, never changing the response', () => {
    for (const preset of PRESETS) {
      const scenario = readPresetScenario(preset.id)!
      // An unknown field gives a scenario check (a warning) to leave out.
      const odd = { ...scenario, setup: { ...scenario.setup, extra: 1 } } as Scenario
      const full = simulate(odd, createEnv())
      const quick = simulate(odd, { ...createEnv(), checkScenario: false })
      expect(quick.response).toEqual(full.response)
      const checks = validateScenario(odd).diagnostics
      expect(checks.length).toBeGreaterThan(0)
      expect(quick.diagnostics).toEqual(full.diagnostics.slice(checks.length))
    }
  })
})

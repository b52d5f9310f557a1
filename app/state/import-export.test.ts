import { describe, expect, it } from 'vitest'
import { createDefaultScenario } from './presets'
import { readScenarioFile, writeScenarioFile } from './import-export'

describe('import / export', () => {
  it('round-trips the scenario through the file format', () => {
    const scenario = createDefaultScenario()
    const result = readScenarioFile(writeScenarioFile(scenario))
    expect(result).toEqual({ ok: true, scenario })
  })

  it('accepts a conformance case and a case file, keeping only the scenario', () => {
    const scenario = createDefaultScenario()
    const kase = { id: 'x', source: 'doc', expect: { statusCode: 400 }, ...scenario }
    expect(readScenarioFile(JSON.stringify(kase))).toEqual({ ok: true, scenario })
    expect(readScenarioFile(JSON.stringify({ cases: [kase] }))).toEqual({ ok: true, scenario })
  })

  it('explains what is wrong with a bad file', () => {
    const table: [string, RegExp][] = [
      ['{not json', /not valid JSON/],
      ['[1, 2]', /JSON object/],
      ['{"setup": {}}', /missing request, lambda/],
      ['{"cases": []}', /no case/],
    ]
    for (const [text, message] of table) {
      const result = readScenarioFile(text)
      expect(result.ok, text).toBe(false)
      if (!result.ok) expect(result.message, text).toMatch(message)
    }
  })

  it('rejects a scenario the engine finds invalid', () => {
    const bad = { setup: { method: 'nope' }, request: { method: 'GET', path: '/' }, lambda: {} }
    const result = readScenarioFile(JSON.stringify(bad))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/not valid/)
  })
})

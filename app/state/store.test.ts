import { describe, expect, it } from 'vitest'
import { createEnv, simulate } from '../engine'
import { readPresetScenario } from './presets'
import { selectDiagnosticsFor } from './selectors'
import { createAppStore } from './store'

describe('store', () => {
  it('reseeds editors on external loads but not on edits', () => {
    const store = createAppStore()
    const { loadId } = store.getState()
    store.getState().editScenario((d) => {
      d.request.path = '/x'
    })
    expect(store.getState().loadId).toBe(loadId)
    expect(store.getState().presetId).toBeNull()
    store.getState().loadPreset('timeout')
    expect(store.getState().loadId).toBe(loadId + 1)
    expect(store.getState().presetId).toBe('timeout')
    expect(store.getState().scenario).toEqual(readPresetScenario('timeout'))
    store.getState().loadPreset('unknown')
    expect(store.getState().presetId).toBe('timeout')
  })

  it('gathers an editor’s diagnostics from parsing and the engine (its rule table included)', () => {
    const store = createAppStore()
    const diagnostic = (source: string, code: string) => ({
      source,
      severity: 'error' as const,
      code,
      message: code,
      span: { start: 0, end: 1 },
    })
    store.getState().setParseDiagnostics('lambda.payload', [diagnostic('lambda.payload', 'json')])
    // A proxy integration ignores its rules, yet the table still reports a pattern that does
    // not compile, and the editor shows it.
    const scenario = readPresetScenario('seed-proxy-error')!
    scenario.setup.method.methodIntegration.integrationResponses = {
      '400': { statusCode: '400', selectionPattern: '(' },
    }
    store.getState().receiveOutput({ simulation: simulate(scenario, createEnv()) })
    const state = store.getState()
    expect(selectDiagnosticsFor(state, 'lambda.payload').map((d) => d.code)).toEqual(['json'])
    expect(
      selectDiagnosticsFor(state, 'integration.responses.400.selectionPattern').map((d) => d.code),
    ).toEqual(['regex.syntax'])
    expect(selectDiagnosticsFor(state, 'request.body')).toEqual([])
    store.getState().setParseDiagnostics('lambda.payload', [])
    expect(selectDiagnosticsFor(store.getState(), 'lambda.payload')).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { encodeShareState } from '../share'
import { resolveInitialState } from './bootstrap'
import { AUTOSAVE_KEY, persistable, readAutosave, writeAutosave } from './persist'
import { createDefaultScenario, readPresetScenario } from './presets'
import { createAppStore } from './store'

function createMemoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  }
}

describe('starting state', () => {
  const saved = readPresetScenario('timeout')!
  const savedStorage = () =>
    createMemoryStorage({
      [AUTOSAVE_KEY]: JSON.stringify({
        scenario: saved,
        ui: { theme: 'dark', bodyView: 'raw', trialMessages: 'a\n---\nb' },
      }),
    })

  it('is the seed on a fresh visit', () => {
    const initial = resolveInitialState('', createMemoryStorage())
    expect(initial).toEqual({ source: 'default', scenario: createDefaultScenario() })
  })

  it('is the autosave when there is no link', () => {
    const initial = resolveInitialState('', savedStorage())
    expect(initial.source).toBe('autosave')
    expect(initial.scenario).toEqual(saved)
    expect(initial.ui).toEqual({ theme: 'dark', bodyView: 'raw', trialMessages: 'a\n---\nb' })
  })

  it('is the shared scenario when the link is good', () => {
    const shared = readPresetScenario('malformed-proxy')!
    const hash = `#${encodeShareState({ scenario: shared })}`
    const initial = resolveInitialState(hash, savedStorage())
    expect(initial.source).toBe('link')
    expect(initial.scenario).toEqual(shared)
  })

  it('is the default plus a banner for damaged links, leaving the autosave alone', () => {
    const good = encodeShareState({ scenario: readPresetScenario('malformed-proxy')! })
    const hashes = [
      '#garbage!!',
      `#${good.slice(0, Math.floor(good.length / 2))}`,
      `#${'A'.repeat(300000)}`,
    ]
    for (const hash of hashes) {
      const storage = savedStorage()
      const before = [...storage.data.entries()]
      const initial = resolveInitialState(hash, storage)
      expect(initial.source, hash.slice(0, 20)).toBe('bad-link')
      expect(initial.scenario).toEqual(createDefaultScenario())
      expect(initial.banner?.message).toMatch(/link/)
      expect([...storage.data.entries()]).toEqual(before)
    }
  })

  it("is the autosave when the address holds this tab's own older mirror (a reload after an edit)", () => {
    const older = encodeShareState({ scenario: readPresetScenario('malformed-proxy')! })
    const initial = resolveInitialState(`#${older}`, savedStorage(), older)
    expect(initial.source).toBe('autosave')
    expect(initial.scenario).toEqual(saved)
  })

  it('is the link when it is not what this tab mirrored, or when nothing was autosaved', () => {
    const shared = readPresetScenario('malformed-proxy')!
    const link = encodeShareState({ scenario: shared })
    const other = encodeShareState({ scenario: readPresetScenario('timeout')! })
    expect(resolveInitialState(`#${link}`, savedStorage(), other).scenario).toEqual(shared)
    expect(resolveInitialState(`#${link}`, savedStorage(), '').scenario).toEqual(shared)
    expect(resolveInitialState(`#${link}`, createMemoryStorage(), link).source).toBe('link')
  })

  it('refuses a link whose content is not a valid scenario', () => {
    const hostile = encodeShareState({ scenario: { setup: 42 } as never })
    const initial = resolveInitialState(`#${hostile}`, createMemoryStorage())
    expect(initial.source).toBe('bad-link')
  })
})

describe('autosave', () => {
  it('saves only the persistable subset and reads it back validated', () => {
    const store = createAppStore()
    store.getState().loadPreset('seed-proxy-error')
    store.getState().setTheme('light')
    const storage = createMemoryStorage()
    writeAutosave(storage, store.getState())
    expect(Object.keys(JSON.parse(storage.data.get(AUTOSAVE_KEY)!))).toEqual(['scenario', 'ui'])
    expect(readAutosave(storage)).toEqual(persistable(store.getState()))
  })

  it('ignores unreadable or invalid saves', () => {
    for (const raw of ['{oops', 'null', '{"scenario": {"setup": 1}}']) {
      expect(readAutosave(createMemoryStorage({ [AUTOSAVE_KEY]: raw })), raw).toBeUndefined()
    }
    const throwing = {
      getItem: () => {
        throw new Error('denied')
      },
    }
    expect(readAutosave(throwing)).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { encodeShareState } from '../share'
import { needsLinkReader, resolveInitialState } from './bootstrap'
import { AUTOSAVE_KEY, persistable, readAutosave, writeAutosave } from './persist'
import { createDefaultScenario, readPresetScenario } from './presets'
import { readShareFragment } from './share-link'
import { createAppStore } from './store'

function createMemoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  }
}

/** The page's own resolution, with the share-link reader it loads when a link needs reading. */
const resolve = (hash: string, storage: Pick<Storage, 'getItem'>, mirrored: string | null = null) =>
  resolveInitialState(hash, storage, mirrored, readShareFragment)

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
    const initial = resolve('', createMemoryStorage())
    expect(initial).toEqual({ source: 'default', scenario: createDefaultScenario() })
  })

  it('is the autosave when there is no link', () => {
    const initial = resolve('', savedStorage())
    expect(initial.source).toBe('autosave')
    expect(initial.scenario).toEqual(saved)
    expect(initial.ui).toEqual({ theme: 'dark', bodyView: 'raw', trialMessages: 'a\n---\nb' })
  })

  it('is the shared scenario when the link is good', () => {
    const shared = readPresetScenario('malformed-proxy')!
    const hash = `#${encodeShareState({ scenario: shared })}`
    const initial = resolve(hash, savedStorage())
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
      const initial = resolve(hash, storage)
      expect(initial.source, hash.slice(0, 20)).toBe('bad-link')
      expect(initial.scenario).toEqual(createDefaultScenario())
      expect(initial.banner?.message).toMatch(/link/)
      expect([...storage.data.entries()]).toEqual(before)
    }
  })

  it("is the autosave when the address holds this tab's own older mirror (a reload after an edit)", () => {
    const older = encodeShareState({ scenario: readPresetScenario('malformed-proxy')! })
    const initial = resolve(`#${older}`, savedStorage(), older)
    expect(initial.source).toBe('autosave')
    expect(initial.scenario).toEqual(saved)
  })

  it('is the link when it is not what this tab mirrored, or when nothing was autosaved', () => {
    const shared = readPresetScenario('malformed-proxy')!
    const link = encodeShareState({ scenario: shared })
    const other = encodeShareState({ scenario: readPresetScenario('timeout')! })
    expect(resolve(`#${link}`, savedStorage(), other).scenario).toEqual(shared)
    expect(resolve(`#${link}`, savedStorage(), '').scenario).toEqual(shared)
    expect(resolve(`#${link}`, createMemoryStorage(), link).source).toBe('link')
  })

  it('needs the share-link reader only for a fragment it did not mirror itself', () => {
    const link = encodeShareState({ scenario: readPresetScenario('malformed-proxy')! })
    expect(needsLinkReader('', savedStorage())).toBe(false)
    expect(needsLinkReader('#', savedStorage())).toBe(false)
    expect(needsLinkReader(`#${link}`, savedStorage(), link)).toBe(false)
    expect(needsLinkReader(`#${link}`, createMemoryStorage(), link)).toBe(true)
    expect(needsLinkReader(`#${link}`, savedStorage(), 'other')).toBe(true)
    expect(needsLinkReader(`#${link}`, savedStorage())).toBe(true)
  })

  it('refuses a link whose content is not a valid scenario', () => {
    const hostile = encodeShareState({ scenario: { setup: 42 } as never })
    const initial = resolve(`#${hostile}`, createMemoryStorage())
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

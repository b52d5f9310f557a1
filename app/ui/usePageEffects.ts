/**
 * Effects that tie the store to the page: theme on <html>, debounced autosave, and the share
 * fragment kept in the address bar with history.replaceState. The autosave is flushed when the
 * page is hidden. The tab remembers which fragment it mirrored (sessionStorage), so a reload
 * right after typing, whose address still holds an older mirror, restores the autosave instead
 * (see state/bootstrap.ts): a reload loses nothing.
 */
import { useEffect } from 'react'
import { MIRRORED_KEY } from '../state/bootstrap'
import { writeAutosave } from '../state/persist'
import type { AppStore } from '../state/store'
import type { AppState, SerializedScenario } from '../state/types'
import { AUTOSAVE_LIMIT, FRAGMENT_MIRROR_LIMIT } from './worker/protocol'
import { isSmallText } from './worker/text-size'

const AUTOSAVE_DELAY_MS = 300
const FRAGMENT_DELAY_MS = 500

/** The share-link codec, loaded on first use (most page loads never need it before an edit). */
const loadShareLink = () => import('../state/share-link')

/** Applies the theme preference to the document element. */
export function useThemeEffect(store: AppStore): void {
  useEffect(() => {
    const apply = (theme: string) => {
      const root = document.documentElement
      if (theme === 'system') delete root.dataset.theme
      else root.dataset.theme = theme
    }
    apply(store.getState().theme)
    return store.subscribe((s, prev) => {
      if (s.theme !== prev.theme) apply(s.theme)
    })
  }, [store])
}

/** Calls `write` at most once per `delay` after changes, and once more on page hide. */
function createDebounced(write: () => void, delay: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  return {
    schedule: () => {
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        write()
      }, delay)
    },
    flush: () => {
      if (timer === undefined) return
      clearTimeout(timer)
      timer = undefined
      write()
    },
  }
}

/** The worker's serialised copy of the current scenario, when it matches the latest edit. */
function readReady(state: AppState): Omit<SerializedScenario, 'scenario'> | undefined {
  const ready = state.serialized
  return ready && ready.scenario === state.scenario ? ready : undefined
}

/**
 * The current scenario's share fragment (null when too large to mirror): the worker's copy when it
 * matches the latest edit (so a large scenario is never compressed on the page's thread while
 * typing), else made here. Undefined when the scenario changed while the codec loaded.
 */
async function readFragment(store: AppStore): Promise<string | null | undefined> {
  const state = store.getState()
  const ready = readReady(state)
  if (ready) return ready.fragment
  const json = JSON.stringify(state.scenario)
  if (json.length > FRAGMENT_MIRROR_LIMIT) return null
  const { writeShareFragment } = await loadShareLink()
  return store.getState().scenario === state.scenario
    ? writeShareFragment(state.scenario)
    : undefined
}

/** Autosaves the persistable state and mirrors the scenario into the URL fragment. */
export function usePersistenceEffects(store: AppStore): void {
  useEffect(() => {
    // The worker's serialised copy is used when it is ready; until then the write waits for it
    // (a large scenario is never stringified on the page's thread while typing). Only leaving the
    // page stringifies here, as the last chance to save.
    let leaving = false
    const autosave = createDebounced(() => {
      const state = store.getState()
      const ready = readReady(state)
      if (!ready && !leaving && !isSmallText(state.scenario)) return autosave.schedule()
      // The worker's copy has no JSON when it was larger than AUTOSAVE_LIMIT.
      const json = ready ? ready.json : JSON.stringify(state.scenario)
      // Larger than any browser's storage quota: writing it would only fail, slowly.
      if (json === null || json.length > AUTOSAVE_LIMIT) return
      writeAutosave(window.localStorage, state, json)
    }, AUTOSAVE_DELAY_MS)
    const mirror = async () => {
      // Until the worker's copy of this scenario arrives, wait for it rather than serialise here.
      const state = store.getState()
      if (!readReady(state) && !leaving && !isSmallText(state.scenario)) return fragment.schedule()
      const hash = window.location.hash
      const text = await readFragment(store)
      // A newer edit is on its way: its own mirror follows.
      if (text === undefined) return
      // A link was pasted into the address bar meanwhile: it is not ours to overwrite (its
      // hashchange loads it, or says why it cannot).
      if (window.location.hash !== hash) return
      try {
        const { pathname, search } = window.location
        const url = text === null ? `${pathname}${search}` : `#${text}`
        window.history.replaceState(window.history.state, '', url)
        window.sessionStorage.setItem(MIRRORED_KEY, text ?? '')
      } catch {
        // the address bar is a convenience; Share still works
      }
    }
    const fragment = createDebounced(() => void mirror(), FRAGMENT_DELAY_MS)
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.scenario !== prev.scenario) {
        autosave.schedule()
        fragment.schedule()
      } else if (
        s.theme !== prev.theme ||
        s.bodyView !== prev.bodyView ||
        s.trialMessages !== prev.trialMessages
      ) {
        autosave.schedule()
      }
    })
    // Only the autosave is flushed when the page goes: a reload already has its address, and
    // mirroring a newer fragment now would hide that the address holds an older one.
    const flush = () => {
      leaving = true
      autosave.flush()
      leaving = false
    }
    window.addEventListener('pagehide', flush)
    return () => {
      leaving = true
      autosave.flush()
      fragment.flush()
      unsubscribe()
      window.removeEventListener('pagehide', flush)
    }
  }, [store])
}

/**
 * A share link pasted into the address bar of an open lab only changes the hash (no reload):
 * load it like a link opened fresh. Our own replaceState writes do not fire `hashchange`.
 */
export function useHashChangeEffect(store: AppStore): void {
  useEffect(() => {
    const onHashChange = async (url: string) => {
      const { readShareFragment } = await loadShareLink()
      // The fragment navigated to, as it was then: the address may have changed since.
      const link = readShareFragment(new URL(url).hash)
      if (link.kind === 'ok') {
        store.getState().loadScenario(link.scenario)
        store.getState().dismissBanner()
      } else if (link.kind === 'bad') {
        store.getState().showBanner({
          kind: 'error',
          message: `${link.message} Your current work is unchanged.`,
        })
      }
    }
    const listener = (event: HashChangeEvent) => void onHashChange(event.newURL)
    window.addEventListener('hashchange', listener)
    return () => window.removeEventListener('hashchange', listener)
  }, [store])
}

/** Mount and URL bootstrap only: pick the starting state, then render the page. */
import { StrictMode, Suspense, lazy } from 'react'
import { createRoot } from 'react-dom/client'
import {
  MIRRORED_KEY,
  needsLinkReader,
  resolveInitialState,
  type InitialState,
  type LinkReader,
} from './state/bootstrap'
import { isEmbedSearch } from './state/embed'
import { useAppStore } from './state/store'
import { App } from './ui/App'
import './ui/styles.css'

function readStorage(): Pick<Storage, 'getItem'> {
  try {
    return window.localStorage
  } catch {
    return { getItem: () => null }
  }
}

function readMirrored(): string | null {
  try {
    return window.sessionStorage.getItem(MIRRORED_KEY)
  } catch {
    return null
  }
}

/**
 * The share-link decoder (and the compression under it) is loaded only when the address holds a
 * link to read: most visits start from the autosave or the default and never need it.
 */
async function loadLinkReader(): Promise<LinkReader> {
  const { readShareFragment } = await import('./state/share-link')
  return readShareFragment
}

// The embedded view shows its link's scenario only: it never reads or writes the autosave.
const embedded = isEmbedSearch(window.location.search)

async function resolveStart(): Promise<InitialState> {
  const hash = window.location.hash
  if (embedded) {
    const link = hash.length > 1 ? (await loadLinkReader())(hash) : undefined
    return link?.kind === 'ok'
      ? { source: 'link', scenario: link.scenario }
      : resolveInitialState('', { getItem: () => null })
  }
  const storage = readStorage()
  const mirrored = readMirrored()
  const reader = needsLinkReader(hash, storage, mirrored) ? await loadLinkReader() : undefined
  return resolveInitialState(hash, storage, mirrored, reader)
}

function start(initial: InitialState): void {
  useAppStore.setState({
    scenario: initial.scenario,
    presetId:
      initial.source === 'default' || initial.source === 'bad-link' ? 'seed-custom-error' : null,
    banner: initial.banner ?? null,
    ...('ui' in initial ? (initial.ui ?? {}) : {}),
  })
  const root = document.getElementById('root')
  if (root) {
    createRoot(root).render(
      <StrictMode>
        {embedded ? (
          <Suspense fallback={null}>
            <EmbedApp />
          </Suspense>
        ) : (
          <App />
        )}
      </StrictMode>,
    )
  }
}

/** The embedded view is its own chunk: the playground never loads it. */
const EmbedApp = lazy(() => import('./ui/embed/EmbedApp').then((m) => ({ default: m.EmbedApp })))

void resolveStart().then(start, () =>
  // Never reached in practice (every reader catches its own errors): show the default anyway.
  start(resolveInitialState('', { getItem: () => null })),
)

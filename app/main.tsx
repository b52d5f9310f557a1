/** Mount and URL bootstrap only: pick the starting state, then render the page. */
import { StrictMode, Suspense, lazy } from 'react'
import { createRoot } from 'react-dom/client'
import { MIRRORED_KEY, resolveInitialState } from './state/bootstrap'
import { isEmbedSearch } from './state/embed'
import { readShareFragment } from './state/share-link'
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

// The embedded view shows its link's scenario only: it never reads or writes the autosave.
const embedded = isEmbedSearch(window.location.search)
const link = embedded ? readShareFragment(window.location.hash) : undefined
const initial = link
  ? link.kind === 'ok'
    ? { source: 'link' as const, scenario: link.scenario }
    : resolveInitialState('', { getItem: () => null })
  : resolveInitialState(window.location.hash, readStorage(), readMirrored())
useAppStore.setState({
  scenario: initial.scenario,
  presetId:
    initial.source === 'default' || initial.source === 'bad-link' ? 'seed-custom-error' : null,
  banner: initial.banner ?? null,
  ...('ui' in initial ? (initial.ui ?? {}) : {}),
})

/** The embedded view is its own chunk: the playground never loads it. */
const EmbedApp = lazy(() => import('./ui/embed/EmbedApp').then((m) => ({ default: m.EmbedApp })))

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

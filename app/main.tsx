/** Mount and URL bootstrap only: pick the starting state, then render the page. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { MIRRORED_KEY, resolveInitialState } from './state/bootstrap'
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

const initial = resolveInitialState(window.location.hash, readStorage(), readMirrored())
useAppStore.setState({
  scenario: initial.scenario,
  presetId:
    initial.source === 'default' || initial.source === 'bad-link' ? 'seed-custom-error' : null,
  banner: initial.banner ?? null,
  ...(initial.ui ?? {}),
})

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

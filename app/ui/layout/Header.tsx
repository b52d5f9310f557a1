import { Suspense, lazy } from 'react'
import { CompareButton } from '../compare/CompareButton'
import { IntegrationTypeSwitch } from './IntegrationTypeSwitch'
import { PresetPicker } from './PresetPicker'
import { ShareButton } from './ShareButton'
import { ThemeToggle } from './ThemeToggle'

// Loaded just after the first paint: the page is usable without them for that moment.
const EmbedButton = lazy(() =>
  import('../embed/EmbedButton').then((m) => ({ default: m.EmbedButton })),
)
const ImportExport = lazy(() => import('./ImportExport').then((m) => ({ default: m.ImportExport })))

/** The page header: what the page is, and the scenario-wide controls. */
export function Header() {
  return (
    <header className="app-header">
      <h1>API Gateway Lab</h1>
      <div className="header-controls">
        <PresetPicker />
        <IntegrationTypeSwitch />
        <CompareButton />
        <ShareButton />
        <Suspense fallback={null}>
          <EmbedButton />
          <ImportExport />
        </Suspense>
        <ThemeToggle />
      </div>
    </header>
  )
}

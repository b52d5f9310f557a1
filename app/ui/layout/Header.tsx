import { CompareButton } from '../compare/CompareButton'
import { EmbedButton } from '../embed/EmbedButton'
import { ImportExport } from './ImportExport'
import { IntegrationTypeSwitch } from './IntegrationTypeSwitch'
import { PresetPicker } from './PresetPicker'
import { ShareButton } from './ShareButton'
import { ThemeToggle } from './ThemeToggle'

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
        <EmbedButton />
        <ImportExport />
        <ThemeToggle />
      </div>
    </header>
  )
}

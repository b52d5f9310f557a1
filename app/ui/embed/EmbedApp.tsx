import { useMemo } from 'react'
import { buildPlaygroundUrl } from '../../state/embed'
import { useAppStore } from '../../state/store'
import { ResponsePanel } from '../response/ResponsePanel'
import { TracePanel } from '../trace/TracePanel'
import { useThemeEffect } from '../usePageEffects'
import { useSimulationRunner } from '../worker/useSimulationRunner'
import './embed.css'

/** The setup, read-only and collapsed: what was configured, for whoever wants to look. */
function ScenarioSummary() {
  const scenario = useAppStore((s) => s.scenario)
  const text = useMemo(() => JSON.stringify(scenario, null, 2), [scenario])
  const integration = scenario.setup.method.methodIntegration
  return (
    <details className="embed-setup" data-testid="embed.setup">
      <summary>
        Setup (read-only): {scenario.request.method} {scenario.request.path} →{' '}
        {integration.type === 'AWS_PROXY' ? 'Lambda proxy' : 'Lambda custom'} integration
      </summary>
      <pre className="embed-json">{text}</pre>
    </details>
  )
}

/**
 * The embedded view (`?embed=1`): one scenario, read-only, with its response and trace. It saves
 * nothing and never touches the address bar or the host page; the link opens the playground.
 */
export function EmbedApp() {
  useSimulationRunner(useAppStore)
  useThemeEffect(useAppStore)
  const playground = useMemo(() => buildPlaygroundUrl(window.location.href), [])
  return (
    <main className="embed" data-testid="embed.view">
      <header className="embed-header">
        <h1>API Gateway Lab</h1>
        <a href={playground} target="_blank" rel="noopener noreferrer" data-testid="embed.open">
          Open in playground
        </a>
      </header>
      <ScenarioSummary />
      <ResponsePanel />
      <TracePanel />
    </main>
  )
}

import { useAppStore } from '../state/store'
import { CompareSlot } from './compare/CompareSlot'
import { GatewayResponsesPanel } from './inputs/GatewayResponsesPanel'
import { IntegrationResponsesPanel } from './inputs/IntegrationResponsesPanel'
import { LambdaPanel } from './inputs/LambdaPanel'
import { MethodResponsesPanel } from './inputs/MethodResponsesPanel'
import { RequestPanel } from './inputs/RequestPanel'
import { RequestTemplatesPanel } from './inputs/RequestTemplatesPanel'
import { StagePanel } from './inputs/StagePanel'
import { TrialsPanel } from './inputs/TrialsPanel'
import { Banner } from './layout/Banner'
import { Header } from './layout/Header'
import { ResponsePanel } from './response/ResponsePanel'
import { EventPanel } from './trace/EventPanel'
import { LogPanel } from './trace/LogPanel'
import { PipelineDiagram } from './trace/PipelineDiagram'
import { TracePanel } from './trace/TracePanel'
import { useHashChangeEffect, usePersistenceEffects, useThemeEffect } from './usePageEffects'
import { useSimulationRunner } from './worker/useSimulationRunner'

/** The playground page: inputs on the left, live results on the right. */
export function App() {
  useSimulationRunner(useAppStore)
  usePersistenceEffects(useAppStore)
  useThemeEffect(useAppStore)
  useHashChangeEffect(useAppStore)
  return (
    <>
      <a className="skip-link" href="#results">
        Skip to results
      </a>
      <Header />
      <Banner />
      <main className="workspace">
        {/* On wide screens each column is its own scroll box, so each takes focus: keyboard users
            can scroll it, and "Skip to results" lands in it. */}
        <div className="column inputs" role="region" aria-label="Inputs" tabIndex={0}>
          <LambdaPanel />
          <IntegrationResponsesPanel />
          <TrialsPanel />
          <RequestPanel />
          <RequestTemplatesPanel />
          <MethodResponsesPanel />
          <GatewayResponsesPanel />
          <StagePanel />
        </div>
        <div
          className="column outputs"
          id="results"
          role="region"
          aria-label="Results"
          tabIndex={0}
        >
          <CompareSlot />
          <PipelineDiagram />
          <ResponsePanel />
          <TracePanel />
          <LogPanel />
          <EventPanel />
        </div>
      </main>
    </>
  )
}

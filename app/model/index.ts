export type { Diagnostic, EditorId, Result, Span } from './diagnostic'
export type {
  CaseExpectation,
  ClientRequest,
  ConformanceCase,
  GatewayResponse,
  Integration,
  IntegrationResponse,
  InvokeFailure,
  Json,
  LambdaOutcome,
  Method,
  MethodResponse,
  Scenario,
  Setup,
} from './scenario'
export type {
  ClientResponse,
  RuleEvaluation,
  RuleTable,
  Simulation,
  StageName,
  TraceEntry,
} from './simulation'
export type { EditorRef } from './editor-ref'
export { formatEditorId, formatEditorPrefix, parseEditorId } from './editor-ref'
export type { LimitHit, LimitName, MeterLimits, MeterOptions, Metered } from './meter'
export { createMeter, DEFAULT_METER_LIMITS, describeLimitHit, LimitExceeded, Meter } from './meter'

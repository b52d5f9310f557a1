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
  Simulation,
  StageName,
  TraceEntry,
} from './simulation'

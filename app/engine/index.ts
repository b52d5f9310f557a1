/**
 * The simulation engine: the public surface of `app/engine/`.
 * `simulate` runs one request through API Gateway and Lambda (proxy `AWS_PROXY` and custom `AWS`);
 * `validateScenario` checks untrusted JSON before it becomes a scenario.
 */
export type { EngineEnv } from './env'
export { createEnv } from './env'
export { INVOKE_FAILURES } from './defaults'
export { simulate } from './simulate'
export { formatLogTimestamp } from './log'
export { validateScenario } from './validate-scenario'
export type { JsonSchema } from './schemas'
export { LAMBDA_ERROR_SCHEMA, PROXY_RESULT_SCHEMA, SCENARIO_SCHEMA } from './schemas'
export type {
  LambdaRuntime,
  PayloadStyle,
  RuntimeError,
  RuntimeErrorInput,
  RuntimeErrorKind,
} from './runtime-errors'
export {
  LAMBDA_RUNTIMES,
  RUNTIME_ERROR_KINDS,
  SEED_ERROR_MESSAGE,
  SEED_REQUEST_ID,
  buildRuntimeError,
  buildRuntimeErrorOutcome,
  detectPayloadStyle,
  detectRuntime,
  serializeErrorPayload,
} from './runtime-errors'
export type { BatchResult, BatchRule, BatchSelection } from './stages/integration-response-batch'
export { selectForErrorMessages } from './stages/integration-response-batch'

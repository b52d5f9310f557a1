/** Scenario builders for the engine's unit tests (never imported by app code). */
import type { IntegrationResponse, LambdaOutcome, Method, Scenario } from '../model'
import { createEnv } from './env'
import type { EngineEnv } from './env'
import { startExecutionLog } from './log'
import type { RunContext } from './trace'

/** A Lambda function ARN inside an integration uri. */
export const URI =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations'

/** The seed handler's success result. */
export const HELLO: LambdaOutcome = {
  kind: 'result',
  payload: { statusCode: 200, body: '"Hello from Lambda!"' },
}

/** The seed handler's error. */
export const DUMMY_ERROR: LambdaOutcome = {
  kind: 'error',
  functionError: 'Unhandled',
  payload: {
    errorMessage: 'Dummy error ...',
    errorType: 'Exception',
    requestId: 'abcd1234-abb9-4ca3-b848-993693f465ab',
    stackTrace: [],
  },
}

/** A proxy method `ANY /{proxy+}`. */
export function proxyScenario(
  overrides: Partial<Scenario> = {},
  method: Partial<Method> = {},
): Scenario {
  return {
    setup: {
      stageName: 'test',
      method: {
        httpMethod: 'ANY',
        resourcePath: '/{proxy+}',
        methodIntegration: { type: 'AWS_PROXY', httpMethod: 'POST', uri: URI },
        ...method,
      },
    },
    request: { method: 'GET', path: '/hello' },
    lambda: HELLO,
    ...overrides,
  }
}

/** A custom method `GET /lambda` with a default 200 and the given extra integration responses. */
export function customScenario(
  responses: Record<string, IntegrationResponse> = {},
  overrides: Partial<Scenario> = {},
): Scenario {
  const methodResponses: Record<string, { statusCode: string }> = { '200': { statusCode: '200' } }
  for (const key of Object.keys(responses)) methodResponses[key] = { statusCode: key }
  return {
    setup: {
      method: {
        httpMethod: 'GET',
        resourcePath: '/lambda',
        methodResponses,
        methodIntegration: {
          type: 'AWS',
          httpMethod: 'POST',
          uri: URI,
          integrationResponses: { '200': { statusCode: '200' }, ...responses },
        },
      },
    },
    request: { method: 'GET', path: '/lambda' },
    lambda: HELLO,
    ...overrides,
  }
}

/** A run context for calling one stage directly. */
export function runContext(scenario: Scenario, env: EngineEnv = createEnv()): RunContext {
  const now = env.now()
  const requestId = env.nextId()
  return {
    scenario,
    env,
    log: startExecutionLog(requestId, now),
    requestId,
    extendedRequestId: 'Abcdefghijklmn=',
    traceId: 'Root=1-00000000-000000000000000000000001',
    now,
    stage: scenario.setup.stageName ?? 'test',
  }
}

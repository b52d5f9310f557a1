/**
 * Built-in scenarios offered by the preset picker. The seed article's handler comes first and is
 * what a fresh visit shows. Each is a plain scenario in the shape of conformance/FORMAT.md.
 */
import type { IntegrationResponse, Json, LambdaOutcome, MethodResponse, Scenario } from '../model'
import { SEED_ERROR_MESSAGE, SEED_REQUEST_ID, buildRuntimeErrorOutcome } from '../engine'
import type { LambdaRuntime } from '../engine'

/** One entry of the preset picker. */
export type Preset = {
  /** Stable id, also the `<option>` value. */
  id: string
  /** What the picker shows. */
  label: string
  scenario: Scenario
}

const FUNCTION_URI =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:seed-fn/invocations'

/**
 * What the runtime sends when a handler raises `message`: by default the seed's Python handler
 * (`raise Exception('Dummy error ...')` in lambda_function.py), byte for byte.
 */
function runtimeError(message: string, runtime: LambdaRuntime = 'python'): LambdaOutcome {
  return buildRuntimeErrorOutcome({
    runtime,
    kind: 'exception',
    message,
    requestId: SEED_REQUEST_ID,
  })
}

/** Lambda's own report of a function that ran past its configured timeout (1 s here). */
function functionTimeout(): LambdaOutcome {
  return buildRuntimeErrorOutcome({
    runtime: 'python',
    kind: 'timeout',
    requestId: SEED_REQUEST_ID,
    timeoutSeconds: 1,
  })
}

/** The seed handler's success: `{statusCode: 200, body: JSON.stringify('Hello from Lambda!')}`. */
const HELLO: LambdaOutcome = {
  kind: 'result',
  payload: { statusCode: 200, body: JSON.stringify('Hello from Lambda!') },
}

function methodResponses(...codes: string[]): Record<string, MethodResponse> {
  return Object.fromEntries(codes.map((statusCode) => [statusCode, { statusCode }]))
}

function customScenario(
  lambda: LambdaOutcome,
  integrationResponses: Record<string, IntegrationResponse>,
  codes: string[],
): Scenario {
  return {
    setup: {
      stageName: 'test',
      method: {
        httpMethod: 'GET',
        resourcePath: '/lambda',
        methodResponses: methodResponses(...codes),
        methodIntegration: {
          type: 'AWS',
          httpMethod: 'POST',
          uri: FUNCTION_URI,
          passthroughBehavior: 'WHEN_NO_MATCH',
          integrationResponses,
        },
      },
    },
    request: { method: 'GET', path: '/lambda' },
    lambda,
  }
}

/** The seed article's integration responses: a default 200 and `.*Dummy error.*` → 400. */
const SEED_RULES: Record<string, IntegrationResponse> = {
  '200': { statusCode: '200', selectionPattern: '' },
  '400': { statusCode: '400', selectionPattern: '.*Dummy error.*' },
}

function proxyScenario(lambda: LambdaOutcome): Scenario {
  const scenario = customScenario(lambda, SEED_RULES, ['200', '400'])
  // The rules stay (AWS_PROXY ignores them) so switching to custom shows the seed's 400 path.
  scenario.setup.method.methodIntegration.type = 'AWS_PROXY'
  return scenario
}

const PARSE_JSON_TEMPLATE = [
  "#set($err = $util.parseJson($input.path('$.errorMessage')))",
  '{',
  '  "code": $err.status,',
  '  "message": "$util.escapeJavaScript($err.message)"',
  '}',
].join('\n')

const jsonErrorMessage: Json = { status: 404, message: 'Pet 42 not found' }

/** All presets, the seed first. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'seed-custom-error',
    label: 'Seed “Dummy error ...” · custom → 400',
    scenario: customScenario(runtimeError(SEED_ERROR_MESSAGE), SEED_RULES, ['200', '400']),
  },
  {
    id: 'seed-custom-success',
    label: 'Seed “Hello from Lambda!” · custom → 200',
    scenario: customScenario(HELLO, SEED_RULES, ['200', '400']),
  },
  {
    id: 'seed-proxy-error',
    label: 'Seed “Dummy error ...” · proxy → 502',
    scenario: proxyScenario(runtimeError(SEED_ERROR_MESSAGE)),
  },
  {
    id: 'seed-proxy-success',
    label: 'Seed “Hello from Lambda!” · proxy → 200',
    scenario: proxyScenario(HELLO),
  },
  {
    id: 'multi-line-error',
    label: 'Multi-line errorMessage “.+” misses',
    scenario: customScenario(
      runtimeError('Validation failed:\nname is required', 'nodejs'),
      {
        '200': { statusCode: '200', selectionPattern: '' },
        '400': { statusCode: '400', selectionPattern: '.+' },
      },
      ['200', '400'],
    ),
  },
  {
    id: 'json-error-message',
    label: 'JSON errorMessage + $util.parseJson',
    scenario: customScenario(
      runtimeError(JSON.stringify(jsonErrorMessage), 'nodejs'),
      {
        '200': { statusCode: '200', selectionPattern: '' },
        '404': {
          statusCode: '404',
          selectionPattern: '.*"status":404.*',
          responseTemplates: { 'application/json': PARSE_JSON_TEMPLATE },
        },
      },
      ['200', '404'],
    ),
  },
  {
    id: 'malformed-proxy',
    label: 'Malformed proxy response → 502',
    scenario: proxyScenario({
      kind: 'result',
      payload: { statusCode: 200, body: { message: 'Hello from Lambda!' } },
    }),
  },
  {
    id: 'function-timeout',
    label: 'Function timeout (Lambda) · custom → 200 with Sandbox.Timedout',
    scenario: customScenario(functionTimeout(), SEED_RULES, ['200', '400']),
  },
  {
    id: 'function-timeout-proxy',
    label: 'Function timeout (Lambda) · proxy → 502',
    scenario: proxyScenario(functionTimeout()),
  },
  {
    // The id stays `timeout` so saved states and links that name it keep working.
    id: 'timeout',
    label: 'Integration timeout (API Gateway, timeoutInMillis) → 504',
    scenario: customScenario({ kind: 'invokeFailure', failure: 'timeout' }, SEED_RULES, [
      '200',
      '400',
    ]),
  },
]

/** The scenario of a fresh visit: the seed handler throwing behind a custom integration. */
export function createDefaultScenario(): Scenario {
  return structuredClone(PRESETS[0]!.scenario)
}

/** A deep copy of a preset's scenario, or undefined for an unknown id. */
export function readPresetScenario(id: string): Scenario | undefined {
  const preset = PRESETS.find((p) => p.id === id)
  return preset ? structuredClone(preset.scenario) : undefined
}

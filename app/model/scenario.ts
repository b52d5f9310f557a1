/**
 * The scenario: the one data model of the lab (UI state, share links, import/export, tests).
 * Field names are AWS's own, exactly as `../shared/conformance/FORMAT.md` describes.
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** A method response, as `aws apigateway get-method` prints it. */
export type MethodResponse = {
  statusCode: string
  /** `method.response.header.<Name>` → required flag. */
  responseParameters?: Record<string, boolean>
  responseModels?: Record<string, string>
}

/** An integration response (custom integration). */
export type IntegrationResponse = {
  statusCode: string
  /** Java regex matched against the whole errorMessage; absent or `""` = default response. */
  selectionPattern?: string
  /** `method.response.header.<Name>` → `integration.response.header.X` | `integration.response.body[.path]` | `'static'`. */
  responseParameters?: Record<string, string>
  /** Content type → VTL template. */
  responseTemplates?: Record<string, string>
  contentHandling?: 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY'
}

/** The method's integration (`methodIntegration`). */
export type Integration = {
  /** `AWS_PROXY` = Lambda proxy, `AWS` = Lambda custom (non-proxy). */
  type: 'AWS_PROXY' | 'AWS'
  /** Must be POST for Lambda. */
  httpMethod?: string
  uri?: string
  requestTemplates?: Record<string, string>
  /** `integration.request.<location>.<name>` → `method.request.<location>.<name>` | `'static'`. */
  requestParameters?: Record<string, string>
  passthroughBehavior?: 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER'
  contentHandling?: 'CONVERT_TO_TEXT' | 'CONVERT_TO_BINARY'
  timeoutInMillis?: number
  /** Keyed by status code; ignored for `AWS_PROXY`. */
  integrationResponses?: Record<string, IntegrationResponse>
}

/** The method, in the shape `aws apigateway get-method` prints. */
export type Method = {
  /** `GET`, `POST`, ... or `ANY`. */
  httpMethod: string
  /** e.g. `/pets/{id}` or `/{proxy+}`. */
  resourcePath: string
  /** `method.request.<location>.<name>` → required flag. */
  requestParameters?: Record<string, boolean>
  requestValidatorId?: string
  methodResponses?: Record<string, MethodResponse>
  methodIntegration: Integration
}

/** A gateway response, in the shape `aws apigateway get-gateway-response` prints. */
export type GatewayResponse = {
  /** Absent: the status API Gateway would have used stays. */
  statusCode?: string
  /** `gatewayresponse.header.<Name>` → `'static'` | `method.request.<location>.<name>`. */
  responseParameters?: Record<string, string>
  responseTemplates?: Record<string, string>
}

/** The deployed API around the method. */
export type Setup = {
  /** Default `test`. */
  stageName?: string
  stageVariables?: Record<string, string>
  method: Method
  /** Keyed by gateway response type, e.g. `DEFAULT_5XX`. */
  gatewayResponses?: Record<string, GatewayResponse>
  binaryMediaTypes?: string[]
}

/** The client's request, exactly as sent. */
export type ClientRequest = {
  method: string
  /** Raw path after `/{stageName}`, not percent-decoded. */
  path: string
  /** Raw query string without `?`. */
  query?: string
  /** Header name → value; an array means the header was repeated. Order and casing kept. */
  headers?: Record<string, string | string[]>
  body?: string
}

/** Lambda invoke failures API Gateway can meet. */
export type InvokeFailure =
  | 'timeout'
  | 'throttled'
  | 'notFound'
  | 'accessDenied'
  | 'payloadTooLarge'
  | 'integrationHttpMethodNotPost'

/** What the Lambda Invoke call gave back to API Gateway. */
export type LambdaOutcome =
  | { kind: 'result'; payload: Json }
  | { kind: 'result'; payloadRaw: string }
  | {
      kind: 'error'
      functionError?: string
      payload: Json
      /** The exact payload text (key order, spacing), when it matters; `payload` is its parse. */
      payloadRaw?: string
    }
  | { kind: 'echo' }
  | { kind: 'proxyEcho' }
  | { kind: 'invokeFailure'; failure: InvokeFailure }

/** One complete scenario. */
export type Scenario = {
  setup: Setup
  request: ClientRequest
  lambda: LambdaOutcome
}

/** What a conformance case expects the client to receive (see FORMAT.md). */
export type CaseExpectation = {
  statusCode: number
  headers?: Record<string, string>
  absentHeaders?: string[]
  body?: string
  bodyJson?: Json
  bodyJsonSubset?: Json
  bodyBase64?: string
  lambdaEvent?: Json
  executionLog?: string[]
}

/** A conformance case: a scenario plus its id, source and expectation. */
export type ConformanceCase = Scenario & {
  id: string
  description?: string
  source?: string
  formatGap?: string
  expect: CaseExpectation
}

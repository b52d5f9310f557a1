/**
 * JSON Schemas (draft-07, plain data) for the JSON editors: the Lambda proxy result, the Lambda
 * error payload and the scenario import file. The descriptions are what the editor shows on
 * hover, so they say what API Gateway does with each field (facts recorded from AWS; see
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 * and https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html).
 */

import { INVOKE_FAILURES } from './defaults'

/** A draft-07 JSON Schema as plain data. */
export type JsonSchema = { [key: string]: unknown }

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#'

const HEADER_VALUE: JsonSchema = {
  type: ['string', 'boolean', 'number'],
  description: 'Sent as text: booleans become "true"/"false".',
}

/** The Lambda proxy (`AWS_PROXY`, payload 1.0) result contract. */
export const PROXY_RESULT_SCHEMA: JsonSchema = {
  $schema: DRAFT_07,
  $id: 'api-gateway-lab://schemas/proxy-result.json',
  title: 'Lambda proxy integration result',
  description:
    'What a function behind a Lambda proxy integration must return. Any other shape (a bare string, null, an array, an unknown key, a body that is not a string) makes API Gateway answer 502 {"message": "Internal server error"} and log "Execution failed due to configuration error: Malformed Lambda proxy response".',
  type: 'object',
  properties: {
    statusCode: {
      description:
        'HTTP status for the client. A whole number, or a string holding one ("201" is accepted); any other string ("test") gives 502. When absent the client gets 200.',
      oneOf: [
        { type: 'integer' },
        { type: 'string', pattern: '^[0-9]+$', description: 'A status code written as text.' },
      ],
    },
    headers: {
      description:
        'Single-value response headers. null is accepted. Merged with multiValueHeaders: names match case-insensitively, multiValueHeaders values come first.',
      type: ['object', 'null'],
      additionalProperties: HEADER_VALUE,
    },
    multiValueHeaders: {
      description:
        'Headers with several values each. Every value must be a list: {"x": "v"} (not a list) gives 502.',
      type: 'object',
      additionalProperties: { type: 'array', items: HEADER_VALUE },
    },
    body: {
      description:
        'The response body, as a string. Put JSON in it with JSON.stringify / json.dumps: an object here gives 502 "Malformed Lambda proxy response". Absent: empty body.',
      type: 'string',
    },
    isBase64Encoded: {
      description:
        'true: body is base64. API Gateway decodes it only when the first media type of the request Accept header matches one of the API binaryMediaTypes; otherwise the base64 text is sent as it is. Undecodable base64 then gives 500.',
      type: 'boolean',
    },
  },
  additionalProperties: false,
}

/** The error payload a failed Lambda invocation returns (`X-Amz-Function-Error` set). */
export const LAMBDA_ERROR_SCHEMA: JsonSchema = {
  $schema: DRAFT_07,
  $id: 'api-gateway-lab://schemas/lambda-error.json',
  title: 'Lambda function error',
  description:
    'What Lambda returns when the handler throws. Proxy integration: always 502 {"message": "Internal server error"}. Custom integration: errorMessage is matched against each integration response selectionPattern (whole string, Java regex); unmatched errors go to the default response, which is 200 unless you map them.',
  type: 'object',
  properties: {
    errorMessage: {
      description:
        'The exception message. Selection patterns must match all of it; "." does not match a newline, use (\\n|.)+ to catch everything.',
      type: 'string',
    },
    errorType: { description: 'The exception class, e.g. "Error" or "Exception".', type: 'string' },
    stackTrace: {
      description: 'Stack frames as text (Python and Java runtimes).',
      type: 'array',
      items: { type: 'string' },
    },
    requestId: { description: 'The Lambda request id (Python runtime).', type: 'string' },
  },
  required: ['errorMessage', 'errorType'],
}

const STRING_MAP: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } }
const BOOLEAN_MAP: JsonSchema = { type: 'object', additionalProperties: { type: 'boolean' } }
const STATUS_CODE: JsonSchema = {
  type: 'string',
  pattern: '^[1-5][0-9][0-9]$',
  description: 'HTTP status code as a string, e.g. "200".',
}
const CONTENT_HANDLING: JsonSchema = { enum: ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'] }
const JSON_VALUE: JsonSchema = { description: 'Any JSON value.' }

const INTEGRATION_RESPONSE: JsonSchema = {
  type: 'object',
  properties: {
    statusCode: STATUS_CODE,
    selectionPattern: {
      type: 'string',
      description:
        'Java regex matched against the whole errorMessage (the empty string on success). Absent or "" = the default response.',
    },
    responseParameters: {
      ...STRING_MAP,
      description: "method.response.header.<Name> → integration.response.body.<path> | 'static'",
    },
    responseTemplates: { ...STRING_MAP, description: 'Content type → VTL template.' },
    contentHandling: CONTENT_HANDLING,
  },
  required: ['statusCode'],
  additionalProperties: false,
}

const INTEGRATION: JsonSchema = {
  type: 'object',
  properties: {
    type: {
      enum: ['AWS_PROXY', 'AWS'],
      description: 'AWS_PROXY = Lambda proxy integration; AWS = Lambda custom (non-proxy).',
    },
    httpMethod: { type: 'string', description: 'Must be POST for Lambda.' },
    uri: { type: 'string' },
    requestTemplates: { ...STRING_MAP, description: 'Content type → VTL template.' },
    requestParameters: STRING_MAP,
    passthroughBehavior: { enum: ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] },
    contentHandling: CONTENT_HANDLING,
    timeoutInMillis: { type: 'integer', minimum: 50 },
    integrationResponses: { type: 'object', additionalProperties: INTEGRATION_RESPONSE },
  },
  required: ['type'],
  additionalProperties: false,
}

const METHOD: JsonSchema = {
  type: 'object',
  description: 'The method, in the shape `aws apigateway get-method` prints.',
  properties: {
    httpMethod: { type: 'string' },
    resourcePath: { type: 'string', pattern: '^/' },
    requestParameters: BOOLEAN_MAP,
    requestValidatorId: { type: 'string' },
    methodResponses: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          statusCode: STATUS_CODE,
          responseParameters: BOOLEAN_MAP,
          responseModels: STRING_MAP,
        },
        additionalProperties: false,
      },
    },
    methodIntegration: INTEGRATION,
  },
  required: ['httpMethod', 'resourcePath', 'methodIntegration'],
}

const LAMBDA: JsonSchema = {
  description: 'What the Lambda Invoke call gives back to API Gateway.',
  oneOf: [
    {
      type: 'object',
      properties: { kind: { const: 'result' }, payload: JSON_VALUE },
      required: ['kind', 'payload'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kind: { const: 'result' }, payloadRaw: { type: 'string' } },
      required: ['kind', 'payloadRaw'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kind: { const: 'error' },
        functionError: { type: 'string' },
        payload: { ...JSON_VALUE, description: 'The error payload, e.g. {"errorMessage": …}.' },
        payloadRaw: {
          type: 'string',
          description:
            'The exact payload text Lambda sends (key order, spacing); must be the JSON of payload.',
        },
      },
      required: ['kind', 'payload'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kind: { enum: ['echo', 'proxyEcho'] } },
      required: ['kind'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kind: { const: 'invokeFailure' },
        failure: {
          enum: [...INVOKE_FAILURES],
        },
      },
      required: ['kind', 'failure'],
      additionalProperties: false,
    },
  ],
}

/** A scenario import/export file: `{ setup, request, lambda }` as in FORMAT.md. */
export const SCENARIO_SCHEMA: JsonSchema = {
  $schema: DRAFT_07,
  $id: 'api-gateway-lab://schemas/scenario.json',
  title: 'API Gateway Lab scenario',
  type: 'object',
  properties: {
    setup: {
      type: 'object',
      properties: {
        stageName: { type: 'string', description: 'Default "test".' },
        stageVariables: STRING_MAP,
        method: METHOD,
        gatewayResponses: {
          type: 'object',
          description: 'Keyed by gateway response type, e.g. DEFAULT_5XX.',
          propertyNames: { pattern: '^[A-Z_0-9]+$' },
          additionalProperties: {
            type: 'object',
            properties: {
              statusCode: STATUS_CODE,
              responseParameters: STRING_MAP,
              responseTemplates: STRING_MAP,
            },
            additionalProperties: false,
          },
        },
        binaryMediaTypes: { type: 'array', items: { type: 'string' } },
      },
      required: ['method'],
      additionalProperties: false,
    },
    request: {
      type: 'object',
      properties: {
        method: { type: 'string', pattern: '^[A-Za-z]+$' },
        path: { type: 'string', description: 'Raw path after /{stageName}, not percent-decoded.' },
        query: { type: 'string', description: 'Raw query string, without "?".' },
        headers: {
          type: 'object',
          description: 'An array value means the header was repeated.',
          additionalProperties: {
            oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
          },
        },
        body: { type: 'string' },
      },
      required: ['method', 'path'],
      additionalProperties: false,
    },
    lambda: LAMBDA,
  },
  required: ['setup', 'request', 'lambda'],
  additionalProperties: false,
}

/**
 * AWS constants the engine reproduces. Each list names the section of
 * `shared/reference/aws-behaviour.md` it comes from.
 */

import type { InvokeFailure } from '../model'

/** Default stage name when the scenario gives none. */
export const DEFAULT_STAGE = 'test'

/** The Invoke failures a scenario can simulate (`lambda.kind: 'invokeFailure'`). */
export const INVOKE_FAILURES = [
  'timeout',
  'throttled',
  'notFound',
  'accessDenied',
  'payloadTooLarge',
  'integrationHttpMethodNotPost',
] as const satisfies readonly InvokeFailure[]

/**
 * PutIntegration's default passthroughBehavior.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegration.html
 */
export const DEFAULT_PASSTHROUGH = 'WHEN_NO_MATCH'

/** Integration latency shown in the log; nothing runs, so this is a fixed, plausible value. */
export const SIMULATED_LATENCY_MS = 25

/**
 * Lambda's synchronous response limit in bytes (the number in Lambda's own error text,
 * "Response payload size exceeded maximum allowed payload size (6291556 bytes).").
 */
export const LAMBDA_PAYLOAD_LIMIT = 6291556

/**
 * Lambda's synchronous request limit in bytes: a larger Invoke payload is rejected with 413
 * "Request must be smaller than 6291456 bytes for the InvokeFunction operation"
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
 */
export const LAMBDA_REQUEST_LIMIT = 6291456

/** The text Lambda's Invoke API answers a too-large request with. */
export const LAMBDA_REQUEST_TOO_LARGE_TEXT = `Request must be smaller than ${LAMBDA_REQUEST_LIMIT} bytes for the InvokeFunction operation`

/** Values in the console log are cut after this many characters (the console's test log cuts them, then adds " [TRUNCATED]"). */
export const LOG_VALUE_LIMIT = 1000

/**
 * Client request headers API Gateway never forwards to a Lambda backend, lower-case.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html
 */
export const DROPPED_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'content-length',
  'content-md5',
  'expect',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'te',
  'transfer-encoding',
  'trailer',
  'upgrade',
  'www-authenticate',
])

/** `integration.request.header.<Name>` targets that make every call fail with 500 (observed). */
export const FORBIDDEN_INTEGRATION_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'connection',
  'content-length',
  'expect',
  'proxy-authenticate',
  'te',
  'transfer-encoding',
])

/**
 * Mapped response headers API Gateway sends as `x-amzn-Remapped-<Name>`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html
 */
export const REMAPPED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'connection',
  'content-length',
  'content-md5',
  'date',
  'expect',
  'host',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'trailer',
  'upgrade',
  'user-agent',
  'www-authenticate',
])

/**
 * Mapped response headers that never reach the client: dropped, or replaced by AWS's own.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html
 */
export const SUPPRESSED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'transfer-encoding',
  'via',
])

/** Request headers that reach a proxy event Pascal-cased (by the CloudFront edge). */
export const PASCAL_CASED_REQUEST_HEADERS: Readonly<Record<string, string>> = {
  authorization: 'Authorization',
  'user-agent': 'User-Agent',
}

/**
 * The only keys a payload format 1.0 proxy result may have.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
export const PROXY_RESULT_KEYS: ReadonlySet<string> = new Set([
  'statusCode',
  'headers',
  'multiValueHeaders',
  'body',
  'isBase64Encoded',
])

/**
 * A built-in gateway response type: its default status and message.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export type GatewayResponseDefault = {
  /** Default status; `undefined` for DEFAULT_4XX/5XX (they keep the status they are given). */
  status?: number
  /** `$context.error.message`. */
  message: string
  /** `x-amzn-ErrorType`. */
  errorType: string
}

/**
 * Every gateway response type AWS accepts, with what API Gateway sends by default.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export const GATEWAY_RESPONSE_DEFAULTS: Readonly<Record<string, GatewayResponseDefault>> = {
  ACCESS_DENIED: { status: 403, message: 'Forbidden', errorType: 'AccessDeniedException' },
  API_CONFIGURATION_ERROR: {
    status: 500,
    message: 'Internal server error',
    errorType: 'InternalServerErrorException',
  },
  AUTHORIZER_CONFIGURATION_ERROR: {
    status: 500,
    message: 'Internal server error',
    errorType: 'InternalServerErrorException',
  },
  AUTHORIZER_FAILURE: {
    status: 500,
    message: 'Internal server error',
    errorType: 'InternalServerErrorException',
  },
  BAD_REQUEST_BODY: {
    status: 400,
    message: 'Invalid request body',
    errorType: 'BadRequestException',
  },
  BAD_REQUEST_PARAMETERS: {
    status: 400,
    message: 'Missing required request parameters',
    errorType: 'BadRequestException',
  },
  DEFAULT_4XX: { message: 'Bad Request', errorType: 'BadRequestException' },
  DEFAULT_5XX: { message: 'Internal server error', errorType: 'InternalServerErrorException' },
  EXPIRED_TOKEN: { status: 403, message: 'Token expired', errorType: 'ExpiredTokenException' },
  INTEGRATION_FAILURE: {
    status: 504,
    message: 'Internal server error',
    errorType: 'InternalServerErrorException',
  },
  INTEGRATION_TIMEOUT: {
    status: 504,
    message: 'Endpoint request timed out',
    errorType: 'InternalServerErrorException',
  },
  INVALID_API_KEY: { status: 403, message: 'Forbidden', errorType: 'ForbiddenException' },
  INVALID_SIGNATURE: {
    status: 403,
    message: 'Invalid signature',
    errorType: 'InvalidSignatureException',
  },
  MISSING_AUTHENTICATION_TOKEN: {
    status: 403,
    message: 'Missing Authentication Token',
    errorType: 'MissingAuthenticationTokenException',
  },
  QUOTA_EXCEEDED: { status: 429, message: 'Limit Exceeded', errorType: 'LimitExceededException' },
  REQUEST_TOO_LARGE: { status: 413, message: 'Request Too Long', errorType: 'BadRequestException' },
  RESOURCE_NOT_FOUND: { status: 404, message: 'Not Found', errorType: 'NotFoundException' },
  THROTTLED: { status: 429, message: 'Too Many Requests', errorType: 'TooManyRequestsException' },
  UNAUTHORIZED: { status: 401, message: 'Unauthorized', errorType: 'UnauthorizedException' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Unsupported Media Type',
    errorType: 'BadRequestException',
  },
  WAF_FILTERED: { status: 403, message: 'Forbidden', errorType: 'WafFilteredException' },
}

/** The gateway-response template every type has until customised. */
export const DEFAULT_GATEWAY_TEMPLATE = '{"message":$context.error.messageString}'

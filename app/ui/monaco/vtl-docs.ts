/**
 * What the VTL editor knows about API Gateway's template variables and Velocity's directives:
 * the completion and hover data, plus the pure lookups the Monaco providers call. Wording is our
 * own summary of the API Gateway developer guide ("Variables for data transformations") and
 * `shared/reference/aws-behaviour.md`; no Monaco here, so it is unit-tested in Node.
 */

/** What a documented name is, which decides its completion icon and how it is inserted. */
export type VtlDocKind = 'namespace' | 'property' | 'method' | 'directive'

/** One documented name: a variable path such as `context.identity.sourceIp`, or a directive. */
export type VtlDocEntry = {
  /** Dotted path without `$` (`input.json`) or a directive with `#` (`#foreach`). */
  path: string
  kind: VtlDocKind
  /** How it is written, for the hover title: `$input.json(x)`, `#foreach($item in $list)`. */
  signature: string
  /** Text inserted by completion (Monaco snippet syntax); defaults to the last path segment. */
  insert?: string
  /** A short explanation (Markdown). */
  doc: string
}

const NOTE_GATEWAY_ONLY =
  'Meant for gateway response templates, which API Gateway fills in by plain variable ' +
  'substitution rather than by running Velocity, and for access logs.'
const NOTE_OVERRIDE =
  'Overrides are applied after the whole template has run, and each one may be set only once.'
const NOTE_IDENTITY_NULL =
  'Empty unless the request was authenticated that way; in this lab there is no caller identity.'

function prop(path: string, doc: string): VtlDocEntry {
  return { path, kind: 'property', signature: `$${path}`, doc }
}

function ns(path: string, doc: string): VtlDocEntry {
  return { path, kind: 'namespace', signature: `$${path}`, doc }
}

function method(path: string, args: string, insert: string, doc: string): VtlDocEntry {
  return { path, kind: 'method', signature: `$${path}(${args})`, insert, doc }
}

function identity(name: string, doc: string): VtlDocEntry {
  return prop(`context.identity.${name}`, doc)
}

/** The `$input`, `$util`, `$context` and `$stageVariables` names a mapping template can use. */
export const VTL_VARIABLES: readonly VtlDocEntry[] = [
  ns(
    'input',
    'The payload and parameters the template transforms: in a request template the method ' +
      "request; in a response template the integration's response (the Lambda result).",
  ),
  prop('input.body', 'The raw payload as a string, exactly as received.'),
  method(
    'input.json',
    'x',
    "json('${1:\\$}')",
    "Evaluates the JSONPath `x` against the payload and returns the result as JSON text (strings keep their quotes), e.g. `$input.json('$.pets')`. Place it unquoted in a JSON template.",
  ),
  method(
    'input.path',
    'x',
    "path('${1:\\$}')",
    "Evaluates the JSONPath `x` against the payload and returns the value itself, so VTL can work with it: `$input.path('$.pets').size()`. Objects print as `{key=value}`, arrays as compact JSON; a missing path prints nothing.",
  ),
  method(
    'input.params',
    'x?',
    "params('${1:name}')",
    'With a name, returns that method request parameter, looked up in the path, then the query string, then the headers. Without arguments, returns a map with `path`, `querystring` and `header` maps. A missing parameter is empty. Headers API Gateway drops (such as `Content-Length`) are not visible.',
  ),
  prop('input.params().path', 'The path parameters of the method request, as a map.'),
  prop(
    'input.params().querystring',
    'The query-string parameters of the method request, as a map.',
  ),
  prop('input.params().header', 'The headers of the method request, as a map.'),
  ns(
    'util',
    'Helper functions for mapping templates (text is handled as UTF-8 unless stated otherwise).',
  ),
  method(
    'util.escapeJavaScript',
    'text',
    'escapeJavaScript(${1})',
    'Escapes `text` with JavaScript string rules, so it can go inside a quoted string. It also turns `\'` into `\\\'`, which is not valid JSON; undo that with `.replaceAll("\\\\\'","\'")` when the output is JSON.',
  ),
  method(
    'util.parseJson',
    'text',
    'parseJson(${1})',
    'Parses JSON text (for example a Lambda `errorMessage` that holds JSON) and returns the value, so its fields can be read in VTL.',
  ),
  method(
    'util.urlEncode',
    'text',
    'urlEncode(${1})',
    'Encodes `text` as `application/x-www-form-urlencoded` (spaces become `+`).',
  ),
  method(
    'util.urlDecode',
    'text',
    'urlDecode(${1})',
    'Decodes an `application/x-www-form-urlencoded` string (`+` becomes a space).',
  ),
  method('util.base64Encode', 'text', 'base64Encode(${1})', 'Encodes `text` as base64.'),
  method('util.base64Decode', 'text', 'base64Decode(${1})', 'Decodes base64 back to text.'),
  ns(
    'context',
    'Facts about the request and the API (case-sensitive names). Unknown or unset names print nothing.',
  ),
  prop('context.accountId', "The AWS account ID of the API's owner."),
  prop('context.apiId', 'The ID API Gateway gave the API.'),
  ns(
    'context.authorizer',
    'Values from the authorizer, when the method has one. The lab has no authorizer, so these are empty.',
  ),
  prop(
    'context.authorizer.principalId',
    'The principal ID a Lambda authorizer returned for the caller.',
  ),
  ns(
    'context.authorizer.claims',
    'Claims from a Cognito user pool authorizer, read one at a time: `$context.authorizer.claims.email`. The map itself is null.',
  ),
  prop('context.awsEndpointRequestId', 'The request ID of the AWS endpoint API Gateway called.'),
  prop('context.deploymentId', 'The ID of the API deployment that served the request.'),
  prop(
    'context.domainName',
    'The full domain name the client called; normally the same as the `Host` header.',
  ),
  prop('context.domainPrefix', 'The first label of `$context.domainName`.'),
  ns('context.error', 'Details of an error API Gateway produced itself.'),
  prop(
    'context.error.message',
    `The error message, e.g. \`Internal server error\`. ${NOTE_GATEWAY_ONLY}`,
  ),
  prop(
    'context.error.messageString',
    `The error message in double quotes, ready to use as a JSON string: the default gateway response body is \`{"message":$context.error.messageString}\`. ${NOTE_GATEWAY_ONLY}`,
  ),
  prop(
    'context.error.responseType',
    `The gateway response type, e.g. \`INTEGRATION_FAILURE\` or \`MISSING_AUTHENTICATION_TOKEN\`. ${NOTE_GATEWAY_ONLY}`,
  ),
  prop(
    'context.error.validationErrorString',
    'The detailed message of a failed request validation.',
  ),
  prop(
    'context.extendedRequestId',
    'A second request ID API Gateway generates, with more detail for troubleshooting.',
  ),
  prop('context.httpMethod', 'The HTTP method of the request: `GET`, `POST`, `PUT`, ….'),
  ns('context.identity', 'Who called: IP address, user agent, and IAM/Cognito/API-key identity.'),
  identity('accountId', `The AWS account ID that signed the request. ${NOTE_IDENTITY_NULL}`),
  identity('apiKey', 'The API key of the request, for methods that require one; otherwise null.'),
  identity('apiKeyId', 'The ID of the API key, for methods that require one.'),
  identity('caller', `The principal that signed the request. ${NOTE_IDENTITY_NULL}`),
  ns(
    'context.identity.clientCert',
    'The client certificate of a mutual-TLS request (`clientCertPem`, `subjectDN`, `issuerDN`, `serialNumber`, `validity.notBefore`, `validity.notAfter`).',
  ),
  identity(
    'cognitoAuthenticationProvider',
    `The Cognito authentication provider of a request signed with Cognito credentials. ${NOTE_IDENTITY_NULL}`,
  ),
  identity(
    'cognitoAuthenticationType',
    `The Cognito authentication type (\`authenticated\` / \`unauthenticated\`). ${NOTE_IDENTITY_NULL}`,
  ),
  identity('cognitoIdentityId', `The Cognito identity ID of the caller. ${NOTE_IDENTITY_NULL}`),
  identity(
    'cognitoIdentityPoolId',
    `The Cognito identity pool ID of the caller. ${NOTE_IDENTITY_NULL}`,
  ),
  identity('principalOrgId', `The AWS Organizations ID of the caller. ${NOTE_IDENTITY_NULL}`),
  identity(
    'sourceIp',
    'The IP address of the TCP connection that reached API Gateway. Do not trust it if an `X-Forwarded-For` header could have been forged along the way.',
  ),
  identity('user', `The principal of the authorized user. ${NOTE_IDENTITY_NULL}`),
  identity('userAgent', "The caller's `User-Agent` header."),
  identity('userArn', `The ARN of the user after authentication. ${NOTE_IDENTITY_NULL}`),
  identity('vpcId', 'The VPC ID of the caller, for private APIs only.'),
  identity('vpceId', 'The VPC endpoint ID of the caller, for private APIs only.'),
  prop(
    'context.isCanaryRequest',
    '`true` when the request went to the canary deployment, `false` otherwise; only set when a canary is enabled.',
  ),
  prop(
    'context.path',
    'The request path including the stage, e.g. `/prod/pets/1` (`$context.resourcePath` has no stage).',
  ),
  prop('context.protocol', 'The request protocol, e.g. `HTTP/1.1`.'),
  prop('context.requestId', 'The ID API Gateway gave this request.'),
  prop(
    'context.requestTime',
    'The request time in Common Log Format: `dd/MMM/yyyy:HH:mm:ss +0000`.',
  ),
  prop('context.requestTimeEpoch', 'The request time in epoch milliseconds.'),
  prop('context.resourceId', 'The ID API Gateway gave the resource.'),
  prop(
    'context.resourcePath',
    'The path of the resource as defined in the API, e.g. `/pets/{id}` (no stage).',
  ),
  prop('context.stage', 'The stage that served the request, e.g. `prod`.'),
  prop(
    'context.wafResponseCode',
    'The AWS WAF verdict, `WAF_ALLOW` or `WAF_BLOCK`; unset when no web ACL is attached.',
  ),
  prop(
    'context.webaclArn',
    'The ARN of the web ACL that judged the request; unset when no web ACL is attached.',
  ),
  prop('context.xrayTraceId', 'The X-Ray trace ID of the request.'),
  ns(
    'context.requestOverride',
    `Set these in a request template to change what is sent to the integration. ${NOTE_OVERRIDE}`,
  ),
  ns(
    'context.requestOverride.header',
    `\`#set($context.requestOverride.header.Name = "value")\` sends that header to the integration instead of the mapped one. ${NOTE_OVERRIDE}`,
  ),
  ns(
    'context.requestOverride.path',
    `\`#set($context.requestOverride.path.name = "value")\` replaces that integration path parameter. ${NOTE_OVERRIDE}`,
  ),
  ns(
    'context.requestOverride.querystring',
    `\`#set($context.requestOverride.querystring.name = "value")\` replaces that integration query-string parameter. ${NOTE_OVERRIDE}`,
  ),
  ns(
    'context.responseOverride',
    `Set these in a response template to change what the client gets. Not available with proxy integrations. ${NOTE_OVERRIDE}`,
  ),
  prop(
    'context.responseOverride.status',
    `\`#set($context.responseOverride.status = 400)\` returns that status instead of the selected integration response's status; it needs no matching method response. ${NOTE_OVERRIDE}`,
  ),
  ns(
    'context.responseOverride.header',
    `\`#set($context.responseOverride.header.Name = "value")\` returns that response header instead of the mapped one. ${NOTE_OVERRIDE}`,
  ),
  ns(
    'stageVariables',
    "The stage's variables: `$stageVariables.name` or `$stageVariables['name']`. A variable the stage does not define prints nothing.",
  ),
]

/** Velocity 1.7 directives, with API Gateway's limits where it adds any. */
export const VTL_DIRECTIVES: readonly VtlDocEntry[] = [
  {
    path: '#if',
    kind: 'directive',
    signature: '#if( condition ) … #elseif( condition ) … #else … #end',
    insert: 'if( ${1:\\$condition} )\n\t$0\n#end',
    doc: 'Renders its block when the condition is true; a condition is false when it is `false` or null (Velocity 1.7). In API Gateway a missing reference evaluates to `""`, so compare explicitly (`#if($x != "")`) to test whether a value is present.',
  },
  {
    path: '#elseif',
    kind: 'directive',
    signature: '#elseif( condition )',
    insert: 'elseif( ${1:\\$condition} )',
    doc: 'Another condition, tried when the `#if` and earlier `#elseif`s were false.',
  },
  {
    path: '#else',
    kind: 'directive',
    signature: '#else',
    insert: 'else',
    doc: 'Renders its block when no `#if` / `#elseif` condition was true. Write `#{else}` when text follows directly.',
  },
  {
    path: '#end',
    kind: 'directive',
    signature: '#end',
    insert: 'end',
    doc: 'Closes `#if`, `#foreach`, `#define` and `#macro`. Write `#{end}` when text follows directly.',
  },
  {
    path: '#foreach',
    kind: 'directive',
    signature: '#foreach( $item in $list ) … #end',
    insert: 'foreach( \\$${1:item} in ${2:\\$list} )\n\t$0\n#end',
    doc: 'Renders its block once per element of a list, map values or array. Inside, `$foreach.hasNext`, `$foreach.index` (from 0) and `$foreach.count` (from 1) describe the loop. API Gateway allows at most 1000 iterations per loop.',
  },
  {
    path: '#set',
    kind: 'directive',
    signature: '#set( $name = value )',
    insert: 'set( \\$${1:name} = ${2:value} )',
    doc: "Assigns a value to a reference, e.g. `#set($body = $input.path('$'))`. Also sets `$context.responseOverride.*` / `$context.requestOverride.*`.",
  },
  {
    path: '#break',
    kind: 'directive',
    signature: '#break',
    insert: 'break',
    doc: 'Leaves the innermost `#foreach` (or other enclosing block) immediately.',
  },
  {
    path: '#stop',
    kind: 'directive',
    signature: '#stop',
    insert: 'stop',
    doc: 'Stops rendering; the output produced so far is the result.',
  },
  {
    path: '#define',
    kind: 'directive',
    signature: '#define( $name ) … #end',
    insert: 'define( \\$${1:name} )\n\t$0\n#end',
    doc: 'Stores a block of template under a reference; the block is rendered each time the reference is used.',
  },
  {
    path: '#macro',
    kind: 'directive',
    signature: '#macro( name $arg … ) … #end',
    insert: 'macro( ${1:name} \\$${2:arg} )\n\t$0\n#end',
    doc: 'Defines a reusable block, called as `#name(arguments)`.',
  },
]

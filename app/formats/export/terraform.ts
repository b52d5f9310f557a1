/**
 * Terraform (HCL) for the AWS provider's API Gateway resources. Strings are written the way
 * Terraform reads them back: quoted with backslash escapes, `${` → `$${` and `%{` → `%%{` so
 * VTL's `${x}` and `%{` never become interpolations or directives; a multi-line value that ends
 * with a newline is a heredoc, where backslashes are literal but `${`/`%{` still need doubling.
 * https://developer.hashicorp.com/terraform/language/expressions/strings
 */
import type { Setup } from '../../model'
import { entriesOf, hasEntries, splitLambdaUri, splitResourcePath } from './common'

/** Escapes the template sequences `${` and `%{` (the only ones HCL reads in a string). */
function escapeTemplateSequences(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')
}

/** Control characters, line and paragraph separators and the BOM: escaped, never raw. */
function isInvisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff
  )
}

/** A quoted HCL string literal. */
export function quoteHcl(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === '\\') out += '\\\\'
    else if (ch === '"') out += '\\"'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (isInvisible(code)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`
    } else out += ch
  }
  return `"${escapeTemplateSequences(out)}"`
}

/** A heredoc when it reads better and is exact; otherwise a quoted string. */
function stringValue(text: string, indent: string): string {
  const lines = text.split('\n')
  // Heredoc content ends with the newline before the closing marker, so the text must too;
  // other control characters (and \r) would be invisible or normalised in a heredoc.
  const plain =
    lines.length > 2 &&
    text.endsWith('\n') &&
    ![...text].some((ch) => ch !== '\n' && ch !== '\t' && isInvisible(ch.codePointAt(0) ?? 0))
  if (!plain) return quoteHcl(text)
  let marker = 'EOT'
  for (let n = 1; lines.some((l) => l.trim() === marker); n++) marker = `EOT${n}`
  return `<<${marker}\n${escapeTemplateSequences(text)}${marker}\n${indent}`.trimEnd()
}

/** An HCL map of strings: `{ "key" = "value" }`, one entry a line. */
function stringMap(map: Record<string, string>, indent: string): string {
  const inner = indent + '  '
  const lines = entriesOf(map).map(([k, v]) => `${inner}${quoteHcl(k)} = ${stringValue(v, inner)}`)
  return `{\n${lines.join('\n')}\n${indent}}`
}

function boolMap(map: Record<string, boolean>, indent: string): string {
  const inner = indent + '  '
  const lines = entriesOf(map).map(([k, v]) => `${inner}${quoteHcl(k)} = ${v ? 'true' : 'false'}`)
  return `{\n${lines.join('\n')}\n${indent}}`
}

/** A Terraform identifier from any text. */
function identifier(prefix: string, text: string): string {
  const name = `${prefix}${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`
  // Terraform names start with a letter or an underscore.
  return /^[a-z_]/.test(name) ? name : `r_${name}`
}

type Block = { type: string; name: string; lines: string[] }

function renderBlock(block: Block): string {
  return `resource "${block.type}" "${block.name}" {\n${block.lines.map((l) => `  ${l}`).join('\n')}\n}\n`
}

/** The Terraform configuration for a setup. */
export function buildTerraform(setup: Setup): { text: string; cannotHold: string[] } {
  const cannotHold: string[] = []
  const method = setup.method
  const integration = method.methodIntegration
  const blocks: Block[] = []
  const header: string[] = []

  const api: string[] = ['name = "api-gateway-lab"']
  if (setup.binaryMediaTypes && setup.binaryMediaTypes.length > 0) {
    api.push(`binary_media_types = [${setup.binaryMediaTypes.map(quoteHcl).join(', ')}]`)
  }
  blocks.push({ type: 'aws_api_gateway_rest_api', name: 'api', lines: api })

  let parent = 'aws_api_gateway_rest_api.api.root_resource_id'
  splitResourcePath(method.resourcePath).forEach((segment, index) => {
    const name = `r${index + 1}`
    blocks.push({
      type: 'aws_api_gateway_resource',
      name,
      lines: [
        'rest_api_id = aws_api_gateway_rest_api.api.id',
        `parent_id   = ${parent}`,
        `path_part   = ${quoteHcl(segment)}`,
      ],
    })
    parent = `aws_api_gateway_resource.${name}.id`
  })
  const resourceId = parent

  const apiAndResource = [
    'rest_api_id = aws_api_gateway_rest_api.api.id',
    `resource_id = ${resourceId}`,
  ]
  const methodLines = [
    ...apiAndResource,
    `http_method = ${quoteHcl(method.httpMethod)}`,
    'authorization = "NONE"',
  ]
  if (hasEntries(method.requestParameters))
    methodLines.push(`request_parameters = ${boolMap(method.requestParameters ?? {}, '  ')}`)
  if (method.requestValidatorId !== undefined) {
    cannotHold.push(
      'setup.method.requestValidatorId (Terraform refers to a validator resource, not to an id)',
    )
  }
  blocks.push({ type: 'aws_api_gateway_method', name: 'method', lines: methodLines })
  const httpMethodRef = 'http_method = aws_api_gateway_method.method.http_method'

  const lambda = splitLambdaUri(integration.uri)
  const integrationLines = [
    ...apiAndResource,
    httpMethodRef,
    `type = ${quoteHcl(integration.type)}`,
  ]
  if (integration.httpMethod !== undefined)
    integrationLines.push(`integration_http_method = ${quoteHcl(integration.httpMethod)}`)
  if (lambda) {
    header.push(
      `variable "lambda_function_arn" {\n  description = "ARN of the Lambda function the method invokes"\n  type        = string\n  default     = ${quoteHcl(lambda.functionArn)}\n}\n`,
    )
    integrationLines.push(
      `uri = "${quoteHcl(lambda.prefix).slice(1, -1)}\${var.lambda_function_arn}${lambda.suffix}"`,
    )
  } else if (integration.uri !== undefined)
    integrationLines.push(`uri = ${quoteHcl(integration.uri)}`)
  if (hasEntries(integration.requestTemplates))
    integrationLines.push(
      `request_templates = ${stringMap(integration.requestTemplates ?? {}, '  ')}`,
    )
  if (hasEntries(integration.requestParameters))
    integrationLines.push(
      `request_parameters = ${stringMap(integration.requestParameters ?? {}, '  ')}`,
    )
  if (integration.passthroughBehavior !== undefined)
    integrationLines.push(`passthrough_behavior = ${quoteHcl(integration.passthroughBehavior)}`)
  if (integration.contentHandling !== undefined)
    integrationLines.push(`content_handling = ${quoteHcl(integration.contentHandling)}`)
  if (integration.timeoutInMillis !== undefined)
    integrationLines.push(`timeout_milliseconds = ${integration.timeoutInMillis}`)
  blocks.push({ type: 'aws_api_gateway_integration', name: 'integration', lines: integrationLines })

  const methodResponseNames = new Map<string, string>()
  const usedNames = new Set<string>()
  const uniqueName = (base: string): string => {
    let name = base
    for (let n = 2; usedNames.has(name); n++) name = `${base}_${n}`
    usedNames.add(name)
    return name
  }
  for (const [, r] of entriesOf(method.methodResponses)) {
    const name = uniqueName(identifier('s', r.statusCode))
    methodResponseNames.set(r.statusCode, name)
    const lines = [...apiAndResource, httpMethodRef, `status_code = ${quoteHcl(r.statusCode)}`]
    if (hasEntries(r.responseParameters))
      lines.push(`response_parameters = ${boolMap(r.responseParameters ?? {}, '  ')}`)
    if (hasEntries(r.responseModels))
      lines.push(`response_models = ${stringMap(r.responseModels ?? {}, '  ')}`)
    blocks.push({ type: 'aws_api_gateway_method_response', name, lines })
  }
  usedNames.clear()
  for (const [, r] of entriesOf(integration.integrationResponses)) {
    const name = uniqueName(identifier('s', r.statusCode))
    const methodResponse = methodResponseNames.get(r.statusCode)
    const statusCode = methodResponse
      ? `aws_api_gateway_method_response.${methodResponse}.status_code`
      : quoteHcl(r.statusCode)
    const lines = [...apiAndResource, httpMethodRef, `status_code = ${statusCode}`]
    if (r.selectionPattern !== undefined && r.selectionPattern !== '')
      lines.push(`selection_pattern = ${stringValue(r.selectionPattern, '  ')}`)
    if (hasEntries(r.responseParameters))
      lines.push(`response_parameters = ${stringMap(r.responseParameters ?? {}, '  ')}`)
    if (hasEntries(r.responseTemplates))
      lines.push(`response_templates = ${stringMap(r.responseTemplates ?? {}, '  ')}`)
    if (r.contentHandling !== undefined)
      lines.push(`content_handling = ${quoteHcl(r.contentHandling)}`)
    // The integration must exist before its responses.
    lines.push('depends_on = [aws_api_gateway_integration.integration]')
    blocks.push({ type: 'aws_api_gateway_integration_response', name, lines })
  }
  usedNames.clear()
  for (const [type, r] of entriesOf(setup.gatewayResponses)) {
    const lines = [
      'rest_api_id = aws_api_gateway_rest_api.api.id',
      `response_type = ${quoteHcl(type)}`,
    ]
    if (r.statusCode !== undefined) lines.push(`status_code = ${quoteHcl(r.statusCode)}`)
    if (hasEntries(r.responseParameters))
      lines.push(`response_parameters = ${stringMap(r.responseParameters ?? {}, '  ')}`)
    if (hasEntries(r.responseTemplates))
      lines.push(`response_templates = ${stringMap(r.responseTemplates ?? {}, '  ')}`)
    blocks.push({
      type: 'aws_api_gateway_gateway_response',
      name: uniqueName(identifier('', type)),
      lines,
    })
  }

  const deploymentDepends = [
    'aws_api_gateway_integration.integration',
    ...blocks
      .filter(
        (b) =>
          b.type === 'aws_api_gateway_integration_response' ||
          b.type === 'aws_api_gateway_gateway_response',
      )
      .map((b) => `${b.type}.${b.name}`),
  ]
  blocks.push({
    type: 'aws_api_gateway_deployment',
    name: 'deployment',
    lines: [
      'rest_api_id = aws_api_gateway_rest_api.api.id',
      `depends_on  = [${deploymentDepends.join(', ')}]`,
    ],
  })
  const stageLines = [
    'rest_api_id   = aws_api_gateway_rest_api.api.id',
    'deployment_id = aws_api_gateway_deployment.deployment.id',
    `stage_name    = ${quoteHcl(setup.stageName ?? 'test')}`,
  ]
  if (hasEntries(setup.stageVariables))
    stageLines.push(`variables = ${stringMap(setup.stageVariables ?? {}, '  ')}`)
  blocks.push({ type: 'aws_api_gateway_stage', name: 'stage', lines: stageLines })
  if (lambda) {
    blocks.push({
      type: 'aws_lambda_permission',
      name: 'api_gateway',
      lines: [
        'action        = "lambda:InvokeFunction"',
        'function_name = var.lambda_function_arn',
        'principal     = "apigateway.amazonaws.com"',
        'source_arn    = "${aws_api_gateway_rest_api.api.execution_arn}/*"',
      ],
    })
  }
  return { text: [...header, ...blocks.map(renderBlock)].join('\n'), cannotHold }
}

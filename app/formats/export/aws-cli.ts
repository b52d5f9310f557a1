/**
 * AWS CLI commands that build the method on an existing REST API and resource. Every argument is
 * one POSIX-shell single-quoted word (a `'` inside becomes `'\''`), so regexes, `$`, backslashes
 * and newlines reach the CLI unchanged; maps are JSON, which the CLI reads for map parameters
 * when the value starts with `{`. A string value that starts with `file://`, `fileb://`,
 * `http://` or `https://` would be read by the CLI as a file or URL to load, so such values go in
 * `--cli-input-json` instead.
 * https://docs.aws.amazon.com/cli/latest/reference/apigateway/put-integration.html
 */
import type { Json, Setup } from '../../model'
import { checkTextLimits, entriesOf, hasEntries, splitResourcePath } from './common'

/** One shell word: single-quoted unless it is made of safe characters only. */
export function quoteShell(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}

/** Values the CLI would load from a file or URL instead of taking literally. */
const LOADED_PREFIX = /^(file|fileb|http|https):\/\//i

/** A flag and its value; `{ raw }` is written as is (the `"$REST_API_ID"` placeholders). */
type Argument = [flag: string, value: string | { raw: string } | undefined]

const REST_API: Argument = ['--rest-api-id', { raw: '"$REST_API_ID"' }]
const RESOURCE: Argument = ['--resource-id', { raw: '"$RESOURCE_ID"' }]

function command(name: string, args: Argument[], inputJson: Record<string, Json> = {}): string {
  const words = [`aws apigateway ${name}`]
  for (const [flag, value] of args) {
    if (value === undefined) continue
    words.push(`${flag}=${typeof value === 'string' ? quoteShell(value) : value.raw}`)
  }
  if (Object.keys(inputJson).length > 0)
    words.push(`--cli-input-json=${quoteShell(JSON.stringify(inputJson))}`)
  return words.join(' \\\n    ')
}

/** `--flag=value`, or the value in `--cli-input-json` when the CLI would load it as a file/URL. */
function literal(
  flag: string,
  key: string,
  value: string | undefined,
  args: Argument[],
  inputJson: Record<string, Json>,
): void {
  if (value === undefined) return
  if (LOADED_PREFIX.test(value)) inputJson[key] = value
  else args.push([flag, value])
}

const json = (map: Record<string, unknown> | undefined): string | undefined =>
  hasEntries(map) ? JSON.stringify(map) : undefined

/** The shell script for a setup. */
export function buildAwsCliScript(setup: Setup): { text: string; cannotHold: string[] } {
  const cannotHold = checkTextLimits(setup, { nul: true })
  const method = setup.method
  const integration = method.methodIntegration
  const target: Argument[] = [REST_API, RESOURCE]
  const segments = splitResourcePath(method.resourcePath)
  const lines: string[] = [
    '#!/bin/sh',
    '# API Gateway Lab export: builds the method on an existing REST API. Set RESOURCE_ID to put it',
    '# on an existing resource; without it the path is created under the root, segment by segment.',
    'set -e',
    'REST_API_ID="${REST_API_ID:?set REST_API_ID to the REST API id}"',
    'if [ -z "${RESOURCE_ID:-}" ]; then',
    `  RESOURCE_ID=$(aws apigateway get-resources --rest-api-id="$REST_API_ID" --query=${quoteShell('items[?path==`/`].id')} --output=text)`,
    ...segments.map(
      (segment) =>
        `  RESOURCE_ID=$(aws apigateway create-resource --rest-api-id="$REST_API_ID" --parent-id="$RESOURCE_ID" --path-part=${quoteShell(segment)} --query=id --output=text)`,
    ),
    'fi',
    '',
  ]

  const methodInput: Record<string, Json> = {}
  const methodArgs: Argument[] = [...target]
  literal('--http-method', 'httpMethod', method.httpMethod, methodArgs, methodInput)
  methodArgs.push(['--authorization-type', 'NONE'])
  methodArgs.push(['--request-parameters', json(method.requestParameters)])
  literal(
    '--request-validator-id',
    'requestValidatorId',
    method.requestValidatorId,
    methodArgs,
    methodInput,
  )
  lines.push(command('put-method', methodArgs, methodInput), '')

  const httpMethodArg: Argument = ['--http-method', method.httpMethod]
  const integrationInput: Record<string, Json> = {}
  const integrationArgs: Argument[] = [...target, httpMethodArg, ['--type', integration.type]]
  literal(
    '--integration-http-method',
    'integrationHttpMethod',
    integration.httpMethod,
    integrationArgs,
    integrationInput,
  )
  literal('--uri', 'uri', integration.uri, integrationArgs, integrationInput)
  integrationArgs.push(['--request-templates', json(integration.requestTemplates)])
  integrationArgs.push(['--request-parameters', json(integration.requestParameters)])
  integrationArgs.push(['--passthrough-behavior', integration.passthroughBehavior])
  integrationArgs.push(['--content-handling', integration.contentHandling])
  integrationArgs.push(['--timeout-in-millis', integration.timeoutInMillis?.toString()])
  lines.push(command('put-integration', integrationArgs, integrationInput), '')

  for (const [, r] of entriesOf(method.methodResponses)) {
    const args: Argument[] = [...target, httpMethodArg, ['--status-code', r.statusCode]]
    args.push(['--response-parameters', json(r.responseParameters)])
    args.push(['--response-models', json(r.responseModels)])
    lines.push(command('put-method-response', args), '')
  }
  for (const [, r] of entriesOf(integration.integrationResponses)) {
    const input: Record<string, Json> = {}
    const args: Argument[] = [...target, httpMethodArg, ['--status-code', r.statusCode]]
    if (r.selectionPattern !== undefined && r.selectionPattern !== '') {
      literal('--selection-pattern', 'selectionPattern', r.selectionPattern, args, input)
    }
    args.push(['--response-parameters', json(r.responseParameters)])
    args.push(['--response-templates', json(r.responseTemplates)])
    args.push(['--content-handling', r.contentHandling])
    lines.push(command('put-integration-response', args, input), '')
  }
  for (const [type, r] of entriesOf(setup.gatewayResponses)) {
    const args: Argument[] = [REST_API, ['--response-type', type]]
    args.push(['--status-code', r.statusCode])
    args.push(['--response-parameters', json(r.responseParameters)])
    args.push(['--response-templates', json(r.responseTemplates)])
    lines.push(command('put-gateway-response', args), '')
  }
  if (setup.binaryMediaTypes && setup.binaryMediaTypes.length > 0) {
    // JSON Patch paths escape `~` as `~0` and `/` as `~1`.
    const operations = setup.binaryMediaTypes.map((mediaType) => ({
      op: 'add',
      path: `/binaryMediaTypes/${mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    }))
    lines.push(
      command('update-rest-api', [REST_API, ['--patch-operations', JSON.stringify(operations)]]),
      '',
    )
  }
  const deployArgs: Argument[] = [REST_API, ['--stage-name', setup.stageName ?? 'test']]
  deployArgs.push(['--variables', json(setup.stageVariables)])
  lines.push(command('create-deployment', deployArgs), '')
  return { text: lines.join('\n'), cannotHold }
}

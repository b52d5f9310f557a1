/**
 * Import: a file's text → the REST API methods it defines → one method's scenario. The format
 * is told from the content, never from a file name. Never throws: every problem comes back as
 * `{ ok: false, message }`, so the page keeps the current scenario.
 */
import type { ImportResult } from '../types'
import { ImportFailure, isObject, own } from './common'
import { isCloudFormation, isSam, readCloudFormation } from './cloudformation'
import type { FormatRead } from './format-read'
import type { HclParse } from './hcl-wasm'
import { isGetIntegration, isGetMethod, readAwsCli } from './aws-cli'
import { isOpenApi, readOpenApi } from './openapi'
import { plainContext } from './read-context'
import { isServerless, readServerless } from './serverless'
import { isTerraformJson, looksLikeHcl, readTerraform } from './terraform'
import { checkNesting, checkText, checkYamlComplete } from './text-checks'
import type { StyleMap } from './yaml-load'
import { loadYaml, readYaml } from './yaml-load'

export type { HclParse } from './hcl-wasm'
export { createHclParser } from './hcl-wasm'
export { SERVERLESS_DEFAULT_STATUS_CODES } from './serverless'
export { MAX_TEXT_LENGTH } from './text-checks'
export { defaultLambdaOutcome } from './common'

export type ImportOptions = {
  /** The Terraform parser (WebAssembly, loaded by the caller's environment). */
  parseHcl?: HclParse
}

/** True for the lab's own scenario/case JSON (read by the own-format importer instead). */
export function isOwnScenarioJson(value: unknown): boolean {
  return isObject(value) && (('setup' in value && 'lambda' in value) || Array.isArray(value.cases))
}

/** Reads a configuration file. Resolves to `{ ok: false, message }` on any problem. */
export async function importText(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    const read = await readFile(text.replace(/^\uFEFF/, ''), options)
    const byId = new Map(read.methods.map((m) => [m.id, m]))
    return {
      ok: true,
      format: read.format,
      methods: read.methods.map(({ id, httpMethod, resourcePath }) => ({
        id,
        httpMethod,
        resourcePath,
      })),
      notImported: read.notImported,
      scenarioFor: (id) => {
        const entry = byId.get(id)
        if (!entry) throw new Error(`No method ${id} in the file`)
        return entry.build()
      },
    }
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, message: error.message }
    if (error instanceof RangeError)
      return { ok: false, message: 'The file is nested too deeply or is too large to read.' }
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `The file could not be read (${detail}).` }
  }
}

async function readFile(text: string, options: ImportOptions): Promise<FormatRead> {
  checkText(text)
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    checkNesting(text, '"')
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      const hint = /escape/i.test(detail)
        ? ' JSON reads a backslash as an escape: write \\\\ for a regex backslash.'
        : ''
      throw new ImportFailure(`The file is not valid JSON (${detail}).${hint}`)
    }
    return readValue(value, 'json', undefined, text)
  }
  if (looksLikeHcl(text)) {
    if (!options.parseHcl)
      throw new ImportFailure('Terraform files need the HCL parser, which is not available here.')
    checkNesting(text, '"')
    const value = await options.parseHcl(text)
    if (!isObject(value)) throw new ImportFailure('The Terraform file is empty.')
    if (isTerraformJson(value)) return readTerraform(value, text)
    if (JSON.stringify(own(value, 'resource') ?? {}).includes('"aws_apigatewayv2_'))
      throw new ImportFailure(
        'The file defines only HTTP or WebSocket APIs (aws_apigatewayv2_*, API Gateway v2); the lab models REST API methods.',
      )
    throw new ImportFailure(
      'The Terraform file has no aws_api_gateway_* resource (a REST API method).',
    )
  }
  checkNesting(text, `"'`)
  checkYamlComplete(text)
  const yaml = await loadYaml()
  const { value, styles } = readYaml(yaml, text)
  return readValue(value, 'yaml', styles, text)
}

function readValue(
  value: unknown,
  syntax: 'json' | 'yaml',
  styles: StyleMap | undefined,
  text: string,
): FormatRead {
  if (!isObject(value))
    throw new ImportFailure(
      'The file holds no API definition: expected an object at the top level.',
    )
  if (isOwnScenarioJson(value))
    throw new ImportFailure('This is the lab’s own scenario file; use Import on it directly.')
  if (isOpenApi(value)) {
    const swagger = 'swagger' in value
    const format = swagger ? 'swagger' : syntax === 'json' ? 'openapi' : 'openapi-yaml'
    const read = readOpenApi(
      value,
      plainContext(syntax === 'json' ? 'json' : 'yaml', styles),
      format,
    )
    if (read.methods.length === 0)
      throw new ImportFailure('The OpenAPI document has no operation (no REST API method).')
    return read
  }
  if (isCloudFormation(value)) {
    const sam = isSam(value)
    const format = sam ? 'sam' : syntax === 'json' ? 'cloudformation-json' : 'cloudformation'
    return readCloudFormation(value, syntax === 'json' ? 'json' : 'cloudformation', styles, format)
  }
  if (isServerless(value)) return readServerless(value, styles)
  if (isTerraformJson(value)) return readTerraform(value, undefined)
  if (isGetMethod(value) || isGetIntegration(value)) return readAwsCli(value)
  void text
  throw new ImportFailure(
    'The format was not recognised: expected OpenAPI 3 or Swagger 2 (with x-amazon-apigateway-integration), a CloudFormation/SAM template, Terraform, serverless.yml, or `aws apigateway get-method` / `get-integration` output.',
  )
}

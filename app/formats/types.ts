/**
 * The contract between real configuration formats and the lab's one data model.
 * Each format is an adapter at the edge: text → methods → scenario on import, scenario → text on
 * export. The engine never knows a format. Pure: no DOM, no React, no globals (runs in Node, the
 * worker and the CLI alike).
 */
import type { Scenario } from '../model'

export type FormatId =
  | 'openapi' // OpenAPI 3.x, JSON
  | 'openapi-yaml' // OpenAPI 3.x, YAML
  | 'swagger' // Swagger 2.0 (JSON or YAML)
  | 'cloudformation' // CloudFormation YAML (short tags)
  | 'cloudformation-json'
  | 'sam'
  | 'terraform'
  | 'serverless'
  | 'aws-cli' // export: put-* commands; import: get-method / get-integration JSON

/** Where a string came from, so a warning can name the layer that probably broke it. */
export type StringLayer = 'yaml' | 'json' | 'hcl' | 'cloudformation' | 'js' | 'shell'

export type ImportWarning = {
  /** Dotted path of the scenario field the warning is about, e.g. `setup.method.methodIntegration.integrationResponses.400.selectionPattern`. */
  field: string
  message: string
  layer?: StringLayer
}

/** Something in the file the lab cannot model; shown as a placeholder, never dropped silently. */
export type NotImported = {
  /** e.g. `authorizer`, `!ImportValue`, `${var.region}`, `OPTIONS /pets (CORS)`. */
  what: string
  /** Where in the file (JSON pointer, resource name or `VERB /path`). */
  where: string
  reason: string
}

export type ImportedMethod = {
  /** Stable key within one file, e.g. `GET /lambda`. */
  id: string
  httpMethod: string
  /** `undefined` when the format has no resource path (get-method output). */
  resourcePath: string | undefined
}

export type ImportedScenario = {
  scenario: Scenario
  notImported: NotImported[]
  warnings: ImportWarning[]
}

/** The result of reading a file: which format, which methods, and how to build one. */
export type ImportResult =
  | {
      ok: true
      format: FormatId
      methods: ImportedMethod[]
      /** Builds the scenario for one method (ids from `methods`). */
      scenarioFor: (methodId: string) => ImportedScenario
      /** File-level things not imported (authorizers, models, other APIs...). */
      notImported: NotImported[]
    }
  | { ok: false; message: string }

export type ExportResult = {
  text: string
  /** Scenario fields this format cannot hold (listed, so a round trip's loss is visible). */
  cannotHold: string[]
}

/**
 * Export: the scenario's setup as a real configuration format. `exportScenario` is pure and
 * synchronous; each format lists in `cannotHold` what of the scenario it cannot carry, so a
 * round trip's loss is visible rather than silent.
 */
import type { Scenario } from '../../model'
import type { ExportResult, FormatId } from '../types'
import { buildAwsCliScript } from './aws-cli'
import { buildCloudFormationTemplate, buildSamTemplate } from './cloudformation'
import { NOT_DEPLOYMENT, checkTextLimits } from './common'
import { buildOpenApiDocument } from './openapi'
import { buildServerlessConfig } from './serverless'
import { buildTerraform } from './terraform'
import { stringifyYaml } from './yaml-text'

/** Formats the lab can write (Swagger 2.0 is import-only). */
export type ExportFormatId = Exclude<FormatId, 'swagger'>

export type ExportFormat = {
  id: ExportFormatId
  label: string
  /** A sensible file name for a download. */
  fileName: string
  mediaType: string
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'openapi',
    label: 'OpenAPI 3 (JSON)',
    fileName: 'openapi.json',
    mediaType: 'application/json',
  },
  {
    id: 'openapi-yaml',
    label: 'OpenAPI 3 (YAML)',
    fileName: 'openapi.yaml',
    mediaType: 'application/yaml',
  },
  {
    id: 'cloudformation',
    label: 'CloudFormation (YAML)',
    fileName: 'template.yaml',
    mediaType: 'application/yaml',
  },
  {
    id: 'cloudformation-json',
    label: 'CloudFormation (JSON)',
    fileName: 'template.json',
    mediaType: 'application/json',
  },
  { id: 'sam', label: 'AWS SAM', fileName: 'template.yaml', mediaType: 'application/yaml' },
  { id: 'terraform', label: 'Terraform', fileName: 'main.tf', mediaType: 'text/plain' },
  {
    id: 'serverless',
    label: 'Serverless Framework v3',
    fileName: 'serverless.yml',
    mediaType: 'application/yaml',
  },
  {
    id: 'aws-cli',
    label: 'AWS CLI commands',
    fileName: 'put-method.sh',
    mediaType: 'text/x-shellscript',
  },
]

export function isExportFormat(value: string): value is ExportFormatId {
  return EXPORT_FORMATS.some((f) => f.id === value)
}

function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** Writes the scenario's setup in a format and lists what the format cannot hold. */
export function exportScenario(scenario: Scenario, format: ExportFormatId): ExportResult {
  const setup = scenario.setup
  // JSON escapes lone surrogates (`\ud800`); every other format is UTF-8 text without an escape for them.
  const textLimits =
    format === 'openapi' || format === 'cloudformation-json' ? [] : checkTextLimits(setup)
  const done = (text: string, cannotHold: string[]): ExportResult => ({
    text,
    cannotHold: [...NOT_DEPLOYMENT, ...cannotHold, ...(format === 'aws-cli' ? [] : textLimits)],
  })
  switch (format) {
    case 'openapi': {
      const { document, cannotHold } = buildOpenApiDocument(setup)
      return done(formatJson(document), cannotHold)
    }
    case 'openapi-yaml': {
      const { document, cannotHold } = buildOpenApiDocument(setup)
      return done(stringifyYaml(document), cannotHold)
    }
    case 'cloudformation': {
      const { template, cannotHold } = buildCloudFormationTemplate(setup)
      return done(stringifyYaml(template, { shortTags: true }), cannotHold)
    }
    case 'cloudformation-json': {
      const { template, cannotHold } = buildCloudFormationTemplate(setup)
      return done(formatJson(template), cannotHold)
    }
    case 'sam': {
      const { template, cannotHold } = buildSamTemplate(setup)
      return done(stringifyYaml(template, { shortTags: true }), cannotHold)
    }
    case 'terraform': {
      const { text, cannotHold } = buildTerraform(setup)
      return done(text, cannotHold)
    }
    case 'serverless': {
      const { config, cannotHold } = buildServerlessConfig(setup)
      return done(stringifyYaml(config), cannotHold)
    }
    case 'aws-cli': {
      const { text, cannotHold } = buildAwsCliScript(setup)
      return done(text, cannotHold)
    }
  }
}

/**
 * The JSON schemas JSON editors validate against, keyed by the `jsonSchema` editor prop. The
 * schema objects belong to the engine (`app/engine/schemas.ts`), which knows AWS's shapes.
 */
import type { CodeEditorProps } from '../editors/editor-props'

/** The schema ids an editor can ask for. */
export type JsonSchemaId = NonNullable<CodeEditorProps['jsonSchema']>

type SchemaModule = {
  PROXY_RESULT_SCHEMA?: object
  LAMBDA_ERROR_SCHEMA?: object
  SCENARIO_SCHEMA?: object
}

// The engine's schema file is written in parallel with this layer; a glob import keeps the page
// building (with JSON syntax checks only) for as long as that file is absent.
const found = Object.values(
  import.meta.glob<SchemaModule>('../../engine/schemas.ts', { eager: true }),
)[0]

/** Schema objects by id; an id whose schema is not available is left out. */
export const JSON_SCHEMAS: Partial<Record<JsonSchemaId, object>> = {
  ...(found?.PROXY_RESULT_SCHEMA && { 'proxy-result': found.PROXY_RESULT_SCHEMA }),
  ...(found?.LAMBDA_ERROR_SCHEMA && { 'lambda-error': found.LAMBDA_ERROR_SCHEMA }),
  ...(found?.SCENARIO_SCHEMA && { scenario: found.SCENARIO_SCHEMA }),
}

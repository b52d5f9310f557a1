/**
 * The JSON schemas JSON editors validate against, keyed by the `jsonSchema` editor prop. The
 * schema objects belong to the engine, which knows AWS's shapes.
 */
// The engine's index does not re-export its schemas, hence the direct import of its file.
import { LAMBDA_ERROR_SCHEMA, PROXY_RESULT_SCHEMA, SCENARIO_SCHEMA } from '../../engine/schemas'
import type { CodeEditorProps } from '../editors/editor-props'

/** The schema ids an editor can ask for. */
export type JsonSchemaId = NonNullable<CodeEditorProps['jsonSchema']>

/** Schema objects by id. */
export const JSON_SCHEMAS: Record<JsonSchemaId, object> = {
  'proxy-result': PROXY_RESULT_SCHEMA,
  'lambda-error': LAMBDA_ERROR_SCHEMA,
  scenario: SCENARIO_SCHEMA,
}

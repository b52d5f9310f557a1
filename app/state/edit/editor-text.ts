/** The text behind an editor (templates and patterns), read through its typed reference. */
import type { EditorRef, Scenario } from '../../model'
import { parseEditorId } from '../../model'
import { readIntegration } from './responses'

/**
 * The text an editor holds (templates and patterns), so a "stopped" mark can be kept only while
 * that text is unchanged. Other editors read as undefined.
 */
export function readEditorText(scenario: Scenario, ref: EditorRef): string | undefined {
  const integration = readIntegration(scenario)
  switch (ref.kind) {
    case 'request-template':
      return integration.requestTemplates?.[ref.contentType]
    case 'selection-pattern': {
      const response = integration.integrationResponses?.[ref.status]
      return response ? (response.selectionPattern ?? '') : undefined
    }
    case 'response-template':
      return integration.integrationResponses?.[ref.status]?.responseTemplates?.[ref.contentType]
    case 'gateway-template':
      return scenario.setup.gatewayResponses?.[ref.responseType]?.responseTemplates?.[
        ref.contentType
      ]
    default:
      return undefined
  }
}

/** The text an evaluation key (the editor id of a pattern or template) depends on. */
export function readEvaluationText(scenario: Scenario, key: string): string | undefined {
  const ref = parseEditorId(key)
  return ref ? readEditorText(scenario, ref) : undefined
}

import { useCallback } from 'react'
import type { Integration } from '../../model'
import { useAppStore } from '../../state/store'
import { Panel } from '../common/Panel'
import { TemplateMapEditor, type TemplateOwner } from '../common/TemplateMapEditor'
import { ContentHandlingSelect } from './ContentHandlingSelect'

/** The request templates' owner (one object, so the memoised editor map keeps its props). */
const REQUEST_TEMPLATES: TemplateOwner = { kind: 'request-template' }

type Passthrough = NonNullable<Integration['passthroughBehavior']>

const PASSTHROUGH: { value: Passthrough; label: string }[] = [
  {
    value: 'WHEN_NO_MATCH',
    label: 'WHEN_NO_MATCH — pass the body through when no template matches',
  },
  {
    value: 'WHEN_NO_TEMPLATES',
    label: 'WHEN_NO_TEMPLATES — pass through only when none is defined',
  },
  { value: 'NEVER', label: 'NEVER — reject unmatched content types (415)' },
]

/** Request mapping templates by content type, and the passthrough behaviour. */
export function RequestTemplatesPanel() {
  // The fields shown, not the integration: editing a response rule must not re-render this panel.
  const isProxy = useAppStore((s) => s.scenario.setup.method.methodIntegration.type === 'AWS_PROXY')
  const passthrough = useAppStore(
    (s) => s.scenario.setup.method.methodIntegration.passthroughBehavior,
  )
  const templates = useAppStore((s) => s.scenario.setup.method.methodIntegration.requestTemplates)
  const contentHandling = useAppStore(
    (s) => s.scenario.setup.method.methodIntegration.contentHandling,
  )
  const editScenario = useAppStore((s) => s.editScenario)
  const setTemplates = useCallback(
    (next: Record<string, string> | undefined) =>
      editScenario((d) => {
        if (next) d.setup.method.methodIntegration.requestTemplates = next
        else delete d.setup.method.methodIntegration.requestTemplates
      }),
    [editScenario],
  )
  return (
    <Panel title="Integration request" testId="panel.request-templates">
      {isProxy && (
        <p className="hint">
          Lambda proxy: the request is sent as the payload-1.0 event; mapping templates are not
          applied.
        </p>
      )}
      <label className="field">
        <span>Passthrough behaviour</span>
        <select
          data-testid="integration.passthrough"
          value={passthrough ?? 'WHEN_NO_MATCH'}
          onChange={(e) =>
            editScenario((d) => {
              d.setup.method.methodIntegration.passthroughBehavior = e.target.value as Passthrough
            })
          }
        >
          {PASSTHROUGH.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <ContentHandlingSelect
        label="Content handling of the request body (with the API's binary media types)"
        testId="integration.content-handling"
        value={contentHandling}
        onChange={(value) =>
          editScenario((d) => {
            if (value) d.setup.method.methodIntegration.contentHandling = value
            else delete d.setup.method.methodIntegration.contentHandling
          })
        }
      />
      <TemplateMapEditor
        label="Request templates"
        templates={templates}
        owner={REQUEST_TEMPLATES}
        testIdPrefix="editor.request-template"
        onChange={setTemplates}
      />
    </Panel>
  )
}

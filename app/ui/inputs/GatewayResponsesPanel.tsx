import { useState } from 'react'
import type { GatewayResponse } from '../../model'
import { useAppStore } from '../../state/store'
import { KeyValueTable } from '../common/KeyValueTable'
import { Panel } from '../common/Panel'
import { TemplateMapEditor } from '../common/TemplateMapEditor'

/** Gateway response types API Gateway defines (the ones a Lambda method can meet first). */
const TYPES = [
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'INTEGRATION_FAILURE',
  'INTEGRATION_TIMEOUT',
  'ACCESS_DENIED',
  'API_CONFIGURATION_ERROR',
  'BAD_REQUEST_BODY',
  'BAD_REQUEST_PARAMETERS',
  'MISSING_AUTHENTICATION_TOKEN',
  'REQUEST_TOO_LARGE',
  'RESOURCE_NOT_FOUND',
  'THROTTLED',
  'UNSUPPORTED_MEDIA_TYPE',
]

/** Customised gateway responses (the errors API Gateway itself generates). */
export function GatewayResponsesPanel() {
  const responses = useAppStore((s) => s.scenario.setup.gatewayResponses)
  const editScenario = useAppStore((s) => s.editScenario)
  const current = responses ?? {}
  const free = TYPES.filter((t) => !(t in current))
  const [adding, setAdding] = useState(free[0] ?? '')
  const write = (next: Record<string, GatewayResponse>) =>
    editScenario((d) => {
      if (Object.keys(next).length === 0) delete d.setup.gatewayResponses
      else d.setup.gatewayResponses = next
    })
  return (
    <Panel title="Gateway responses" testId="panel.gateway-responses">
      {Object.entries(current).map(([type, response]) => (
        <details key={type} className="gateway-response" data-testid={`gateway-response.${type}`}>
          <summary>
            {type} {response.statusCode ? `→ ${response.statusCode}` : '(status unchanged)'}
          </summary>
          <div className="field-row">
            <label className="field">
              <span>Status code (empty = keep)</span>
              <input
                size={4}
                data-testid={`gateway-response.${type}.status`}
                value={response.statusCode ?? ''}
                onChange={(e) => {
                  const { statusCode: _old, ...rest } = response
                  const value = e.target.value.trim()
                  write({ ...current, [type]: value ? { ...rest, statusCode: value } : rest })
                }}
              />
            </label>
            <button
              type="button"
              className="quiet"
              onClick={() => {
                const { [type]: _removed, ...rest } = current
                write(rest)
              }}
            >
              Remove {type}
            </button>
          </div>
          <TemplateMapEditor
            label="Response templates"
            templates={response.responseTemplates}
            owner={{ kind: 'gateway-template', responseType: type }}
            testIdPrefix={`gateway-response.${type}.template`}
            onChange={(next) =>
              write({ ...current, [type]: { ...response, responseTemplates: next } })
            }
          />
          <KeyValueTable
            caption="Headers"
            keyLabel="Gateway response header"
            valueLabel="Value"
            testIdPrefix={`gateway-response.${type}.header`}
            newKey="gatewayresponse.header.X-Custom"
            entries={response.responseParameters}
            onChange={(next) =>
              write({ ...current, [type]: { ...response, responseParameters: next } })
            }
          />
        </details>
      ))}
      {free.length > 0 && (
        <div className="field-row">
          <label className="field">
            <span>Type</span>
            <select
              value={free.includes(adding) ? adding : free[0]}
              onChange={(e) => setAdding(e.target.value)}
            >
              {free.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="quiet"
            onClick={() => {
              const type = free.includes(adding) ? adding : free[0]!
              write({
                ...current,
                [type]: {
                  responseTemplates: {
                    'application/json': '{"message":$context.error.messageString}',
                  },
                },
              })
            }}
          >
            Add gateway response
          </button>
        </div>
      )}
    </Panel>
  )
}

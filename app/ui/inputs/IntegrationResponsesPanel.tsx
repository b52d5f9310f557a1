import type { IntegrationResponse } from '../../model'
import { findFreeStatus, readSelectionSubject, renameRecordKey } from '../../state/scenario-edit'
import { useAppStore } from '../../state/store'
import { Panel } from '../common/Panel'
import { RuleRow } from './RuleRow'

/** The integration responses as an editable table with live match state per rule. */
export function IntegrationResponsesPanel() {
  const rules = useAppStore((s) => s.scenario.setup.method.methodIntegration.integrationResponses)
  const isProxy = useAppStore((s) => s.scenario.setup.method.methodIntegration.type === 'AWS_PROXY')
  const subjectKnown = useAppStore((s) => readSelectionSubject(s.scenario) !== undefined)
  const editScenario = useAppStore((s) => s.editScenario)
  const entries = Object.entries(rules ?? {})

  const writeRules = (next: Record<string, IntegrationResponse>) =>
    editScenario((d) => {
      d.setup.method.methodIntegration.integrationResponses = next
    })
  const current = rules ?? {}

  return (
    <Panel title="Integration responses" testId="panel.integration-responses">
      {isProxy && (
        <p className="hint" data-testid="rules.proxy-note">
          Lambda proxy: API Gateway ignores integration responses; the function's result is the
          response. Match states below are shown for learning only.
        </p>
      )}
      <table className="rules">
        <caption className="visually-hidden">
          Integration responses, tried against the errorMessage
        </caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Selection pattern (Java regex, whole errorMessage)</th>
            <th scope="col">Match</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {entries.map(([statusKey, rule]) => (
          <RuleRow
            key={statusKey}
            statusKey={statusKey}
            rule={rule}
            subjectKnown={subjectKnown}
            onChange={(next) => writeRules({ ...current, [statusKey]: next })}
            onRename={(to) => {
              if (!/^[1-5]\d\d$/.test(to) || to in current) return
              const renamed = renameRecordKey(current, statusKey, to)
              writeRules({ ...renamed, [to]: { ...rule, statusCode: to } })
            }}
            onRemove={() => {
              const { [statusKey]: _removed, ...rest } = current
              writeRules(rest)
            }}
          />
        ))}
      </table>
      <button
        type="button"
        data-testid="rules.add"
        onClick={() => {
          const statusCode = findFreeStatus(current)
          writeRules({ ...current, [statusCode]: { statusCode, selectionPattern: '.*' } })
        }}
      >
        Add integration response
      </button>
    </Panel>
  )
}

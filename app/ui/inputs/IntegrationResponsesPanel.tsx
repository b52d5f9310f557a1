import { useCallback } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { IntegrationResponse, Scenario } from '../../model'
import { findFreeStatus, readRules, renameStatusEntry } from '../../state/scenario-edit'
import { useAppStore } from '../../state/store'
import { keepFocusAcrossRename } from '../common/focus'
import { Panel } from '../common/Panel'
import { RuleLint } from './RuleLint'
import { RuleRow } from './RuleRow'

type Rules = Record<string, IntegrationResponse>

/** The rules as the draft holds them right now, so callbacks never act on a stale copy. */
function rulesOf(draft: Scenario): Rules {
  return draft.setup.method.methodIntegration.integrationResponses ?? {}
}

function setRules(draft: Scenario, next: Rules): void {
  draft.setup.method.methodIntegration.integrationResponses = next
}

/** The integration responses as an editable table with live match state per rule. */
export function IntegrationResponsesPanel() {
  // Only the status keys: a keystroke in one rule re-renders that row alone (RuleRow reads its
  // own rule), not the panel and every other row.
  const statusKeys = useAppStore(
    useShallow((s) =>
      Object.keys(s.scenario.setup.method.methodIntegration.integrationResponses ?? {}),
    ),
  )
  const isProxy = useAppStore((s) => s.scenario.setup.method.methodIntegration.type === 'AWS_PROXY')
  const editScenario = useAppStore((s) => s.editScenario)

  // Stable across renders: each reads the rules from the draft, keyed by the row's status.
  const onChange = useCallback(
    (statusKey: string, revise: (rule: IntegrationResponse) => IntegrationResponse) =>
      editScenario((d) => {
        const current = rulesOf(d)
        const rule = current[statusKey]
        if (rule) setRules(d, { ...current, [statusKey]: revise(rule) })
      }),
    [editScenario],
  )
  // Checked against the store before editing: a refused status must leave the scenario alone,
  // and any edit (even one that changes nothing) would count as a change of the scenario.
  const onRename = useCallback(
    (statusKey: string, to: string) => {
      const rules = readRules(useAppStore.getState().scenario)
      const renamed = renameStatusEntry(rules, statusKey, to, 'integration response')
      if (!renamed.ok) return renamed.message
      if (renamed.entries !== rules) {
        keepFocusAcrossRename(`rule.${statusKey}.status`, `rule.${to.trim()}.status`)
        editScenario((d) => setRules(d, renamed.entries))
      }
      return undefined
    },
    [editScenario],
  )
  const onRemove = useCallback(
    (statusKey: string) =>
      editScenario((d) => {
        const { [statusKey]: _removed, ...rest } = rulesOf(d)
        setRules(d, rest)
      }),
    [editScenario],
  )

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
        {statusKeys.map((statusKey) => (
          <RuleRow
            key={statusKey}
            statusKey={statusKey}
            isProxy={isProxy}
            onChange={onChange}
            onRename={onRename}
            onRemove={onRemove}
          />
        ))}
      </table>
      {!isProxy && <RuleLint />}
      <button
        type="button"
        data-testid="rules.add"
        onClick={() =>
          editScenario((d) => {
            const current = rulesOf(d)
            const statusCode = findFreeStatus(current)
            setRules(d, { ...current, [statusCode]: { statusCode, selectionPattern: '.*' } })
          })
        }
      >
        Add integration response
      </button>
    </Panel>
  )
}

import { memo, useCallback, useId, useMemo, useState } from 'react'
import type { IntegrationResponse, RuleEvaluation, RuleTable } from '../../model'
import { formatEditorId, formatEditorPrefix } from '../../model'
import {
  selectRuleEvaluation,
  selectRuleTableStatus,
  useDiagnosticsUnder,
} from '../../state/selectors'
import { useAppStore } from '../../state/store'
import { CommitInput } from '../common/CommitInput'
import { KeyValueTable } from '../common/KeyValueTable'
import { TemplateMapEditor } from '../common/TemplateMapEditor'
import { BoundEditor } from '../editors/BoundEditor'
import { DiagnosticList } from '../editors/DiagnosticList'
import { ContentHandlingSelect } from './ContentHandlingSelect'
import type { ContentHandling } from './ContentHandlingSelect'

const BADGE_TEXT: Record<RuleEvaluation['outcome'], string> = {
  matched: 'matches',
  'not-matched': 'does not match',
  default: 'default',
  invalid: 'invalid pattern',
  untranslatable: 'cannot check',
  stopped: 'stopped',
  'not-evaluated': 'n/a',
}

/**
 * Says what the engine matched the pattern against, so an empty subject is not a mystery. Reads
 * only the engine's rule table (a pure function of the Simulation).
 */
export function describeRuleState(rule: RuleEvaluation, status: RuleTable['status']): string {
  if (status === 'not-reached' && rule.outcome !== 'default')
    return rule.compiled
      ? 'Not evaluated: the function was not invoked successfully.'
      : 'Not evaluated, and the pattern does not compile (see the marker).'
  if (rule.outcome === 'default')
    return 'Default response: used when no other pattern matches the errorMessage.'
  const against =
    rule.subject === '' ? 'the empty string (the function succeeded)' : 'the whole errorMessage'
  if (rule.outcome === 'matched') return `Matches ${against}.`
  return rule.explanation ?? `Does not match ${against}.`
}

/** Revises one rule of the scenario, found by its status key when the edit is applied. */
type ReviseRule = (
  statusKey: string,
  revise: (rule: IntegrationResponse) => IntegrationResponse,
) => void

const NO_RULE: IntegrationResponse = { statusCode: '' }

/**
 * One integration response: status, selection pattern with live match state, templates, headers.
 * Memoised with stable callbacks and reading its own rule, so a keystroke in one rule (or a new
 * answer that leaves this rule's state alone) does not re-render the other rows and editors.
 */
export const RuleRow = memo(function RuleRow(props: {
  statusKey: string
  isProxy: boolean
  onChange: ReviseRule
  /** Renames the rule's status; returns why a status was refused. */
  onRename: (statusKey: string, to: string) => string | undefined
  onRemove: (statusKey: string) => void
}) {
  const { statusKey, isProxy, onChange, onRename, onRemove } = props
  const rule = useAppStore(
    (s) => s.scenario.setup.method.methodIntegration.integrationResponses?.[statusKey] ?? NO_RULE,
  )
  // Primitives only, so a new simulation with the same outcome for this rule changes nothing.
  const outcome = useAppStore((s) => selectRuleEvaluation(s, statusKey)?.outcome)
  const explanation = useAppStore((s) => {
    const rule = selectRuleEvaluation(s, statusKey)
    return rule && describeRuleState(rule, selectRuleTableStatus(s))
  })
  const selected = useAppStore((s) => selectRuleEvaluation(s, statusKey)?.selected === true)
  const uncertain = useAppStore((s) => selected && s.simulation?.rules.choice === 'uncertain')
  const prefix = `rule.${statusKey}`
  const mappingDiagnostics = useDiagnosticsUnder(
    formatEditorPrefix({ kind: 'response-parameter', status: statusKey }),
  )
  const templateOwner = useMemo(
    () => ({ kind: 'response-template', status: statusKey }) as const,
    [statusKey],
  )
  const [statusMessage, setStatusMessage] = useState<string | undefined>(undefined)
  const statusMessageId = useId()
  const rename = useCallback((to: string) => onRename(statusKey, to), [onRename, statusKey])
  const setPattern = useCallback(
    (text: string) => onChange(statusKey, (r) => ({ ...r, selectionPattern: text })),
    [onChange, statusKey],
  )
  const setTemplates = useCallback(
    (next: Record<string, string> | undefined) =>
      onChange(statusKey, (r) => ({ ...r, responseTemplates: next })),
    [onChange, statusKey],
  )
  const setHeaders = useCallback(
    (next: Record<string, string> | undefined) =>
      onChange(statusKey, (r) => ({ ...r, responseParameters: next })),
    [onChange, statusKey],
  )
  const setContentHandling = useCallback(
    (next: ContentHandling | undefined) =>
      onChange(statusKey, (r) => {
        const { contentHandling: _old, ...rest } = r
        return next ? { ...rest, contentHandling: next } : rest
      }),
    [onChange, statusKey],
  )
  return (
    <tbody className={`rule ${selected ? 'rule-selected' : ''}`} data-testid={prefix}>
      <tr>
        <td>
          <CommitInput
            hideLabel
            label={`Status code of rule ${statusKey}`}
            testId={`${prefix}.status`}
            size={4}
            value={rule.statusCode}
            onCommit={rename}
            messageId={statusMessageId}
            onMessage={setStatusMessage}
          />
        </td>
        <td className="pattern-cell">
          <BoundEditor
            editorId={formatEditorId({ kind: 'selection-pattern', status: statusKey })}
            testId={`${prefix}.pattern`}
            ariaLabel={`Selection pattern of rule ${statusKey}`}
            language="java-regex"
            placeholder="(empty: the default response)"
            singleLine
            value={rule.selectionPattern ?? ''}
            onChange={setPattern}
          />
        </td>
        <td>
          {outcome && (
            <span
              className={`badge badge-${outcome}`}
              data-testid={`${prefix}.badge`}
              data-outcome={outcome}
            >
              {BADGE_TEXT[outcome]}
            </span>
          )}
          {selected && (
            <span className="badge badge-selected" data-testid={`${prefix}.selected`}>
              {isProxy ? 'ignored (proxy)' : uncertain ? 'selected (uncertain)' : 'selected'}
            </span>
          )}
        </td>
        <td>
          <button
            type="button"
            className="quiet"
            aria-label={`Remove rule ${statusKey}`}
            onClick={() => onRemove(statusKey)}
          >
            Remove
          </button>
        </td>
      </tr>
      <tr className="rule-details">
        <td colSpan={4}>
          {statusMessage !== undefined && (
            <p
              className="field-error"
              id={statusMessageId}
              role="alert"
              data-testid={`${prefix}.status.error`}
            >
              {statusMessage}
            </p>
          )}
          {explanation !== undefined && (
            <p className="explanation" data-testid={`${prefix}.explanation`}>
              {explanation}
            </p>
          )}
          <DiagnosticList
            id={`${prefix}-mapping-diagnostics`}
            testId={`${prefix}.header.diagnostics`}
            diagnostics={mappingDiagnostics}
          />
          <details>
            <summary>
              Response templates, header mappings and content handling of {statusKey}
            </summary>
            <ContentHandlingSelect
              label="Content handling of the response (with the first Accept type)"
              testId={`${prefix}.content-handling`}
              value={rule.contentHandling}
              onChange={setContentHandling}
            />
            <TemplateMapEditor
              label="Response templates"
              templates={rule.responseTemplates}
              owner={templateOwner}
              testIdPrefix={`${prefix}.template`}
              onChange={setTemplates}
            />
            <KeyValueTable
              caption="Header mappings"
              keyLabel="Method response header"
              valueLabel="Mapped from"
              testIdPrefix={`${prefix}.header`}
              newKey="method.response.header.X-Custom"
              entries={rule.responseParameters}
              onChange={setHeaders}
            />
          </details>
        </td>
      </tr>
    </tbody>
  )
})

import type { IntegrationResponse } from '../../model'
import { selectRuleEvaluation, useDiagnosticsUnder } from '../../state/selectors'
import { useAppStore } from '../../state/store'
import type { RuleCheck } from '../../state/types'
import { CommitInput } from '../common/CommitInput'
import { KeyValueTable } from '../common/KeyValueTable'
import { TemplateMapEditor } from '../common/TemplateMapEditor'
import { BoundEditor } from '../editors/BoundEditor'
import { DiagnosticList } from '../editors/DiagnosticList'

const BADGE_TEXT: Record<RuleCheck['outcome'], string> = {
  matched: 'matches',
  'not-matched': 'does not match',
  default: 'default',
  invalid: 'invalid pattern',
  untranslatable: 'cannot check',
  stopped: 'stopped',
}

/** Says what the pattern was matched against, so an empty subject is not a mystery. */
function describeSubject(check: RuleCheck, subjectKnown: boolean): string {
  if (!subjectKnown) return 'Not evaluated: the function was not invoked successfully.'
  if (check.outcome === 'default')
    return 'Default response: used when no other pattern matches the errorMessage.'
  const against =
    check.subject === '' ? 'the empty string (the function succeeded)' : 'the whole errorMessage'
  if (check.outcome === 'matched') return `Matches ${against}.`
  return check.explanation ?? `Does not match ${against}.`
}

/** One integration response: status, selection pattern with live match state, templates, headers. */
export function RuleRow(props: {
  rule: IntegrationResponse
  statusKey: string
  subjectKnown: boolean
  onChange: (next: IntegrationResponse) => void
  onRename: (to: string) => void
  onRemove: () => void
}) {
  const { rule, statusKey } = props
  const check = useAppStore((s) => s.matches[statusKey])
  const evaluation = useAppStore((s) => selectRuleEvaluation(s, statusKey))
  const isProxy = useAppStore((s) => s.scenario.setup.method.methodIntegration.type === 'AWS_PROXY')
  const selected = evaluation?.selected === true
  const outcome = evaluation?.outcome === 'stopped' ? 'stopped' : check?.outcome
  const prefix = `rule.${statusKey}`
  const mappingDiagnostics = useDiagnosticsUnder(
    `integration.responses.${statusKey}.responseParameters`,
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
            onCommit={(next) => props.onRename(next.trim())}
          />
        </td>
        <td className="pattern-cell">
          <BoundEditor
            editorId={`integration.responses.${statusKey}.selectionPattern`}
            testId={`${prefix}.pattern`}
            ariaLabel={`Selection pattern of rule ${statusKey}`}
            language="java-regex"
            placeholder="(empty: the default response)"
            singleLine
            value={rule.selectionPattern ?? ''}
            onChange={(text) => props.onChange({ ...rule, selectionPattern: text })}
          />
        </td>
        <td>
          {outcome && (
            <span
              className={`badge badge-${outcome}`}
              data-testid={`${prefix}.badge`}
              data-outcome={outcome}
            >
              {props.subjectKnown ? BADGE_TEXT[outcome] : 'n/a'}
            </span>
          )}
          {selected && (
            <span className="badge badge-selected" data-testid={`${prefix}.selected`}>
              {isProxy ? 'ignored (proxy)' : 'selected'}
            </span>
          )}
        </td>
        <td>
          <button
            type="button"
            className="quiet"
            aria-label={`Remove rule ${statusKey}`}
            onClick={props.onRemove}
          >
            Remove
          </button>
        </td>
      </tr>
      <tr className="rule-details">
        <td colSpan={4}>
          {check && (
            <p className="explanation" data-testid={`${prefix}.explanation`}>
              {describeSubject(check, props.subjectKnown)}
            </p>
          )}
          <DiagnosticList
            id={`${prefix}-mapping-diagnostics`}
            testId={`${prefix}.header.diagnostics`}
            diagnostics={mappingDiagnostics}
          />
          <details>
            <summary>Response templates and header mappings of {statusKey}</summary>
            <TemplateMapEditor
              label="Response templates"
              templates={rule.responseTemplates}
              editorIdPrefix={`integration.responses.${statusKey}.responseTemplates`}
              testIdPrefix={`${prefix}.template`}
              onChange={(next) => props.onChange({ ...rule, responseTemplates: next })}
            />
            <KeyValueTable
              caption="Header mappings"
              keyLabel="Method response header"
              valueLabel="Mapped from"
              testIdPrefix={`${prefix}.header`}
              newKey="method.response.header.X-Custom"
              entries={rule.responseParameters}
              onChange={(next) => props.onChange({ ...rule, responseParameters: next })}
            />
          </details>
        </td>
      </tr>
    </tbody>
  )
}

import { useEffect, useMemo } from 'react'
import { lintIntegrationResponses, type LintFinding } from '../../lint'
import {
  formatEditorId,
  type Diagnostic,
  type EditorId,
  type IntegrationResponse,
  type Scenario,
} from '../../model'
import { selectRuleSubject } from '../../state/selectors'
import { useAppStore } from '../../state/store'

/** The scenario with one integration response's selectionPattern replaced. */
function withPattern(s: Scenario, statusKey: string, pattern: string): Scenario | undefined {
  const integration = s.setup.method.methodIntegration
  const responses = integration.integrationResponses ?? {}
  const rule = responses[statusKey]
  if (!rule) return undefined
  const integrationResponses = { ...responses, [statusKey]: { ...rule, selectionPattern: pattern } }
  return {
    ...s,
    setup: {
      ...s.setup,
      method: { ...s.setup.method, methodIntegration: { ...integration, integrationResponses } },
    },
  }
}

/** The findings as warnings on the pattern editors they are about (table-wide ones have none). */
function toMarkers(
  findings: LintFinding[],
  rules: Record<string, IntegrationResponse>,
): Record<EditorId, Diagnostic[]> {
  const out: Record<EditorId, Diagnostic[]> = {}
  for (const f of findings) {
    const key = Object.keys(rules).find((k) => String(rules[k]?.statusCode ?? k) === f.statusCode)
    if (key === undefined) continue
    const source = formatEditorId({ kind: 'selection-pattern', status: key })
    const pattern = rules[key]?.selectionPattern ?? ''
    const diagnostic: Diagnostic = {
      source,
      severity: 'warning',
      code: `lint.${f.rule}`,
      message: f.message,
      span: f.span ?? { start: 0, end: pattern.length },
    }
    if (f.fix) diagnostic.hint = `${f.fix.description} (fix: ${f.fix.pattern || 'empty'})`
    ;(out[source] ??= []).push(diagnostic)
  }
  return out
}

/**
 * The pattern lint's findings (loaded with the lint module the first time the lint is opened, so
 * typing in a pattern never pays for it).
 */
export default function RuleLintBody() {
  const rules = useAppStore((s) => s.scenario.setup.method.methodIntegration.integrationResponses)
  const subject = useAppStore(selectRuleSubject)
  const loadScenario = useAppStore((s) => s.loadScenario)
  // Loaded as a whole scenario, so that the pattern editors (uncontrolled) show the fix.
  const applyFix = (statusKey: string, pattern: string) => {
    const next = withPattern(useAppStore.getState().scenario, statusKey, pattern)
    if (next) loadScenario(next)
  }
  const setLintDiagnostics = useAppStore((s) => s.setLintDiagnostics)
  const findings = useMemo(
    () => lintIntegrationResponses(rules ?? {}, { messages: subject ? [subject] : [] }),
    [rules, subject],
  )
  // While the lint is open its findings are markers on the patterns too.
  useEffect(
    () => setLintDiagnostics(toMarkers(findings, rules ?? {})),
    [findings, rules, setLintDiagnostics],
  )
  useEffect(() => () => setLintDiagnostics({}), [setLintDiagnostics])
  if (findings.length === 0) return <p className="hint">No trap found.</p>
  return (
    <ul>
      {findings.map((f, i) => {
        const target = f.fix?.statusCode ?? f.statusCode
        const fix = f.fix
        return (
          <li key={`${f.rule}-${f.statusCode}-${i}`} data-testid={`rules.lint.${f.rule}`}>
            <strong>{f.statusCode || 'table'}</strong>: {f.message}
            {f.proof && (
              <>
                {' '}
                errorMessage <code>{JSON.stringify(f.proof.errorMessage)}</code>: expected{' '}
                {f.proof.expected}, actually {f.proof.actual}.
              </>
            )}
            {fix && rules?.[target] && (
              <>
                {' '}
                <button
                  type="button"
                  title={fix.description}
                  onClick={() => applyFix(target, fix.pattern)}
                >
                  Fix: <code>{fix.pattern === '' ? '(empty: default)' : fix.pattern}</code>
                </button>
              </>
            )}
          </li>
        )
      })}
    </ul>
  )
}

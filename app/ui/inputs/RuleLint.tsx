import { Suspense, lazy, useState } from 'react'

/** The findings, with the lint module under them: loaded the first time the lint is opened. */
const RuleLintBody = lazy(() => import('./RuleLintBody'))

/**
 * The pattern lint under the rule table: closed by default, and run only while open, so typing
 * in a pattern never pays for it.
 */
export function RuleLint() {
  const [open, setOpen] = useState(false)
  return (
    <details
      className="rule-lint"
      data-testid="rules.lint"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>Check the patterns for common traps</summary>
      {open && (
        <Suspense fallback={<p className="hint">Loading…</p>}>
          <RuleLintBody />
        </Suspense>
      )}
    </details>
  )
}

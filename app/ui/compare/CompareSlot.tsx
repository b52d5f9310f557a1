import { Suspense, lazy } from 'react'
import { useAppStore } from '../../state/store'

/** Loaded on first use, so the page's first chunk does not carry it. */
const CompareView = lazy(() => import('./CompareView').then((m) => ({ default: m.CompareView })))

/** Where the compare view goes; empty until Compare is pressed. */
export function CompareSlot() {
  const open = useAppStore((s) => s.compareOpen)
  if (!open) return null
  return (
    <Suspense
      fallback={
        <p className="hint" data-testid="compare.loading">
          Loading the compare view…
        </p>
      }
    >
      <CompareView />
    </Suspense>
  )
}

import { useAppStore } from '../../state/store'

/** Shows or hides the compare view: the current outcome through three integrations at once. */
export function CompareButton() {
  const open = useAppStore((s) => s.compareOpen)
  const setOpen = useAppStore((s) => s.setCompareOpen)
  return (
    <button
      type="button"
      data-testid="compare.toggle"
      aria-pressed={open}
      aria-controls={open ? 'compare-view' : undefined}
      onClick={() => setOpen(!open)}
    >
      Compare
    </button>
  )
}

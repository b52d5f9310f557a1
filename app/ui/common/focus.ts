/**
 * Keeps keyboard focus on a field whose row is rebuilt under a new key, as a renamed status is.
 * Only when the old field has focus now (the rename was committed with Enter): a rename committed
 * by leaving the field must not pull focus back.
 */
export function keepFocusAcrossRename(fromTestId: string, toTestId: string): void {
  const active = document.activeElement
  if (!(active instanceof HTMLElement) || active.dataset.testid !== fromTestId) return
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(toTestId)}"]`)?.focus()
  })
}

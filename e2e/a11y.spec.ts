import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { waitForAppSettled } from './support/probes'

/**
 * Accessibility (issue 8): axe-core finds no serious or critical violation in either theme;
 * Tab reaches every control, each shows where focus is, and none traps the keyboard.
 */

const THEMES = ['light', 'dark'] as const

/** Chooses a theme the way a person does (the header's theme control), matching the OS too. */
async function useTheme(page: Page, theme: (typeof THEMES)[number]) {
  await page.emulateMedia({ colorScheme: theme })
  await page.getByTestId('theme').selectOption(theme)
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  )
}

/** What Tab focused: enough to name it in a failure and to judge its focus indicator. */
type Focused = { key: string; label: string; indicator: boolean }

/**
 * Runs in the page. `list`: every visible, enabled control a keyboard user should reach.
 * `focus`: the focused control (empty when focus is on the document). Controls are keyed by
 * test id (a Monaco editor by its host's), a radio group by its name: Tab enters a group once.
 */
function inspect(page: Page, mode: 'list' | 'focus'): Promise<Focused[]> {
  return page.evaluate((mode) => {
    const describe = (el: HTMLElement): Focused => {
      const editor = el.closest('.monaco-editor')
      const host = (editor?.closest('[data-testid]') ??
        el.closest('[data-testid]')) as HTMLElement | null
      const text = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''
      const label = editor
        ? `editor ${host?.dataset.testid ?? text}`
        : el instanceof HTMLInputElement && el.type === 'radio'
          ? `radio group ${el.name}`
          : (el.dataset.testid ??
            `${host?.dataset.testid ?? ''} ${el.tagName.toLowerCase()} ${text}`)
      const style = getComputedStyle(el)
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
      // Monaco's input is an invisible textarea; the editor shows focus on its frame and cursor.
      const indicator =
        outlined || style.boxShadow !== 'none' || !!editor?.classList.contains('focused')
      return { key: label, label, indicator }
    }
    if (mode === 'focus') {
      const el = document.activeElement as HTMLElement | null
      return el && el !== document.body && el !== document.documentElement ? [describe(el)] : []
    }
    const sel =
      'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]'
    const out = new Map<string, Focused>()
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const editor = el.closest('.monaco-editor')
      if (editor && !el.matches('textarea')) continue
      if ((el as HTMLInputElement).disabled || (!editor && el.tabIndex < 0)) continue
      // Closed <details>, display:none, visibility:hidden: not reachable, and rightly so.
      if (!(editor ?? el).checkVisibility({ visibilityProperty: true })) continue
      if (!editor && el.closest('[inert]')) continue
      const d = describe(el)
      out.set(d.key, d)
    }
    return [...out.values()]
  }, mode)
}

test.describe('accessibility', () => {
  for (const theme of THEMES) {
    test(`axe: no serious or critical violations (${theme} theme)`, async ({ page }) => {
      await page.goto('/')
      await waitForAppSettled(page)
      await useTheme(page, theme)
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze()
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.impact} ${v.id}: ${v.help} — ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 5)
              .join(', ')}`,
        )
      expect(serious).toEqual([])
    })
  }

  test('Tab reaches every control, shows focus, and never gets stuck', async ({ page }) => {
    await page.goto('/')
    await waitForAppSettled(page)
    // The trace's summaries name some controls: list them once the first answer is shown.
    await expect(page.getByTestId('response.status')).toBeVisible()
    const controls = (await inspect(page, 'list')).map((c) => c.key)
    expect(controls.length).toBeGreaterThan(5)

    const reached = new Map<string, Focused>()
    const stuck: string[] = []
    let previous: string | undefined
    for (let i = 0; i < controls.length * 2 + 20; i++) {
      await page.keyboard.press('Tab')
      const [focused] = await inspect(page, 'focus')
      if (!focused) continue
      if (focused.key === previous) stuck.push(focused.label)
      if (reached.has(focused.key) && focused.key === [...reached.keys()][0]) break
      reached.set(focused.key, focused)
      previous = focused.key
      if (stuck.length > 0) break
    }
    expect(stuck, 'Tab stayed in the same control (keyboard trap)').toEqual([])
    const missed = controls.filter((c) => !reached.has(c))
    expect(missed, 'controls Tab never reached').toEqual([])
    const invisible = [...reached.values()].filter((f) => !f.indicator).map((f) => f.label)
    expect(invisible, 'controls with no visible focus indicator').toEqual([])
  })

  test('the main controls work from the keyboard', async ({ page }) => {
    await page.goto('/')
    await waitForAppSettled(page)
    const status = page.getByTestId('response.status')
    await expect(status).toBeVisible()
    const before = await status.textContent()

    // Switching the integration type with the keyboard alone changes the outcome.
    const proxy = page.getByTestId('integration-type.proxy')
    await proxy.focus()
    await page.keyboard.press('Space')
    await expect(status).not.toHaveText(before ?? '')

    // The theme control answers to the arrow keys.
    const theme = page.getByTestId('theme')
    await theme.focus()
    const themeBefore = await theme.inputValue()
    await page.keyboard.press('ArrowDown')
    await expect(theme).not.toHaveValue(themeBefore)
  })
})

import { expect, test } from '@playwright/test'
import { waitForAppSettled } from './support/probes'

/**
 * A phone (390×844, an iPhone 12–15's CSS viewport): the page never scrolls sideways, and every
 * control can be scrolled into view, lies within the screen's width, and is not covered by
 * anything (the header included), so a finger can reach it.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

/** Runs in the page: what is wrong with each control once scrolled to the screen's middle. */
function inspectControls() {
  const width = document.documentElement.clientWidth
  const height = window.innerHeight
  const describe = (el: Element) => {
    const host = el.closest('[data-testid]') as HTMLElement | null
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)
    return `${host?.dataset.testid ?? ''} ${el.tagName.toLowerCase()} ${text}`.trim()
  }
  const selector =
    'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'
  const controls = new Set<Element>()
  for (const el of Array.from(document.querySelectorAll(selector))) {
    // A Monaco editor is one control: its frame, not its hidden input or inner parts.
    const editor = el.closest('.code-editor')
    const control = editor ?? el
    if ((el as HTMLInputElement).disabled || el.closest('[inert]')) continue
    // Shown only to keyboard focus (the skip link), or operated through another control (the
    // file input behind Import): neither is meant for a finger.
    if (el.matches('.skip-link, .visually-hidden')) continue
    if (!control.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue
    controls.add(control)
  }
  const problems: string[] = []
  for (const el of controls) {
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' })
    const box = el.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) continue
    if (box.left < -0.5 || box.right > width + 0.5)
      problems.push(`${describe(el)}: spans x ${Math.round(box.left)}..${Math.round(box.right)}`)
    // The middle of its part on screen must be the control itself (or inside it, or its label).
    const x = Math.min(Math.max(box.left + box.width / 2, 1), width - 1)
    const y = (Math.max(box.top, 0) + Math.min(box.bottom, height)) / 2
    const hit = document.elementFromPoint(x, y)
    const label = hit?.closest('label')
    const reaches =
      hit !== null &&
      (el.contains(hit) ||
        hit.contains(el) ||
        (label !== null && label !== undefined && label.contains(el)))
    if (!reaches) problems.push(`${describe(el)}: covered by ${hit ? describe(hit) : 'nothing'}`)
  }
  return {
    controls: controls.size,
    problems,
    scrollWidth: document.documentElement.scrollWidth,
    width,
  }
}

test('on a phone the page never scrolls sideways and every control is reachable', async ({
  page,
}) => {
  await page.goto('/')
  await waitForAppSettled(page)
  await expect(page.getByTestId('response.status')).toBeVisible()
  const result = await page.evaluate(inspectControls)
  expect(result.controls, 'controls found').toBeGreaterThan(20)
  expect(result.scrollWidth, 'page width (scrolls sideways when wider)').toBeLessThanOrEqual(
    result.width,
  )
  expect(result.problems, 'controls out of reach').toEqual([])
  // Scrolling sideways really does nothing.
  await page.evaluate(() => window.scrollTo({ left: 200, behavior: 'instant' }))
  expect(await page.evaluate(() => window.scrollX)).toBe(0)
})

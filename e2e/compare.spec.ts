import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * Learn by comparison: the compare view (one Lambda outcome through proxy, custom without rules
 * and custom with the person's rules), the outcome × integration table, the outcome matrix, and
 * each trace stage's "why". Every wait is on a condition, never on time.
 */

const VARIANTS = ['proxy', 'custom-default', 'custom-rules'] as const

async function openCompare(page: Page) {
  await page.getByTestId('compare.toggle').click()
  await expect(page.getByTestId('compare.toggle')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('compare.view')).toBeVisible()
}

const statuses = (page: Page) =>
  Promise.all(VARIANTS.map((v) => page.getByTestId(`compare.column.${v}.status`).textContent()))

async function expectSeriousA11yClean(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious).toEqual([])
}

test.describe('compare view', () => {
  test('the seed error reads 502 / 200 / 400, each with its rule and trace', async ({ page }) => {
    await page.goto('/')
    await openCompare(page)
    await expect.poll(() => statuses(page)).toEqual(['502', '200', '400'])
    await expect(page.getByTestId('compare.column.proxy.body')).toHaveText(
      '{"message": "Internal server error"}',
    )
    // Different statuses tell the columns apart: no body is marked.
    await expect(page.getByTestId('compare.column.proxy.body.diff')).toHaveCount(0)
    await expect(page.getByTestId('compare.column.custom-default.rule')).toContainText(
      'Integration response 200 (default)',
    )
    await expect(page.getByTestId('compare.column.custom-rules.rule')).toContainText(
      '.*Dummy error.*',
    )
    await expect(page.getByTestId('compare.column.proxy.rule')).toContainText('No rule')
    // The short trace names the deciding stage; the full trace opens on demand.
    await expect(page.getByTestId('compare.column.custom-rules.trace')).toContainText(
      'Integration response',
    )
    const full = page.getByTestId('compare.column.custom-rules.full')
    await full.locator('summary').click()
    await expect(full).toHaveAttribute('open', '')
    await expect(full).toContainText('One pattern matched: integration response 400')
    // Editing the rule updates all columns: the custom one falls back to its default.
    await page.getByTestId('preset').selectOption('seed-custom-success')
    await expect.poll(() => statuses(page)).toEqual(['200', '200', '200'])
    // Same status, different bodies: the difference is marked.
    await expect(page.getByTestId('compare.column.proxy.body')).toHaveText('"Hello from Lambda!"')
    await expect(page.getByTestId('compare.column.proxy.body.diff')).toBeVisible()
    await expect(page.getByTestId('compare.column.custom-rules.body.diff')).toBeVisible()
    await expectSeriousA11yClean(page)
  })

  test('the outcome table shows every outcome and a cell loads its case', async ({ page }) => {
    await page.goto('/')
    await openCompare(page)
    const cell = (id: string, v: string) => page.getByTestId(`outcomes.cell.${id}.${v}`)
    await expect(cell('seed-error', 'proxy')).toHaveText('502')
    await expect(cell('seed-error', 'custom-default')).toHaveText('200')
    await expect(cell('seed-error', 'custom-rules')).toHaveText('400')
    await expect(cell('function-timeout', 'proxy')).toHaveText('502')
    await expect(cell('malformed-proxy', 'proxy')).toHaveText('502')
    for (const runtime of ['nodejs', 'java', 'ruby', 'dotnet', 'go'])
      await expect(cell(`${runtime}-error`, 'custom-rules')).toHaveText('400')
    await cell('function-timeout', 'proxy').click()
    await expect(page.getByTestId('response.status')).toHaveText('502')
    await expect(page.getByTestId('integration-type.proxy')).toBeChecked()
    await cell('success', 'custom-rules').click()
    await expect(page.getByTestId('response.status')).toHaveText('200')
    await expect(page.getByTestId('integration-type.custom')).toBeChecked()
  })

  test('each trace stage says why, with a Developer Guide link', async ({ page }) => {
    await page.goto('/')
    const why = page.getByTestId('trace.why.integration-response')
    await expect(why).toContainText('selection pattern')
    const link = why.getByRole('link')
    await expect(link).toHaveAttribute('href', /^https:\/\/docs\.aws\.amazon\.com\/apigateway\//)
    await expect(link).toHaveAttribute('target', '_blank')
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  })
})

test.describe('outcome matrix', () => {
  test('generated messages show status and rule per integration and per rule', async ({ page }) => {
    await page.goto('/')
    await page.getByTestId('matrix.generate').click()
    await expect(page.getByTestId('matrix.table')).toBeVisible()
    const input = await page.getByTestId('trials.input').inputValue()
    expect(input.split('\n---\n')[0]).toBe('Dummy error ...')
    // Row 0 is the errorMessage itself; row 1 adds a stack line, which `.` does not cross.
    await expect(page.getByTestId('matrix.row.0.proxy')).toContainText('502')
    await expect(page.getByTestId('matrix.row.0.custom-default')).toContainText('200')
    await expect(page.getByTestId('trials.row.0.status')).toHaveText('400')
    await expect(page.getByTestId('trials.row.0.selected')).toHaveText('400')
    await expect(page.getByTestId('matrix.row.0.rule.400')).toContainText('matches')
    await expect(page.getByTestId('trials.row.1.status')).toHaveText('200')
    await expect(page.getByTestId('matrix.row.1.rule.400')).toContainText('✗')
    await expectSeriousA11yClean(page)
  })

  test('a thousand messages from a file are computed in the worker', async ({ page }) => {
    await page.goto('/')
    const lines = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0 ? `Dummy error ${i}` : `Other failure ${i}`,
    )
    await page.getByTestId('matrix.file').setInputFiles({
      name: 'messages.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(lines.join('\n')),
    })
    await expect(page.getByTestId('matrix.note')).toContainText('1000 messages loaded')
    await expect(page.getByTestId('matrix.summary')).toContainText('1000 messages × 2 rules')
    await expect(page.getByTestId('trials.row.0.status')).toHaveText('400')
    await expect(page.getByTestId('trials.row.1.status')).toHaveText('200')
    await expect(page.getByTestId('matrix.page')).toHaveText('Rows 1–50 of 1000')
    await page.getByTestId('matrix.next').click()
    await expect(page.getByTestId('matrix.page')).toHaveText('Rows 51–100 of 1000')
    await expect(page.getByTestId('trials.row.50.status')).toHaveText('400')
    const elapsed = Number(await page.getByTestId('matrix.elapsed').textContent())
    test
      .info()
      .annotations.push({ type: 'matrix 1000×2 in the worker (ms)', description: String(elapsed) })
    expect(elapsed).toBeGreaterThan(0)
  })
})

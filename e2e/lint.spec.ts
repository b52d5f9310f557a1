import { expect, test } from './fixtures'

/** The pattern lint under the rule table: a trap with its proving message, and its fix. */
test('the lint flags .* on a stack trace and its fix makes the pattern cross lines', async ({
  page,
  editors,
  rules,
}) => {
  await page.goto('/')
  await expect(page.getByTestId('preset')).toHaveValue('seed-custom-error')
  await page.getByTestId('rules.lint').locator('summary').click()
  const finding = page.getByTestId('rules.lint.dot-line-break')
  await expect(finding).toContainText('400')
  await expect(finding).toContainText('line break')
  // The finding is also a marker on the pattern itself.
  const marker = page.getByTestId('rule.400.pattern').locator('.squiggly-warning')
  await expect(marker).toHaveCount(1)
  await finding.getByRole('button').click()
  await expect.poll(() => editors.text('rule.400.pattern')).toBe('(?s).*Dummy error.*')
  await expect(rules.badge('400')).toHaveText('matches')
  await expect(page.getByTestId('rules.lint.dot-line-break')).toHaveCount(0)
  await expect(marker).toHaveCount(0)
})

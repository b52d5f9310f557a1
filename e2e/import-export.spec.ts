/**
 * Real configurations in and out: a SAM template dropped on the page, one method picked, the
 * pattern edited, the setup exported to Terraform and that export imported back.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from './fixtures'

const SAM = readFileSync(
  fileURLToPath(new URL('../app/formats/fixtures/sam.yaml', import.meta.url)),
  'utf8',
)

test.describe('import and export of real configurations', () => {
  test('SAM → GET /lambda → 400 → edit the pattern → Terraform → import → 400', async ({
    page,
    editors,
    response,
  }) => {
    await page.goto('/')
    await expect(response.status()).toHaveText('400')
    // A different scenario first, so the import visibly replaces it.
    await page.getByTestId('preset').selectOption('seed-custom-success')
    await expect(response.status()).toHaveText('200')

    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], 'template.yaml', { type: 'application/x-yaml' }))
      return transfer
    }, SAM)
    await page.dispatchEvent('main', 'drop', { dataTransfer })
    const dialog = page.getByTestId('import.dialog')
    await expect(dialog).toContainText('SAM: 2 methods')
    await page.getByTestId('import.method').selectOption('GET /lambda')
    await page.getByTestId('import.load').click()
    await expect(page.getByTestId('import.loaded')).toContainText('GET /lambda')
    await expect(page.getByTestId('import.not-imported')).toContainText('${SeedFunction.Arn}')
    await expect(response.status()).toHaveText('400')

    // Undo brings the previous scenario back; loading again replaces it once more.
    await page.getByTestId('import.undo').click()
    await expect(response.status()).toHaveText('200')
    await page.getByTestId('import.load').click()
    await expect(response.status()).toHaveText('400')
    await page.getByTestId('import.close').click()

    await editors.setText('rule.400.pattern', 'Dummy error.*')
    await expect(response.status()).toHaveText('400')

    await page.getByTestId('export.format').selectOption('terraform')
    const exported = page.getByTestId('export.text')
    await expect(exported).toHaveValue(/selection_pattern\s*=\s*"Dummy error\.\*"/)
    const terraform = await exported.inputValue()
    await page.getByTestId('export.close').click()

    await page.getByTestId('preset').selectOption('seed-custom-success')
    await expect(response.status()).toHaveText('200')
    await page.getByTestId('import.paste').click()
    await page.getByTestId('import.text').fill(terraform)
    await page.getByTestId('import.read').click()
    await expect(page.getByTestId('import.dialog')).toContainText('Terraform: 1 method')
    await page.getByTestId('import.load').click()
    await expect(response.status()).toHaveText('400')
    expect(await editors.text('rule.400.pattern')).toBe('Dummy error.*')
  })

  test('a broken file is refused with one message and the scenario stays', async ({
    page,
    response,
  }) => {
    await page.goto('/')
    await expect(response.status()).toHaveText('400')
    await page.getByTestId('import.paste').click()
    await page
      .getByTestId('import.text')
      .fill(SAM.slice(0, SAM.indexOf('passthroughBehavior') + 10))
    await page.getByTestId('import.read').click()
    await expect(page.getByTestId('import.error')).toContainText('cut short')
    await expect(page.getByTestId('import.method')).toHaveCount(0)
    await expect(response.status()).toHaveText('400')
  })
})

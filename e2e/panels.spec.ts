import { expect, test } from './fixtures'

/** What a person sees in each panel: presets, editor diagnostics, mappings, the share popover. */

/** Every preset with the status AWS answers and the stage the pipeline marks as failed. */
const PRESET_OUTCOMES: { id: string; status: string; failed?: string }[] = [
  { id: 'seed-custom-error', status: '400' },
  { id: 'seed-custom-success', status: '200' },
  { id: 'seed-proxy-error', status: '502', failed: 'integration-response' },
  { id: 'seed-proxy-success', status: '200' },
  { id: 'multi-line-error', status: '200' },
  { id: 'json-error-message', status: '404' },
  { id: 'malformed-proxy', status: '502', failed: 'integration-response' },
  { id: 'timeout', status: '504', failed: 'lambda' },
]

test.describe('presets', () => {
  test('each preset gives its status, and the pipeline marks where API Gateway failed', async ({
    page,
    header,
    response,
  }) => {
    await page.goto('/')
    for (const { id, status, failed } of PRESET_OUTCOMES) {
      await header.choosePreset(id)
      await expect(response.status(), id).toHaveText(status)
      const failedNodes = page.locator('[data-testid^="pipeline."][data-status="failed"]')
      if (failed) {
        await expect(page.getByTestId(`pipeline.${failed}`), id).toHaveAttribute(
          'data-status',
          'failed',
        )
        await expect(page.getByTestId('pipeline.gateway-response'), id).toBeVisible()
      } else {
        await expect(failedNodes, id).toHaveCount(0)
      }
    }
  })
})

test.describe('diagnostics', () => {
  test('a broken request template: marker and message at the editor, 500 for the client', async ({
    page,
    editors,
    response,
  }) => {
    await page.goto('/')
    await page
      .getByTestId('panel.request-templates')
      .getByRole('button', { name: 'Add template' })
      .click()
    const id = 'editor.request-template.application/json'
    // Brackets balanced (the editor auto-closes them); the #if has no #end.
    await editors.setText(id, '{"a": #if($input.body) "yes"}')
    await expect(response.status()).toHaveText('500')
    await expect(page.getByTestId('pipeline.integration-request')).toHaveAttribute(
      'data-status',
      'failed',
    )
    await expect(page.getByTestId(`${id}.diagnostics`)).toBeVisible()
    await expect(page.getByTestId(id).locator('.squiggly-error')).toHaveCount(1)

    await editors.setText(id, '{"a": "$input.body"}')
    await expect(response.status()).toHaveText('400')
    await expect(page.getByTestId(`${id}.diagnostics`)).toHaveCount(0)
  })

  test('JSON that does not parse yet is flagged, and the response says it is stale', async ({
    page,
    editors,
    response,
  }) => {
    await page.goto('/')
    await editors.setText('editor.lambda-payload', '{"errorMessage": }')
    await expect(page.getByTestId('response.stale')).toBeVisible()
    await expect(page.getByTestId('editor.lambda-payload.diagnostics')).toContainText('JSON')
    // Typing passed through valid texts (`{}` with no errorMessage: the default 200) on the way.
    await editors.setText('editor.lambda-payload', '{"errorMessage": "Dummy error!"}')
    await expect(page.getByTestId('response.stale')).toHaveCount(0)
    await expect(response.status()).toHaveText('400')
  })
})

test.describe('response header mappings', () => {
  test('a mapping to an undeclared header is flagged until the method response declares it', async ({
    page,
  }) => {
    await page.goto('/')
    const rule = page.getByTestId('rule.400')
    await rule.locator('summary').click()
    await rule.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(page.getByTestId('rule.400.header.diagnostics')).toContainText('not declared')

    await page.getByTestId('method-response.400.headers').fill('X-Custom')
    await expect(page.getByTestId('rule.400.header.diagnostics')).toHaveCount(0)
    await expect(page.getByTestId('response.headers')).toContainText('X-Custom')
    await expect(page.getByTestId('response.headers')).toContainText('value')
  })
})

test.describe('share popover', () => {
  test('Escape closes it and gives focus back to Share', async ({ page, header }) => {
    await page.goto('/')
    await header.share()
    await expect(page.getByTestId('share.url')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('share.popover')).toHaveCount(0)
    await expect(page.getByTestId('share')).toBeFocused()
  })
})

test.describe('stage', () => {
  test('stage variables reach the proxy event', async ({ page, header }) => {
    await page.goto('/')
    await header.choosePreset('seed-proxy-success')
    await expect(page.getByTestId('event')).toContainText('"stageVariables": null')
    await page.getByTestId('panel.stage').getByRole('button', { name: 'Add', exact: true }).click()
    await page.getByTestId('stage.variable.0.value').fill('blue')
    await expect(page.getByTestId('event')).toContainText(
      '"stageVariables": {"myVariable": "blue"}',
    )
  })
})

test.describe('execution log', () => {
  test('Copy log puts the whole log on the clipboard', async ({ page, context, tracePanel }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('/')
    await expect(tracePanel.log()).toContainText('Method completed with status: 400')
    await page.getByTestId('log.copy').click()
    await expect(page.getByTestId('panel.log').getByRole('status')).toHaveText('Copied')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toMatch(/^Execution log for request /)
    expect(copied).toContain('Method completed with status: 400')
  })
})

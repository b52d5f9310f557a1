import { expect, test } from './fixtures'
import { waitForAppSettled } from './support/probes'

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
  { id: 'function-timeout', status: '200' },
  { id: 'function-timeout-proxy', status: '502', failed: 'integration-response' },
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

/** Status codes API Gateway refuses, and what the field says about each. */
const REFUSED_STATUSES: [typed: string, message: RegExp][] = [
  ['600', /three digits from 100 to 599/],
  ['200', /already has status 200/],
  ['', /Enter a status code/],
]

test.describe('status renames', () => {
  test('a method response keeps its headers when renamed, and the rename survives a reload', async ({
    page,
    response,
  }) => {
    await page.goto('/')
    // The address bar mirrors each change (debounced) and a reload loads that link, so each
    // step waits for its own link before the next.
    const mirrored = () => page.evaluate(() => window.location.hash)
    await page.getByTestId('method-response.400.headers').fill('X-Error')
    await expect.poll(mirrored).not.toBe('')
    const withHeaders = await mirrored()
    const status = page.getByTestId('method-response.400.status')
    await status.fill('404')
    await status.press('Enter')
    await expect.poll(mirrored).not.toBe(withHeaders)
    await expect(page.getByTestId('method-response.400')).toHaveCount(0)
    await expect(page.getByTestId('method-response.404.headers')).toHaveValue('X-Error')
    // Committed with Enter, the renamed field keeps the keyboard focus.
    await expect(page.getByTestId('method-response.404.status')).toBeFocused()
    // Rule 400 is still selected and now has no method response: a configuration error.
    await expect(response.status()).toHaveText('500')

    await page.reload()
    await expect(page.getByTestId('method-response.404.status')).toHaveValue('404')
    await expect(page.getByTestId('method-response.404.headers')).toHaveValue('X-Error')
    await expect(page.getByTestId('method-response.400')).toHaveCount(0)
  })

  test('an invalid or taken method response status is explained and changes nothing', async ({
    page,
    header,
  }) => {
    await page.goto('/')
    const before = await header.exportScenario()
    const field = page.getByTestId('method-response.400.status')
    const message = page.getByTestId('method-response.400.status.error')
    for (const [typed, why] of REFUSED_STATUSES) {
      await field.fill(typed)
      await field.press('Enter')
      await expect(message, typed).toContainText(why)
      await expect(field, typed).toHaveValue(typed)
      await expect(field, typed).toHaveAttribute('aria-invalid', 'true')
      await expect(field, typed).toHaveAccessibleDescription(why)
    }
    await field.press('Escape')
    await expect(field).toHaveValue('400')
    await expect(message).toHaveCount(0)
    await expect(field).not.toHaveAttribute('aria-invalid', 'true')
    await expect(
      page.locator('[data-testid^="method-response."][data-testid$=".status"]'),
    ).toHaveCount(2)
    expect(await header.exportScenario()).toBe(before)
  })

  test('an integration response refuses the same statuses, and renames to a free one', async ({
    page,
    header,
    rules,
  }) => {
    await page.goto('/')
    const before = await header.exportScenario()
    const field = page.getByTestId('rule.400.status')
    for (const [typed, why] of REFUSED_STATUSES) {
      await field.fill(typed)
      await field.press('Enter')
      await expect(page.getByTestId('rule.400.status.error'), typed).toContainText(why)
      await expect(field, typed).toHaveValue(typed)
      await expect(field, typed).toHaveAttribute('aria-invalid', 'true')
    }
    expect(await header.exportScenario()).toBe(before)

    await field.fill('404')
    await field.press('Enter')
    await expect(page.getByTestId('rule.400')).toHaveCount(0)
    await expect(page.getByTestId('rule.404.status')).toHaveValue('404')
    await expect(page.getByTestId('rule.404.status')).toBeFocused()
    await expect(rules.selected('404')).toBeVisible()
    // Renamed by leaving the field, focus goes where the person went.
    const renamed = page.getByTestId('rule.404.status')
    await renamed.fill('418')
    await page.getByTestId('request.path').focus()
    await expect(page.getByTestId('rule.418.status')).toHaveValue('418')
    await expect(page.getByTestId('request.path')).toBeFocused()
  })
})

test.describe('layout', () => {
  test('at 1280×720 the client response and the top of the trace show without scrolling', async ({
    page,
    response,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.goto('/')
    await waitForAppSettled(page)
    const traceHeading = page
      .getByTestId('panel.trace')
      .getByRole('heading', { name: 'Trace', exact: true })
    const firstStage = page.getByTestId('trace.stage.method-request').locator('summary')
    for (const target of [response.status(), traceHeading, firstStage]) {
      await expect(target).toBeVisible()
      const box = await target.boundingBox()
      expect(box).not.toBeNull()
      expect(box!.y).toBeGreaterThanOrEqual(0)
      expect(box!.y + box!.height).toBeLessThanOrEqual(720)
    }
    // The columns scroll on their own; the page itself does not.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      720,
    )
  })

  test('below 900px the columns stack and the page scrolls', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 720 })
    await page.goto('/')
    await waitForAppSettled(page)
    const inputs = await page.getByRole('region', { name: 'Inputs', exact: true }).boundingBox()
    const results = await page.getByRole('region', { name: 'Results', exact: true }).boundingBox()
    expect(results!.y).toBeGreaterThanOrEqual(inputs!.y + inputs!.height)
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(720)
  })

  test('"Skip to results" moves focus into the results column', async ({ page }) => {
    await page.goto('/')
    await waitForAppSettled(page)
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: 'Skip to results' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('region', { name: 'Results', exact: true })).toBeFocused()
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

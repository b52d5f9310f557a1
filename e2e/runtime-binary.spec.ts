import { expect, test } from './fixtures'

/** The runtime picker, the two timeouts, and the binary controls, as a person uses them. */

test.describe('runtime errors and binary controls', () => {
  test('the default page shows the seed Python error; the picker rewrites it per runtime', async ({
    page,
    editors,
    response,
  }) => {
    await page.goto('/')
    await expect
      .poll(() => editors.text('editor.lambda-payload'))
      .toContain('{"errorMessage": "Dummy error ...", "errorType": "Exception", "requestId": ')
    await page.getByTestId('lambda.runtime').selectOption('nodejs')
    await expect
      .poll(() => editors.text('editor.lambda-payload'))
      .toContain('{"errorType":"Error","errorMessage":"Dummy error ...","trace":["Error: Dummy')
    await expect(response.status()).toHaveText('400')

    await page.getByTestId('lambda.error-kind').selectOption('timeout')
    await page.getByTestId('lambda.function-timeout').fill('1')
    await expect
      .poll(() => editors.text('editor.lambda-payload'))
      .toContain('Error: Task timed out after 1.00 seconds')
    await expect(page.getByTestId('lambda.function-timeout-hint')).toBeVisible()
    // Custom integration, no pattern for it: 200 with Lambda's JSON, not a 504.
    await expect(response.status()).toHaveText('200')
    await expect(response.body()).toContainText('Sandbox.Timedout')
  })

  test('the presets tell the function timeout from the integration timeout', async ({
    header,
    page,
    response,
  }) => {
    await page.goto('/')
    await header.choosePreset('function-timeout-proxy')
    await expect(response.status()).toHaveText('502')
    await header.choosePreset('timeout')
    await expect(response.status()).toHaveText('504')
    await expect(response.body()).toContainText('Endpoint request timed out')
  })

  test('binary media types and contentHandling can be set and change the answer', async ({
    page,
    header,
    response,
  }) => {
    await page.goto('/')
    await header.choosePreset('seed-custom-success')
    await expect(response.status()).toHaveText('200')
    const types = page.getByTestId('stage.binary-media-types')
    await types.fill('image/png, application/octet-stream')
    await types.press('Enter')
    await expect(types).toHaveValue('image/png, application/octet-stream')

    await page.getByTestId('integration.content-handling').selectOption('CONVERT_TO_TEXT')
    await expect(page.getByTestId('integration.content-handling')).toHaveValue('CONVERT_TO_TEXT')

    // The success payload is JSON, not base64: CONVERT_TO_BINARY on the response fails with 500.
    await page.getByTestId('rule.200').locator('summary').click()
    await page.getByTestId('rule.200.content-handling').selectOption('CONVERT_TO_BINARY')
    await expect(response.status()).toHaveText('500')
    await page.getByTestId('rule.200.content-handling').selectOption('')
    await expect(response.status()).toHaveText('200')
  })
})

import { AUTOSAVE_KEY } from '../app/state/persist'
import { expect, test } from './fixtures'

/** The three user journeys of DESIGN.md, plus autosave and bad links, on the built app. */

const SEED_ERROR_LOG =
  'Lambda execution failed with status 200 due to customer function error: Dummy error ...'

test.describe('learning proxy vs custom', () => {
  test('the seed handler: custom 400, proxy 502, success 200, each with its trace', async ({
    page,
    header,
    response,
    tracePanel,
    rules,
  }) => {
    await page.goto('/')
    await expect(page.getByTestId('preset')).toHaveValue('seed-custom-error')

    await expect(response.status()).toHaveText('400')
    await expect(response.body()).toContainText('Dummy error ...')
    await expect(rules.selected('400')).toBeVisible()
    await expect(tracePanel.pipelineWinner()).toContainText('.*Dummy error.* → 400')
    await expect(tracePanel.stage('integration-response')).toContainText('.*Dummy error.*')

    await header.chooseIntegration('proxy')
    await expect(response.status()).toHaveText('502')
    await expect(response.body()).toContainText('Internal server error')
    await expect(tracePanel.log()).toContainText(SEED_ERROR_LOG)
    await expect(tracePanel.log()).toContainText('Method completed with status: 502')
    await expect(tracePanel.stage('integration-response')).toContainText(/malformed|error|502/i)

    await header.chooseIntegration('custom')
    await expect(response.status()).toHaveText('400')

    await header.choosePreset('seed-custom-success')
    await expect(response.status()).toHaveText('200')
    await expect(response.body()).toContainText('Hello from Lambda!')
    await expect(rules.selected('200')).toBeVisible()
    await expect(page.getByTestId('event')).toBeVisible()
  })
})

test.describe('debugging selection patterns', () => {
  test('a pattern that misses, then the fix', async ({ page, editors, rules, response }) => {
    await page.goto('/')
    await expect(response.status()).toHaveText('400')

    await editors.setText('rule.400.pattern', 'Dummy')
    await expect(rules.badge('400')).toHaveText('does not match')
    await expect(rules.explanation('400')).not.toBeEmpty()
    await expect(response.status()).toHaveText('200')

    await editors.setText('rule.400.pattern', '.*Dummy.*')
    await expect(rules.badge('400')).toHaveText('matches')
    await expect(response.status()).toHaveText('400')
  })

  test('a multi-line errorMessage that .+ misses', async ({
    page,
    header,
    editors,
    rules,
    response,
    lambda,
  }) => {
    await page.goto('/')
    await header.choosePreset('multi-line-error')
    await expect(lambda.errorMessage()).toHaveValue('Validation failed:\nname is required')
    await expect(rules.badge('400')).toHaveText('does not match')
    await expect(response.status()).toHaveText('200')

    await editors.setText('rule.400.pattern', '(.|\\n)+')
    await expect(rules.badge('400')).toHaveText('matches')
    await expect(response.status()).toHaveText('400')

    await lambda.errorMessage().fill('')
    await expect(rules.badge('400')).toHaveText('does not match')
  })
})

test.describe('many messages at once', () => {
  test('each trial message shows the rule it selects and the status', async ({ page }) => {
    await page.goto('/')
    await page
      .getByTestId('trials.input')
      .fill('Dummy error: disk full\n---\nTimeout\n---\nline 1\nDummy error')
    await expect(page.getByTestId('trials.row.0.status')).toHaveText('400')
    await expect(page.getByTestId('trials.row.1.status')).toHaveText('200')
    // `.` does not cross the line break, so the whole message does not match.
    await expect(page.getByTestId('trials.row.2.selected')).toHaveText('200')
    await expect(page.getByTestId('response.status')).toHaveText('400')
  })
})

test.describe('sharing', () => {
  test('a shared link restores the identical state in a new browser', async ({
    page,
    browser,
    header,
    editors,
    response,
  }) => {
    await page.goto('/')
    await header.choosePreset('json-error-message')
    await editors.setText('rule.404.pattern', '.*404.*')
    await page.getByTestId('request.query').fill('id=42')
    await expect(response.status()).toHaveText('404')
    const url = await header.share()
    const exported = await header.exportScenario()

    const other = await browser.newContext()
    const fresh = await other.newPage()
    await fresh.goto(url)
    await expect(fresh.getByTestId('response.status')).toHaveText('404')
    await expect(fresh.getByTestId('request.query')).toHaveValue('id=42')
    await expect(fresh.getByTestId('banner')).toHaveCount(0)
    const download = fresh.waitForEvent('download')
    await fresh.getByTestId('export').click()
    const text = await (await download).createReadStream().then(async (stream) => {
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    })
    expect(JSON.parse(text)).toEqual(JSON.parse(exported))
    await other.close()
  })
})

test.describe('sharing into an open tab', () => {
  test('pasting a link into the address bar of an open lab loads it', async ({
    page,
    header,
    response,
  }) => {
    await page.goto('/')
    await header.choosePreset('malformed-proxy')
    await expect(response.status()).toHaveText('502')
    const url = await header.share()
    await header.choosePreset('seed-custom-success')
    await expect(response.status()).toHaveText('200')
    // The address bar mirrors the current state (debounced); wait for it, so the pasted link is
    // a change of fragment. Only the fragment changes, so the page is not reloaded.
    const shared = new URL(url).hash
    await expect.poll(() => page.evaluate(() => window.location.hash)).not.toBe(shared)
    await page.evaluate((hash) => (window.location.hash = hash), shared)
    await expect(response.status()).toHaveText('502')
    await page.evaluate(() => (window.location.hash = '#v1.broken'))
    await expect(page.getByTestId('banner')).toContainText('current work is unchanged')
    await expect(response.status()).toHaveText('502')
  })
})

test.describe('import and export', () => {
  test('an exported file imports back; a bad file is refused with a message', async ({
    page,
    header,
    banner,
    response,
  }) => {
    await page.goto('/')
    await header.choosePreset('timeout')
    await expect(response.status()).toHaveText('504')
    const exported = await header.exportScenario()

    await header.choosePreset('seed-custom-error')
    await expect(response.status()).toHaveText('400')
    const input = page.getByTestId('import.file')
    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"setup": {}}'),
    })
    await expect(banner.root()).toContainText('Import failed')
    await expect(response.status()).toHaveText('400')

    await input.setInputFiles({
      name: 'scenario.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    })
    await expect(banner.root()).toHaveCount(0)
    await expect(response.status()).toHaveText('504')
  })
})

test.describe('autosave and bad links', () => {
  test('a reload keeps autosaved edits', async ({ page, lambda, response }) => {
    await page.goto('/')
    await lambda.errorMessage().fill('Something else broke')
    await expect(response.status()).toHaveText('200')
    await page.reload()
    await expect(lambda.errorMessage()).toHaveValue('Something else broke')
    await page.goto('/')
    await expect(lambda.errorMessage()).toHaveValue('Something else broke')
    await expect(response.status()).toHaveText('200')
  })

  test('a reload right after an edit keeps it, though the address still holds the older state', async ({
    page,
    lambda,
    response,
  }) => {
    await page.goto('/')
    await lambda.errorMessage().fill('First edit')
    await expect(response.status()).toHaveText('200')
    // The address bar mirrors the first edit...
    await expect.poll(() => page.evaluate(() => window.location.hash.length)).toBeGreaterThan(1)
    const mirrored = await page.evaluate(() => window.location.hash)
    // ...and the second edit is reloaded before its mirror is written. The mirror is held back
    // (as if the reload came within its delay) so that this does not depend on the machine's speed.
    await page.evaluate(() => {
      window.history.replaceState = () => {
        throw new Error('held back by the test')
      }
    })
    await lambda.errorMessage().fill('Dummy error: second edit')
    await expect(response.status()).toHaveText('400')
    expect(await page.evaluate(() => window.location.hash)).toBe(mirrored)
    await page.reload()
    await expect(lambda.errorMessage()).toHaveValue('Dummy error: second edit')
    await expect(response.status()).toHaveText('400')
  })

  test('a bad link shows a banner, loads the default and keeps the autosave', async ({
    page,
    lambda,
    banner,
    response,
  }) => {
    await page.goto('/')
    await lambda.errorMessage().fill('My saved work')
    await expect(response.status()).toHaveText('200')
    // The autosave is written once edits pause.
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', AUTOSAVE_KEY))
      .toContain('My saved work')

    for (const fragment of ['#not-a-link', '#v1.AAAA', `#${'x'.repeat(200_000)}`]) {
      // A fresh document each time: a hash-only change would not reload the page.
      await page.goto('about:blank')
      await page.goto(`/${fragment}`)
      await expect(banner.root()).toBeVisible()
      await expect(banner.root()).toHaveAttribute('role', 'alert')
      await expect(lambda.errorMessage()).toHaveValue('Dummy error ...')
      await expect(response.status()).toHaveText('400')
    }
    await banner.dismiss()
    await expect(banner.root()).toHaveCount(0)

    await page.goto('/')
    await expect(lambda.errorMessage()).toHaveValue('My saved work')
  })
})

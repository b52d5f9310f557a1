import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './fixtures'

/**
 * Embedding: the snippet from "Embed" works on a page of another origin that has a strict CSP
 * and no script of its own; it shows the scenario read-only and loads nothing from elsewhere.
 */

/** What the host server answers with (set by the test before navigating). */
const hostPage = { html: '', csp: '' }
let host: Server
let hostOrigin = ''

test.beforeAll(async () => {
  host = createServer((_req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': hostPage.csp,
    })
    res.end(hostPage.html)
  })
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve))
})

test('the embed snippet shows the scenario read-only on a strict-CSP page', async ({
  page,
  baseURL,
}) => {
  const labOrigin = new URL(baseURL!).origin
  await page.goto('/')
  await page.getByTestId('preset').selectOption('seed-custom-error')
  await page.getByTestId('embed').click()
  const snippet = await page.getByTestId('embed.snippet').inputValue()
  expect(snippet).toMatch(/^<iframe src="http:\/\/localhost:\d+\/\?embed=1#[^"]+" /)
  expect(snippet).not.toMatch(/<script|style=/)

  hostPage.csp = `default-src 'none'; frame-src ${labOrigin}`
  hostPage.html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>My notes</h1>${snippet}</body></html>`

  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const consoleErrors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  await page.goto(`${hostOrigin}/notes.html`)
  const frame = page.frameLocator('iframe')
  await expect(frame.getByTestId('embed.view')).toBeVisible()
  await expect(frame.getByTestId('response.status')).toHaveText('400')
  await expect(frame.getByTestId('trace.stage.integration-response')).toBeVisible()
  // Editors stay collapsed; nothing to type into.
  await expect(frame.getByTestId('embed.setup')).not.toHaveAttribute('open', /.*/)
  await expect(frame.locator('textarea, .monaco-editor')).toHaveCount(0)
  const open = frame.getByTestId('embed.open')
  await expect(open).toHaveAttribute('target', '_blank')
  await expect(open).toHaveAttribute('rel', 'noopener noreferrer')
  const href = await open.getAttribute('href')
  expect(href).toMatch(new RegExp(`^${labOrigin}/#.+`))

  // Nothing but the host page and the lab's own origin was asked for.
  const foreign = requests.filter(
    (u) => !/^(data|blob|about):/.test(u) && ![hostOrigin, labOrigin].includes(new URL(u).origin),
  )
  expect(foreign).toEqual([])
  expect(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([])

  // The link opens the full playground with the same scenario.
  await page.goto(href!)
  await expect(page.getByTestId('response.status')).toHaveText('400')
  await expect(page.getByTestId('embed.view')).toHaveCount(0)
})

test('the embedded view saves nothing over the playground autosave', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('preset').selectOption('seed-proxy-error')
  await expect(page.getByTestId('response.status')).toHaveText('502')
  await page.getByTestId('embed').click()
  const snippet = await page.getByTestId('embed.snippet').inputValue()
  const src = /src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, '&')
  // Open a different scenario embedded: the playground's own work must stay as it was.
  await page.getByTestId('preset').selectOption('seed-custom-error')
  await expect(page.getByTestId('response.status')).toHaveText('400')
  await page.waitForFunction(() =>
    (localStorage.getItem('api-gateway-lab.autosave.v1') ?? '').includes('"type":"AWS"'),
  )
  const saved = await page.evaluate(() => JSON.stringify(localStorage))
  await page.goto(src)
  await expect(page.getByTestId('response.status')).toHaveText('502')
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(saved)
})

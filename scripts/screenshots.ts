/**
 * `npm run screenshots`: the README's pictures of the compare view and the outcome matrix,
 * taken from a fresh private build in Chromium, so they show the app as it is. Writes
 * `e2e/compare.png` and `e2e/matrix.png`.
 */
import { join } from 'node:path'
import { REPO_ROOT } from './bench/corpus'
import { buildApp, serveBuild } from './bench/serve'

async function main(): Promise<number> {
  const built = buildApp()
  const served = built ?? (await serveBuild())
  if (typeof served === 'string') {
    console.error(`screenshots: ${served}`)
    return 1
  }
  try {
    const page = await served.browser.newPage({ viewport: { width: 1440, height: 2400 } })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(served.url)
    await page.getByTestId('response.status').filter({ hasText: '400' }).waitFor()

    await page.getByTestId('compare.toggle').click()
    await page
      .getByTestId('compare.column.custom-rules.status')
      .filter({ hasText: '400' })
      .waitFor()
    await page.getByTestId('outcomes.table').waitFor()
    const compare = join(REPO_ROOT, 'e2e/compare.png')
    await page.getByTestId('compare.view').screenshot({ path: compare })
    console.log(`written: ${compare}`)

    await page.getByTestId('compare.toggle').click()
    await page.getByTestId('matrix.generate').click()
    await page.getByTestId('matrix.table').waitFor()
    await page.getByTestId('trials.row.0.status').filter({ hasText: '400' }).waitFor()
    const matrix = join(REPO_ROOT, 'e2e/matrix.png')
    await page.getByTestId('panel.trials').screenshot({ path: matrix })
    console.log(`written: ${matrix}`)
    return 0
  } finally {
    await served.close()
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e)
    process.exitCode = 1
  },
)

/**
 * Page load of the built app in Chromium: when the shell is painted (first contentful paint)
 * and when the editors are ready (Monaco mounted), served by `vite preview` from `dist/`.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { findChromium } from '../browser-path.mjs'
import { REPO_ROOT } from './corpus'
import { median } from './timing'

/** Median milliseconds from navigation start, over several cold loads. */
export type PageLoadBench = { loads: number; shellPaintMs: number; editorsReadyMs: number }

const PORT = 4179
const EDITOR_READY = '.monaco-editor .view-lines'

async function waitForServer(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`vite preview did not answer at ${url}`)
}

/** Loads the page `loads` times in fresh contexts; a reason instead when it cannot. */
export async function benchPageLoad(loads = 5): Promise<PageLoadBench | string> {
  if (!existsSync(join(REPO_ROOT, 'dist/index.html'))) return 'dist/ missing: run `npm run build`'
  const found = findChromium()
  if (!found) return 'no Chromium: run `node scripts/ensure-browser.mjs`'
  const vite = join(REPO_ROOT, 'node_modules/vite/bin/vite.js')
  const server = spawn(
    process.execPath,
    [vite, 'preview', '--port', String(PORT), '--strictPort'],
    {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    },
  )
  const url = `http://localhost:${PORT}/`
  const browser = await chromium.launch(
    found.system ? { executablePath: found.path, args: ['--no-sandbox', '--disable-gpu'] } : {},
  )
  try {
    await waitForServer(url, Date.now() + 30_000)
    const paint: number[] = []
    const ready: number[] = []
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(url)
      // Polled every animation frame inside the page, so the time is when it first appeared.
      const at = await page.waitForFunction(
        (sel) => (document.querySelector(sel) ? performance.now() : 0),
        EDITOR_READY,
        { timeout: 30_000, polling: 'raf' },
      )
      ready.push(await at.jsonValue())
      paint.push(
        await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        ),
      )
      await context.close()
    }
    return { loads, shellPaintMs: median(paint), editorsReadyMs: median(ready) }
  } finally {
    await browser.close()
    server.kill()
  }
}

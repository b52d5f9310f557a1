/**
 * Page load of the built app in Chromium: when the shell is painted (first contentful paint)
 * and when the editors are ready (Monaco mounted), over several cold loads.
 */
import type { Served } from './serve'
import { median } from './timing'

/** Median milliseconds from navigation start, over several cold loads. */
export type PageLoadBench = { loads: number; shellPaintMs: number; editorsReadyMs: number }

const EDITOR_READY = '.monaco-editor .view-lines'

/** Loads the page `loads` times, each in a fresh context (empty cache). */
export async function benchPageLoad(served: Served, loads = 5): Promise<PageLoadBench> {
  const paint: number[] = []
  const ready: number[] = []
  for (let i = 0; i < loads; i++) {
    const context = await served.browser.newContext()
    const page = await context.newPage()
    await page.goto(served.url)
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
}

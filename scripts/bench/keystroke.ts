/**
 * Keystroke to updated response in Chromium (issue 7's budget: median ≤ 16 ms), in two editors:
 * - the selection pattern of rule 400 on the seed preset, alternating a character that breaks
 *   the match (`.*Dummy error.*x`: the default 200 wins) and Backspace (400 again), watching the
 *   status;
 * - the JSON request body, with the function echoing its event (so the body comes back), typing
 *   into a string value and deleting it again, watching the response body.
 * Every keystroke must change what is watched. In the page, a capture-phase keydown listener on window
 * (the first script to see the key) stamps the start, and a MutationObserver on the response
 * panel stamps when the watched text has changed. The simulation worker's own answer is
 * stamped too: the page normally shows its own quick answer first (app/ui/worker/speculate.ts),
 * and the worker's arrival says what a keystroke would cost without it.
 */
import type { Page } from 'playwright-core'
import type { Served } from './serve'
import { median, quantile } from './timing'

/** Milliseconds from keydown to the response DOM showing the change. */
export type KeystrokeBench = {
  /** Which editor was typed into. */
  field: string
  keystrokes: number
  medianMs: number
  p90Ms: number
  maxMs: number
  /** Keystrokes whose response did not change within the timeout. */
  missed: number
  /** Keystrokes whose new status was on screen before the worker's answer arrived. */
  answeredByPage: number
  /** Median keydown → the simulation worker's `result` message reaching the page. */
  workerMedianMs: number
}

/** One typing scenario: how to get there, where to type, what must change. */
type Field = {
  name: string
  /** The editor typed into (its Monaco `.view-lines` is clicked). */
  editor: string
  /** The element whose text each keystroke changes. */
  watch: string
  /** After the page settled: puts the page in the state to type in, cursor placed. */
  prepare: (page: Page) => Promise<void>
}

const STATUS = '[data-testid="response.status"]'

/** The two editors the bench types into. */
export const FIELDS: readonly Field[] = [
  {
    name: 'selection pattern',
    editor: '[data-testid="rule.400.pattern"]',
    watch: STATUS,
    prepare: async (page) => {
      await page.locator('[data-testid="rule.400.pattern"] .view-lines').click()
      await page.keyboard.press('End')
    },
  },
  {
    name: 'JSON request body',
    editor: '[data-testid="editor.request-body"]',
    watch: '[data-testid="response.body"]',
    prepare: async (page) => {
      await page.getByTestId('lambda.kind.echo').check()
      await page.locator('[data-testid="editor.request-body"] .view-lines').click()
      await page.keyboard.press('ControlOrMeta+a')
      await page.keyboard.press('Delete')
      await page.keyboard.insertText('{"name": "value"}')
      await page.locator(STATUS).filter({ hasText: '200' }).waitFor({ timeout: 30_000 })
      await page.keyboard.press('End')
      await page.keyboard.press('ArrowLeft') // before }
      await page.keyboard.press('ArrowLeft') // before the closing quote
      await page.waitForTimeout(500)
    },
  },
]
const WARMUP = 6
const TIMEOUT_MS = 5000

/** One timed keystroke (milliseconds after its keydown; 0: not seen yet). */
type Sample = { dom: number; worker: number }

/** In-page state (window.benchProbe): the current keystroke and the samples so far. */
type Probe = {
  keydownAt: number
  current: Sample | undefined
  last: string
  samples: Sample[]
}

/**
 * Before the app loads: wraps `Worker` so the simulation worker's `result` messages are stamped
 * (a listener added in the constructor runs before the app's own `onmessage`).
 */
function installProbe(): void {
  const probe: Probe = { keydownAt: 0, current: undefined, last: '', samples: [] }
  ;(window as unknown as { benchProbe: Probe }).benchProbe = probe
  const Original = window.Worker
  function Stamped(url: string | URL, options?: WorkerOptions): Worker {
    const worker = new Original(url, options)
    // Only the simulation worker: Monaco's own workers also talk on every keystroke.
    if (!String(url).includes('simulate')) return worker
    worker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
      const sample = probe.current
      if (sample && sample.worker === 0 && event.data.type === 'result')
        sample.worker = performance.now() - probe.keydownAt
    })
    return worker
  }
  Stamped.prototype = Original.prototype
  window.Worker = Stamped as unknown as typeof Worker
}

/** After the app settled: stamps keydowns and the watched text changing in the DOM. */
function observeResponse(watch: string): void {
  const probe = (window as unknown as { benchProbe: Probe }).benchProbe
  const el = document.querySelector(watch)
  probe.last = el?.textContent ?? ''
  window.addEventListener(
    'keydown',
    () => {
      probe.keydownAt = performance.now()
      probe.current = { dom: 0, worker: 0 }
    },
    true,
  )
  new MutationObserver(() => {
    const now = document.querySelector(watch)?.textContent ?? ''
    const sample = probe.current
    if (!sample || sample.dom !== 0 || now === '' || now === probe.last) return
    sample.dom = performance.now() - probe.keydownAt
    probe.samples.push(sample)
    probe.last = now
  }).observe(el?.closest('[aria-live]') ?? document.body, {
    subtree: true,
    childList: true,
    characterData: true,
  })
}

/** Types `keystrokes` keys (after a few untimed ones) into `field`; the latency statistics. */
export async function benchKeystrokes(
  served: Served,
  field: Field,
  keystrokes = 40,
): Promise<KeystrokeBench> {
  const context = await served.browser.newContext()
  try {
    const page = await context.newPage()
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
    await page.addInitScript(installProbe)
    await page.goto(served.url)
    await page.locator(`${field.editor} .view-lines`).waitFor({ timeout: 30_000 })
    await page.locator(STATUS).filter({ hasText: '400' }).waitFor({ timeout: 30_000 })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1000) // Monaco keeps mounting the other editors for a while
    await field.prepare(page)
    await page.evaluate(observeResponse, field.watch)
    let missed = 0
    for (let i = 0; i < WARMUP + keystrokes; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace')
      try {
        await page.waitForFunction(
          (n) => (window as unknown as { benchProbe: Probe }).benchProbe.samples.length >= n,
          i + 1 - missed,
          { timeout: TIMEOUT_MS, polling: 'raf' },
        )
      } catch {
        missed++
      }
      await page.waitForTimeout(30) // let the worker and Monaco go idle between keys
    }
    const samples = await page.evaluate(
      () => (window as unknown as { benchProbe: Probe }).benchProbe.samples,
    )
    const timed = samples.slice(WARMUP)
    const totals = timed.map((t) => t.dom)
    const workers = timed.map((t) => t.worker).filter((t) => t > 0)
    return {
      field: field.name,
      keystrokes: timed.length,
      medianMs: median(totals),
      p90Ms: quantile(totals, 0.9),
      maxMs: Math.max(...totals),
      missed,
      answeredByPage: timed.filter((t) => t.worker === 0 || t.dom < t.worker).length,
      workerMedianMs: workers.length > 0 ? median(workers) : Number.NaN,
    }
  } finally {
    await context.close()
  }
}

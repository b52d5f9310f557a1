/**
 * Keystroke to updated response in Chromium (issue 7's budget: median ≤ 16 ms). Types into the
 * selection pattern of rule 400 on the seed preset, alternating a character that breaks the
 * match (`.*Dummy error.*x`: the default 200 wins) and Backspace (400 again), so every keystroke
 * must change the client response. In the page, a capture-phase keydown listener on window
 * (the first script to see the key) stamps the start, and a MutationObserver on the response
 * panel stamps when the status shown there has changed.
 */
import type { Served } from './serve'
import { median, quantile } from './timing'

/** Milliseconds from keydown to the response DOM showing the new status. */
export type KeystrokeBench = {
  keystrokes: number
  medianMs: number
  p90Ms: number
  maxMs: number
  /** Keystrokes whose response did not change within the timeout. */
  missed: number
  /**
   * Where the median keystroke's time goes: keydown → message posted to the simulation worker
   * (store update and React on the main thread), → the worker's answer received, → the DOM.
   */
  medianSplitMs: { toWorker: number; inWorker: number; toDom: number }
}

const PATTERN = '[data-testid="rule.400.pattern"]'
const STATUS = '[data-testid="response.status"]'
const WARMUP = 6
const TIMEOUT_MS = 5000

/** In-page state (window.benchProbe): stamps of the current keystroke and the samples so far. */
type Probe = {
  keydownAt: number
  /** First message posted to the simulation worker after the keydown. */
  postedAt: number
  /** Last message received from the worker before the response changed. */
  answeredAt: number
  waiting: boolean
  last: string
  samples: { total: number; toWorker: number; inWorker: number; toDom: number }[]
}

/**
 * Before the app loads: wraps `Worker` so posting to and hearing from the simulation worker are
 * stamped (a listener added in the constructor runs before the app's own `onmessage`).
 */
function installProbe(): void {
  const probe: Probe = {
    keydownAt: 0,
    postedAt: 0,
    answeredAt: 0,
    waiting: false,
    last: '',
    samples: [],
  }
  ;(window as unknown as { benchProbe: Probe }).benchProbe = probe
  // Only the simulation worker: Monaco's own workers also talk on every keystroke.
  const simulation = new WeakSet<Worker>()
  const Original = window.Worker
  const post = Original.prototype.postMessage
  Original.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    if (simulation.has(this) && probe.waiting && probe.postedAt === 0)
      probe.postedAt = performance.now()
    ;(post as (...a: unknown[]) => void).apply(this, args)
  }
  function Stamped(url: string | URL, options?: WorkerOptions): Worker {
    const worker = new Original(url, options)
    if (!String(url).includes('simulate')) return worker
    simulation.add(worker)
    worker.addEventListener('message', () => {
      if (probe.waiting) probe.answeredAt = performance.now()
    })
    return worker
  }
  Stamped.prototype = Original.prototype
  window.Worker = Stamped as unknown as typeof Worker
}

/** After the app settled: stamps keydowns and the response status changing in the DOM. */
function observeResponse(status: string): void {
  const probe = (window as unknown as { benchProbe: Probe }).benchProbe
  const el = document.querySelector(status)
  probe.last = el?.textContent ?? ''
  window.addEventListener(
    'keydown',
    () => {
      probe.keydownAt = performance.now()
      probe.postedAt = 0
      probe.answeredAt = 0
      probe.waiting = true
    },
    true,
  )
  new MutationObserver(() => {
    const now = document.querySelector(status)?.textContent ?? ''
    if (!probe.waiting || now === '' || now === probe.last) return
    const at = performance.now()
    const posted = probe.postedAt || probe.keydownAt
    const answered = probe.answeredAt || posted
    probe.samples.push({
      total: at - probe.keydownAt,
      toWorker: posted - probe.keydownAt,
      inWorker: answered - posted,
      toDom: at - answered,
    })
    probe.last = now
    probe.waiting = false
  }).observe(el?.closest('[aria-live]') ?? document.body, {
    subtree: true,
    childList: true,
    characterData: true,
  })
}

/** Types `keystrokes` keys (after a few untimed ones) and returns the latency statistics. */
export async function benchKeystrokes(served: Served, keystrokes = 40): Promise<KeystrokeBench> {
  const context = await served.browser.newContext()
  try {
    const page = await context.newPage()
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f' })
    await page.addInitScript(installProbe)
    await page.goto(served.url)
    await page.locator(`${PATTERN} .view-lines`).waitFor({ timeout: 30_000 })
    await page.locator(STATUS).filter({ hasText: '400' }).waitFor({ timeout: 30_000 })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1000) // Monaco keeps mounting the other editors for a while
    await page.evaluate(observeResponse, STATUS)
    await page.locator(`${PATTERN} .view-lines`).click()
    await page.keyboard.press('End')
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
    const med = (key: keyof Probe['samples'][number]) => median(timed.map((t) => t[key]))
    const totals = timed.map((t) => t.total)
    return {
      keystrokes: timed.length,
      medianMs: median(totals),
      p90Ms: quantile(totals, 0.9),
      maxMs: Math.max(...totals),
      missed,
      medianSplitMs: { toWorker: med('toWorker'), inWorker: med('inWorker'), toDom: med('toDom') },
    }
  } finally {
    await context.close()
  }
}

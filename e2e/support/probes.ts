/**
 * Page probes shared by the hostile-input, accessibility and performance specs: what ran that
 * should not have (dialogs, injected scripts, prototype changes, CSP violations, requests to
 * other origins, uncaught errors) and how long the main thread was blocked.
 */
import type { Browser, Page } from '@playwright/test'

/** What the probes saw since the page opened. */
export type ProbeReport = {
  dialogs: string[]
  pageErrors: string[]
  foreignRequests: string[]
  cspViolations: string[]
  /** Wall durations (ms) of main-thread long tasks (PerformanceObserver), for the record. */
  longTasks: number[]
  pwned: boolean
  polluted: boolean
}

type ProbeWindow = Window & {
  __pwned?: unknown
  __longTasks?: number[]
  __longTaskEnds?: number[]
  __cspViolations?: string[]
}

/** Installs the probes; call before the first navigation. */
export async function installProbes(page: Page, baseURL: string) {
  const origin = new URL(baseURL).origin
  const dialogs: string[] = []
  const pageErrors: string[] = []
  const foreignRequests: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('request', (r) => {
    const url = r.url()
    if (!/^(data|blob|about):/.test(url) && new URL(url).origin !== origin)
      foreignRequests.push(url)
  })
  await page.addInitScript(() => {
    const w = window as ProbeWindow
    w.__longTasks = []
    w.__longTaskEnds = []
    w.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations?.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
    )
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          w.__longTasks?.push(entry.duration)
          w.__longTaskEnds?.push(entry.startTime + entry.duration)
        }
      }).observe({ type: 'longtask', buffered: false })
    } catch {
      // no Long Tasks API: the list stays empty and the spec reports it
    }
  })

  return {
    /** Everything seen so far. */
    async report(): Promise<ProbeReport> {
      const inPage = await page.evaluate(() => {
        const w = window as ProbeWindow
        return {
          longTasks: [...(w.__longTasks ?? [])],
          cspViolations: [...(w.__cspViolations ?? [])],
          pwned: w.__pwned !== undefined,
          polluted:
            ({} as Record<string, unknown>).polluted !== undefined ||
            ([] as unknown as Record<string, unknown>).polluted !== undefined ||
            Object.prototype.hasOwnProperty.call(Object.prototype, 'isAdmin'),
        }
      })
      return { dialogs, pageErrors, foreignRequests, ...inPage }
    },
  }
}

/**
 * Waits until the shell is up, the lazy chunks (Monaco, the worker) have loaded, and every code
 * editor is Monaco. The network going idle is not enough: the plain fallback editors are replaced
 * by Monaco some frames later (much later on a busy machine), and a test that looked at the page
 * in between would find different elements from one moment to the next.
 */
export async function waitForAppSettled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(
    () =>
      document.querySelector('.plain-editor') === null &&
      Array.from(document.querySelectorAll('.code-editor')).every(
        (editor) => editor.querySelector('.view-lines') !== null,
      ),
    undefined,
    { polling: 'raf' },
  )
  // Two frames, so work scheduled by the last chunk has run.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  )
}

/**
 * Waits until no long task has run for `quietMs` (Monaco keeps mounting editors for a while
 * after the network is idle), so a measurement that follows sees only what it caused.
 */
export async function waitForQuiet(page: Page, quietMs = 1000, maxMs = 10_000): Promise<void> {
  const deadline = Date.now() + maxMs
  for (;;) {
    const idleFor = await page.evaluate(() => {
      const w = window as ProbeWindow
      const last = Math.max(0, ...(w.__longTaskEnds ?? []))
      return performance.now() - last
    })
    if (idleFor >= quietMs) return
    if (Date.now() > deadline)
      throw new Error(`the page never went ${quietMs} ms without a long task`)
    await page.waitForTimeout(Math.max(50, quietMs - idleFor))
  }
}

/** The page's main thread during an action: its longest task, in wall and CPU time. */
export type MainThreadUse = {
  /** The page's own tasks traced (the test harness's DevTools commands are not counted). */
  tasks: number
  longestWallMs: number
  longestCpuMs: number
  /** What the longest task ran: its first event dispatch, timer or function (for the record). */
  longestWhat: string
  /** The longest task the harness itself ran in the page (Playwright's selector engine). */
  harnessCpuMs: number
}

type TraceEvent = {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  tdur?: number
  args?: {
    name?: string
    data?: { type?: string; functionName?: string; url?: string }
    chrome_mojo_event_info?: { mojo_interface_tag?: string }
  }
}

/**
 * Reads a Chromium trace: the renderer main thread's top-level tasks, split into the page's own
 * and the harness's. A task that delivers a DevTools command (Playwright evaluating its selector
 * engine, polling `expect`, or its aria snapshot of the whole page for a failure message) is the
 * test's work, not the page's, however long it takes; input events Playwright dispatches arrive
 * as real input and count as the page's.
 */
export function readMainThreadUse(traceEvents: readonly TraceEvent[]): MainThreadUse {
  const mains = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const onMain = traceEvents
    .filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts)
  const tasks = onMain.filter((e) => e.name === 'RunTask')
  const inside = (task: TraceEvent) => {
    const end = task.ts + (task.dur ?? 0)
    return onMain.filter((e) => e.ts >= task.ts && e.ts <= end && e !== task)
  }
  const isHarness = (task: TraceEvent) =>
    inside(task).some(
      (e) => e.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession',
    )
  const describe = (task: TraceEvent | undefined) => {
    if (!task) return 'none'
    const first = inside(task).find((e) =>
      ['EventDispatch', 'TimerFire', 'FunctionCall', 'FireAnimationFrame'].includes(e.name),
    )
    const data = first?.args?.data
    if (!first) return 'no script (browser work: style, layout, paint, GC)'
    if (first.name === 'EventDispatch') return `${data?.type ?? '?'} event`
    if (first.name === 'FunctionCall')
      return `${data?.functionName || '(anonymous)'} in ${data?.url?.split('/').pop() ?? '?'}`
    return first.name
  }
  const page: TraceEvent[] = []
  let harness = 0
  for (const task of tasks) {
    if (isHarness(task)) harness = Math.max(harness, task.tdur ?? 0)
    else page.push(task)
  }
  const byCpu = [...page].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
  const ms = (us: number | undefined) => Math.round((us ?? 0) / 1000)
  return {
    tasks: page.length,
    longestWallMs: ms(Math.max(0, ...page.map((e) => e.dur ?? 0))),
    longestCpuMs: ms(byCpu[0]?.tdur),
    longestWhat: describe(byCpu[0]),
    harnessCpuMs: ms(harness),
  }
}

/**
 * Runs `action` under a Chromium trace and measures the page's own main-thread tasks. A long
 * task (> 50 ms) is judged by its thread CPU time: on a busy machine (CI, two cores, the
 * simulation worker spinning on a runaway regex) the wall time of a 10 ms task stretches while
 * the main thread waits for a core, which is not the page blocking itself.
 */
export async function measureMainThread(
  browser: Browser,
  page: Page,
  action: () => Promise<void>,
): Promise<MainThreadUse> {
  await browser.startTracing(page, {
    categories: [
      'toplevel',
      '__metadata',
      'disabled-by-default-devtools.timeline',
      'devtools.timeline',
    ],
  })
  const failure = await action().then(
    () => undefined,
    (e: unknown) => ({ e }),
  )
  const trace = await browser.stopTracing()
  if (failure) throw failure.e
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
  return readMainThreadUse(traceEvents)
}

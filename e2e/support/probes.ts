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

/** Waits until the shell is up and the lazy chunks (Monaco, the worker) have loaded. */
export async function waitForAppSettled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.waitForLoadState('networkidle')
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
export type MainThreadUse = { tasks: number; longestWallMs: number; longestCpuMs: number }

/**
 * Runs `action` under a Chromium trace and measures the renderer main thread's tasks. A long
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
    categories: ['toplevel', '__metadata', 'disabled-by-default-devtools.timeline'],
  })
  const failure = await action().then(
    () => undefined,
    (e: unknown) => ({ e }),
  )
  const trace = await browser.stopTracing()
  if (failure) throw failure.e
  type TraceEvent = {
    name: string
    ph: string
    pid: number
    tid: number
    dur?: number
    tdur?: number
    args?: { name?: string }
  }
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
  const mains = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const tasks = traceEvents.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`),
  )
  const longest = (pick: (e: TraceEvent) => number | undefined) =>
    Math.round(Math.max(0, ...tasks.map((e) => pick(e) ?? 0)) / 1000)
  return {
    tasks: tasks.length,
    longestWallMs: longest((e) => e.dur),
    longestCpuMs: longest((e) => e.tdur),
  }
}

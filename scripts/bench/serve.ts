/**
 * The built app in Chromium for the page benchmarks: a private build (`vite build --outDir
 * /tmp/bench-dist`, so the shared `dist/` is never touched), `vite preview` of it on a free
 * port, and the system Chromium driven by playwright-core. Each step that cannot happen gives
 * a reason instead, which the table prints as "skipped: <why>".
 */
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { SYSTEM_CHROMIUM_FLAGS, findChromium } from '../browser-path.mjs'
import { REPO_ROOT } from './corpus'

/** Where the benchmark builds the app (`BENCH_DIST` overrides). */
export const BENCH_DIST = process.env.BENCH_DIST ?? '/tmp/bench-dist'

const VITE = join(REPO_ROOT, 'node_modules/vite/bin/vite.js')

/** A served build and a browser, closed together. */
export type Served = { url: string; browser: Browser; close: () => Promise<void> }

/** Builds the app into BENCH_DIST; a reason when the build fails. */
export function buildApp(): string | undefined {
  const out = spawnSync(
    process.execPath,
    [VITE, 'build', '--outDir', BENCH_DIST, '--emptyOutDir'],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    },
  )
  if (out.status === 0 && existsSync(join(BENCH_DIST, 'index.html'))) return undefined
  const lines = `${out.stderr ?? ''}\n${out.stdout ?? ''}`.split('\n').map((l) => l.trim())
  const at = Math.max(
    0,
    lines.findIndex((l) => /error/i.test(l)),
  )
  const said = lines
    .slice(at)
    .filter((l) => l !== '')
    .slice(0, 2)
    .join(' ')
  return `vite build failed: ${(out.error?.message ?? said).slice(0, 100)}`
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForServer(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`vite preview did not answer at ${url}`)
}

/** Serves `dist` (BENCH_DIST by default) and launches Chromium; a reason when either is impossible. */
export async function serveBuild(dist = BENCH_DIST): Promise<Served | string> {
  if (!existsSync(join(dist, 'index.html'))) return `no build in ${dist}`
  const found = findChromium()
  if (!found) return 'no Chromium (apt-get install -y chromium)'
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const server = spawn(
    process.execPath,
    [VITE, 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port)],
    { cwd: REPO_ROOT, stdio: 'ignore' },
  )
  try {
    await waitForServer(url, server, Date.now() + 30_000)
    const browser = await chromium.launch({
      executablePath: found.path,
      args: SYSTEM_CHROMIUM_FLAGS,
    })
    const close = async () => {
      await browser.close()
      server.kill()
    }
    return { url, browser, close }
  } catch (e) {
    server.kill()
    return `Chromium or vite preview did not start (${String(e).split('\n')[0]?.slice(0, 80)})`
  }
}

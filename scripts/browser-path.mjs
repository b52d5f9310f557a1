/**
 * Where a usable Chromium is and how to launch it, shared by `ensure-browser.mjs`,
 * `e2e/playwright.config.ts` and the page benchmarks, so they agree on the binary. Reads only;
 * never installs.
 */
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/** The system Chromium Debian's `chromium` package installs. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/**
 * Flags for a system Chromium: it needs them in containers, and must not phone home (the
 * hostile-input tests assert that no request leaves the page's origin).
 */
export const SYSTEM_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
]

/** Playwright's own downloaded Chromium, when `playwright install chromium` has run. */
export function playwrightChromium() {
  try {
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

/**
 * The Chromium to launch: `CHROMIUM_PATH`, then the system one, then Playwright's own.
 * `system: true` means an external binary that needs `launchOptions.executablePath`.
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, why: 'CHROMIUM_PATH', system: true }
  if (existsSync(SYSTEM_CHROMIUM))
    return { path: SYSTEM_CHROMIUM, why: 'system package', system: true }
  const own = playwrightChromium()
  if (own) return { path: own, why: "Playwright's own Chromium", system: false }
  return undefined
}

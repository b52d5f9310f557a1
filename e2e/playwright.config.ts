import { defineConfig, devices } from '@playwright/test'
import { SYSTEM_CHROMIUM_FLAGS, findChromium } from '../scripts/browser-path.mjs'

const CI = !!process.env.CI
// `E2E_PORT` lets a developer point the tests at a preview already running elsewhere.
const PORT = Number(process.env.E2E_PORT ?? 4173)

const browser = findChromium()
const launchOptions =
  browser?.system === true ? { executablePath: browser.path, args: SYSTEM_CHROMIUM_FLAGS } : {}

/** e2e drives the built app through `vite preview`, never the sources. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '.results',
  forbidOnly: CI,
  retries: CI ? 2 : 0,
  workers: 2,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: {
    // Always a fresh build of the current sources (type checking is `npm run check`'s job).
    command: `npx vite build && npx vite preview --port ${PORT} --strictPort`,
    cwd: '..',
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})

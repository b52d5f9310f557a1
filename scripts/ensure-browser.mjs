#!/usr/bin/env node
/**
 * Finds a Chromium that Playwright can drive, installing one only when none exists.
 *
 * Order: `CHROMIUM_PATH`, `/usr/bin/chromium`, Playwright's own downloaded Chromium; then, as
 * root on Debian/Ubuntu, `apt-get install -y chromium` (Playwright's download is not reachable
 * on those machines); else `npx playwright install chromium`. Prints the choice; writes nothing
 * into the repository. `e2e/playwright.config.ts` repeats the first three steps (see
 * `scripts/browser-path.mjs`) so both agree on the binary.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { findChromium, playwrightChromium } from './browser-path.mjs'

/** Runs a command with inherited output; returns whether it succeeded. */
function run(cmd, args) {
  console.log(`ensure-browser: $ ${cmd} ${args.join(' ')}`)
  return spawnSync(cmd, args, { stdio: 'inherit' }).status === 0
}

/** True when this is a Debian-family system where apt-get can install packages. */
function canApt() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false
  if (!existsSync('/etc/os-release')) return false
  const os = readFileSync('/etc/os-release', 'utf8')
  if (!/^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(os)) return false
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Installs the distribution's chromium, refreshing the package lists only when needed. */
function installWithApt() {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const tryInstall = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env,
    }).status === 0
  console.log('ensure-browser: $ apt-get install -y chromium')
  if (tryInstall()) return true
  return run('apt-get', ['update']) && tryInstall()
}

function main() {
  const found = findChromium()
  if (found) {
    console.log(`ensure-browser: using ${found.path} (${found.why})`)
    return 0
  }
  if (canApt() && installWithApt()) {
    const after = findChromium()
    if (after) {
      console.log(`ensure-browser: installed ${after.path} with apt-get`)
      return 0
    }
  }
  if (run('npx', ['--no-install', 'playwright', 'install', 'chromium'])) {
    const own = playwrightChromium()
    if (own) {
      console.log(`ensure-browser: using Playwright's Chromium at ${own}`)
      return 0
    }
  }
  console.error(
    'ensure-browser: no Chromium found. Install one (apt-get install -y chromium, or ' +
      'npx playwright install chromium) or set CHROMIUM_PATH to its executable.',
  )
  return 1
}

process.exit(main())

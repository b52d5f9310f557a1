/**
 * `npm run conformance -- [PATH ...]`: runs conformance case files (or folders of them, searched
 * recursively for `*.json`) through the engine, prints one line per failing case and
 * `N passed, N failed`, and exits non-zero when any case failed or could not be loaded.
 * Without paths it runs `../shared/conformance/cases` (when present) and the project's own
 * `app/engine/fixtures/cases/` and `app/engine/fixtures/cases-diagnostics/`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { countBrokenCases, loadCaseFiles, type CaseFile } from './load-cases'
import { formatOutcome, runCase } from './run-cases'

const HERE = dirname(fileURLToPath(import.meta.url))

/** The repository root (this file lives in `app/engine/conformance/`). */
export const REPO_ROOT = resolve(HERE, '../../..')

/** The shared cases (absent on machines without `../shared`). */
export const SHARED_CASES_DIR = resolve(REPO_ROOT, '../shared/conformance/cases')

/** The project's own cases. */
export const PROJECT_CASES_DIR = resolve(HERE, '../fixtures/cases')

/** The project's cases that must also produce given diagnostics (`expectDiagnostics`). */
export const DIAGNOSTIC_CASES_DIR = resolve(HERE, '../fixtures/cases-diagnostics')

/** Every `*.json` file under the given files or folders, sorted; unreadable paths are reported. */
export function collectCaseFiles(paths: readonly string[]): {
  files: CaseFile[]
  missing: string[]
} {
  const files: CaseFile[] = []
  const missing: string[] = []
  const visit = (path: string, explicit: boolean): void => {
    try {
      if (statSync(path).isDirectory()) {
        for (const name of readdirSync(path).sort()) {
          const child = join(path, name)
          if (name.endsWith('.json') || statSync(child).isDirectory()) visit(child, false)
        }
      } else {
        files.push({
          path: relative(process.cwd(), path) || path,
          text: readFileSync(path, 'utf8'),
        })
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      missing.push(explicit ? `${path}: ${reason}` : `${relative(process.cwd(), path)}: ${reason}`)
    }
  }
  for (const path of paths) {
    if (existsSync(path)) visit(resolve(path), true)
    else missing.push(`${path}: no such file or folder`)
  }
  return { files, missing }
}

/** The CLI itself: prints through `print` and returns the exit code. */
export function runCli(
  argv: readonly string[],
  print: (line: string) => void = console.log,
): number {
  const verbose = argv.includes('--verbose') || argv.includes('-v')
  const given = argv.filter((a) => !a.startsWith('-'))
  const defaults = [SHARED_CASES_DIR, PROJECT_CASES_DIR, DIAGNOSTIC_CASES_DIR].filter((dir) =>
    existsSync(dir),
  )
  const paths = given.length > 0 ? given : defaults
  const { files, missing } = collectCaseFiles(paths)
  for (const problem of missing) print(`ERROR ${problem}`)
  const loaded = loadCaseFiles(files)
  for (const p of loaded.problems) {
    print(`INVALID ${p.file}${p.id ? ` ${p.id}` : ''}: ${p.message}`)
  }
  if (verbose) {
    for (const w of loaded.warnings) print(`warning ${w.file} ${w.id ?? ''}: ${w.message}`)
  }
  let passed = 0
  let failed = countBrokenCases(loaded.problems)
  for (const c of loaded.cases) {
    const outcome = runCase(c)
    if (outcome.passed) {
      passed++
      if (verbose) print(`ok   ${outcome.id}`)
    } else {
      failed++
      print(formatOutcome(outcome))
    }
  }
  if (files.length === 0) print('no case files found')
  print(`${passed} passed, ${failed} failed`)
  return failed > 0 || missing.length > 0 || files.length === 0 ? 1 : 0
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  process.exitCode = runCli(process.argv.slice(2))
}

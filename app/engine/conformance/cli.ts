/**
 * `npm run conformance -- [PATH ...]`: runs conformance case files (or folders of them, searched
 * recursively for `*.json`) through the engine, prints one line per failing case and
 * `N passed, N failed`, and exits non-zero when any case failed or could not be loaded.
 * Without paths it runs `../shared/conformance/cases` and this folder's `cases/`.
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
export const PROJECT_CASES_DIR = resolve(HERE, 'cases')

/** Every `*.json` file under the given files or folders, sorted; missing paths are reported. */
export function collectCaseFiles(paths: readonly string[]): {
  files: CaseFile[]
  missing: string[]
} {
  const files: CaseFile[] = []
  const missing: string[] = []
  const visit = (path: string): void => {
    const stat = statSync(path)
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        const child = join(path, name)
        if (statSync(child).isDirectory() || name.endsWith('.json')) visit(child)
      }
    } else {
      files.push({ path: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') })
    }
  }
  for (const path of paths) {
    if (existsSync(path)) visit(resolve(path))
    else missing.push(path)
  }
  return { files, missing }
}

function main(argv: readonly string[]): number {
  const verbose = argv.includes('--verbose') || argv.includes('-v')
  const given = argv.filter((a) => !a.startsWith('-'))
  const defaults = [SHARED_CASES_DIR, PROJECT_CASES_DIR].filter((dir) => existsSync(dir))
  const paths = given.length > 0 ? given : defaults
  const { files, missing } = collectCaseFiles(paths)
  for (const path of missing) console.log(`ERROR ${path}: no such file or folder`)
  const loaded = loadCaseFiles(files)
  for (const p of loaded.problems) {
    console.log(`INVALID ${p.file}${p.id ? ` ${p.id}` : ''}: ${p.message}`)
  }
  if (verbose) {
    for (const w of loaded.warnings) console.log(`warning ${w.file} ${w.id ?? ''}: ${w.message}`)
  }
  let passed = 0
  let failed = countBrokenCases(loaded.problems)
  for (const c of loaded.cases) {
    const outcome = runCase(c)
    if (outcome.passed) {
      passed++
      if (verbose) console.log(`ok   ${outcome.id}`)
    } else {
      failed++
      console.log(formatOutcome(outcome))
    }
  }
  if (files.length === 0) console.log('no case files found')
  console.log(`${passed} passed, ${failed} failed`)
  return failed > 0 || missing.length > 0 || files.length === 0 ? 1 : 0
}

const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  process.exitCode = main(process.argv.slice(2))
}

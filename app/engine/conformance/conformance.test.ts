/**
 * The golden gate: every shared and project conformance case must pass, except those listed in
 * `known-failures.json` — and a listed case that passes now fails the gate, so the list stays
 * truthful.
 */
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { collectCaseFiles, DIAGNOSTIC_CASES_DIR, PROJECT_CASES_DIR, SHARED_CASES_DIR } from './cli'
import knownFailuresJson from './known-failures.json'
import { loadCaseFiles } from './load-cases'
import { formatOutcome, runCase } from './run-cases'

type KnownFailure = { id: string; reason: string }

const knownFailures: KnownFailure[] = knownFailuresJson
const known = new Map(knownFailures.map((k) => [k.id, k.reason]))
const hasShared = existsSync(SHARED_CASES_DIR)
const ownDirs = [PROJECT_CASES_DIR, DIAGNOSTIC_CASES_DIR]
const dirs = hasShared ? [SHARED_CASES_DIR, ...ownDirs] : ownDirs
const { files, missing } = collectCaseFiles(dirs)
const loaded = loadCaseFiles(files)

describe('conformance cases', () => {
  if (!hasShared) it.skip(`shared cases skipped: ${SHARED_CASES_DIR} is absent`, () => {})

  it('every case file loads', () => {
    expect(missing).toEqual([])
    expect(loaded.problems).toEqual([])
    expect(loaded.cases.length).toBeGreaterThan(0)
  })

  it('known-failures.json names existing cases, once each, with a reason', () => {
    const ids = new Set(loaded.cases.map((c) => c.conformanceCase.id))
    // Without ../shared, entries for shared cases cannot be checked.
    const unknown = hasShared ? knownFailures.filter((k) => !ids.has(k.id)).map((k) => k.id) : []
    expect(unknown).toEqual([])
    expect(known.size).toBe(knownFailures.length)
    expect(knownFailures.filter((k) => k.reason.trim().length < 10)).toEqual([])
  })

  for (const c of loaded.cases) {
    const id = c.conformanceCase.id
    const reason = known.get(id)
    it(`${id}${reason ? ' (known failure)' : ''}`, () => {
      const outcome = runCase(c)
      if (reason !== undefined) {
        expect(
          outcome.passed,
          `${id} passes now: remove it from known-failures.json (listed because: ${reason})`,
        ).toBe(false)
      } else {
        expect(outcome.passed, `${formatOutcome(outcome)}  [${c.file}]`).toBe(true)
      }
    })
  }
})

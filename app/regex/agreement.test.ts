/**
 * Agreement with java.util.regex on the shared oracle corpora (../shared/conformance/regex, when
 * present) and on this module's own corpus (oracle/corpus): at least 99.5% per corpus.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compareCorpus } from './oracle/compare'

const here = dirname(fileURLToPath(import.meta.url))
const shared = resolve(here, '../../../shared/conformance/regex')
const own = join(here, 'oracle/corpus')
const jsonl = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(dir, f))

function expectAgreement(file: string) {
  const r = compareCorpus(readFileSync(file, 'utf8'))
  const rate = r.passed / (r.passed + r.failed)
  const detail = r.disagreements
    .slice(0, 5)
    .map((d) => `${d.pattern} / ${JSON.stringify(d.input)}: expected ${d.expected}, ours ${d.ours}`)
  expect(rate, `${file}\n${detail.join('\n')}`).toBeGreaterThanOrEqual(0.995)
  expect(r.passed + r.failed).toBeGreaterThan(100)
}

describe('agreement with java.util.regex', () => {
  for (const file of jsonl(own))
    it(`own corpus ${file.split('/').pop()}`, () => expectAgreement(file))

  if (existsSync(shared)) {
    for (const file of jsonl(shared))
      it(`shared corpus ${file.split('/').pop()}`, () => expectAgreement(file))
  } else {
    it.skip(`shared corpora not found at ${shared} (../shared relative to the repo root)`, () => {})
  }
})

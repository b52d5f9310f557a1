/**
 * Agreement with java.util.regex on the shared oracle corpora (../shared/conformance/regex, when
 * present) and on this module's own corpus (fixtures/oracle): at least 99.5% per corpus.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compareCorpus } from './oracle/compare'
import { translateJavaRegex } from './index'

const here = dirname(fileURLToPath(import.meta.url))
const shared = resolve(here, '../../../shared/conformance/regex')
const own = join(here, 'fixtures/oracle')
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

describe("Java's syntax error messages", () => {
  it('gives the same description and index as Java on every invalid corpus line we can decide', () => {
    const files = [...jsonl(own), ...(existsSync(shared) ? jsonl(shared) : [])]
    let total = 0
    const wrong: string[] = []
    for (const file of files)
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue
        const c = JSON.parse(line) as {
          pattern: string
          valid: boolean
          error?: string
          errorIndex?: number
        }
        if (c.valid) continue
        const t = translateJavaRegex(c.pattern)
        if (!t.ok && t.diagnostics[0]?.code === 'regex.untranslatable') continue
        total++
        const at = (c.errorIndex ?? -1) >= 0 ? ` near index ${c.errorIndex}` : ''
        const expected = `${c.error}${at}`
        const ours = t.ok ? 'valid' : t.diagnostics[0]?.message
        if (ours !== expected) wrong.push(`${c.pattern}: ${expected} / ${ours}`)
      }
    expect(wrong).toEqual([])
    expect(total).toBeGreaterThan(100)
  })
})

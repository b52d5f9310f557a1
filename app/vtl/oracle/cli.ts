/**
 * `npm run oracle:vtl -- FILE.jsonl ...`: compares the renderer with recorded Velocity output.
 * With no files, runs our own corpus (app/vtl/fixtures/oracle/*.jsonl).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareCorpus, type OracleLine } from './compare'

const here = dirname(fileURLToPath(import.meta.url))
let files = process.argv.slice(2)
if (files.length === 0) {
  const dir = join(here, '../fixtures/oracle')
  files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(dir, f))
}
let passed = 0
let failed = 0
for (const file of files) {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as OracleLine)
  const r = compareCorpus(lines)
  passed += r.passed
  failed += r.failures.length
  for (const f of r.failures) {
    console.log(`${file}:${f.index + 1} ${JSON.stringify(f.line.template).slice(0, 160)}`)
    console.log(`    ${f.why.slice(0, 400)}`)
  }
}
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed > 0 ? 1 : 0

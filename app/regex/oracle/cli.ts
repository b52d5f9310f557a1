/**
 * `npm run oracle:regex -- FILE.jsonl ...`: compares our Java-regex answers with oracle corpora,
 * prints each disagreement and ends with `N passed, N failed` (exit code 1 on any failure).
 * With no arguments it runs this module's own corpus (`app/regex/fixtures/oracle/`).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareCorpus } from './compare'

const own = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/oracle')
const args = process.argv.slice(2)
const files = args.length
  ? args
  : readdirSync(own)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => join(own, f))

let passed = 0
let failed = 0
for (const file of files) {
  const r = compareCorpus(readFileSync(file, 'utf8'))
  for (const d of r.disagreements)
    console.log(
      `${file}:${d.line}  pattern ${JSON.stringify(d.pattern)}  input ${JSON.stringify(d.input)}\n    expected ${d.expected}\n    ours     ${d.ours}`,
    )
  if (files.length > 1) console.log(`${file}: ${r.passed} passed, ${r.failed} failed`)
  passed += r.passed
  failed += r.failed
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)

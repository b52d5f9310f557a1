/**
 * `npm run fuzz -- --runs N --seed S [--only TEXT]`: runs every property of
 * `scripts/fuzz/properties.ts` N times from seed S, prints one line per property (with the
 * shrunk counterexample and the replay path of a failure) and closes with `N passed, N failed`
 * (one count per property). Exits non-zero when a property failed.
 */
import fc from 'fast-check'
import { PROPERTIES } from './fuzz/properties'

type Options = { runs: number; seed: number; only?: string }

function readOptions(argv: string[]): Options {
  const options: Options = { runs: 10_000, seed: Date.now() % 2 ** 31 }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    if (flag === '--runs' && value) options.runs = Number(value)
    else if (flag === '--seed' && value) options.seed = Number(value)
    else if (flag === '--only' && value) options.only = value
    else continue
    i++
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs must be ≥ 1')
  if (!Number.isInteger(options.seed)) throw new Error('--seed must be an integer')
  return options
}

function main(): number {
  const { runs, seed, only } = readOptions(process.argv.slice(2))
  const selected = PROPERTIES.filter((p) => !only || p.name.includes(only))
  console.log(`fuzz: ${selected.length} properties, ${runs} runs each, seed ${seed}`)
  let passed = 0
  let failed = 0
  for (const { name, build } of selected) {
    const started = performance.now()
    const details = fc.check(build(), { numRuns: runs, seed, endOnFailure: false })
    const ms = Math.round(performance.now() - started)
    if (details.failed) {
      failed++
      console.log(`FAIL ${name} (${ms} ms)`)
      const reason = details.errorInstance instanceof Error ? details.errorInstance.message : ''
      const report = (fc.defaultReportMessage(details) ?? '').split('\n').slice(0, 4)
      console.log(`  ${[`reason: ${reason}`, ...report].join('\n  ')}`)
    } else {
      passed++
      console.log(`ok   ${name} (${details.numRuns} runs, ${ms} ms)`)
    }
  }
  console.log(`${passed} passed, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

process.exitCode = main()

/**
 * `npm run fuzz -- --runs N --seed S [--only TEXT] [--timeout SECONDS]`: runs every property of
 * `scripts/fuzz/properties.ts` N times from seed S, prints one line per property (with the
 * shrunk counterexample and the replay path of a failure) and closes with `N passed, N failed`
 * (one count per property). Exits non-zero when a property failed.
 *
 * Each property runs in its own child process, so one that runs out of memory or never returns
 * (a runaway regex or template is exactly what this hunts for) is reported as a failure and the
 * others still run.
 */
import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { PROPERTIES } from './fuzz/properties'

type Options = { runs: number; seed: number; only?: string; timeout: number; property?: number }

function readOptions(argv: string[]): Options {
  const options: Options = { runs: 10_000, seed: Date.now() % 2 ** 31, timeout: 3600 }
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]]
    if (flag === '--runs' && value) options.runs = Number(value)
    else if (flag === '--seed' && value) options.seed = Number(value)
    else if (flag === '--only' && value) options.only = value
    else if (flag === '--timeout' && value) options.timeout = Number(value)
    else if (flag === '--property' && value) options.property = Number(value)
    else continue
    i++
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs must be ≥ 1')
  if (!Number.isInteger(options.seed)) throw new Error('--seed must be an integer')
  return options
}

/** Child: runs one property and exits 0 (passed) or 1 (failed). */
function runOne(index: number, runs: number, seed: number): number {
  const { name, build } = PROPERTIES[index]!
  const started = performance.now()
  const details = fc.check(build(), { numRuns: runs, seed })
  const ms = Math.round(performance.now() - started)
  if (!details.failed) {
    console.log(`ok   ${name} (${details.numRuns} runs, ${ms} ms)`)
    return 0
  }
  const reason = details.errorInstance instanceof Error ? details.errorInstance.message : ''
  const report = (fc.defaultReportMessage(details) ?? '').split('\n').slice(0, 4)
  console.log(`FAIL ${name} (${ms} ms)`)
  console.log(`  ${[`reason: ${reason}`, ...report].join('\n  ')}`)
  return 1
}

/** Parent: one child per property; a crash or a timeout counts as a failure. */
function runAll({ runs, seed, only, timeout }: Options): number {
  const selected = PROPERTIES.map((p, i) => ({ ...p, i })).filter(
    (p) => !only || p.name.includes(only),
  )
  console.log(`fuzz: ${selected.length} properties, ${runs} runs each, seed ${seed}`)
  let passed = 0
  let failed = 0
  for (const { name, i } of selected) {
    const args = ['--property', String(i), '--runs', String(runs), '--seed', String(seed)]
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args], {
      stdio: ['ignore', 'inherit', 'pipe'],
      timeout: timeout * 1000,
      maxBuffer: 64 * 1024 * 1024,
    })
    if (child.status === 0) passed++
    else {
      failed++
      if (child.status !== 1) {
        const why = child.error?.message ?? `exit ${child.status ?? child.signal}`
        const tail = child.stderr.toString('utf8').match(/FATAL ERROR: [^\n]*/)?.[0] ?? ''
        console.log(`FAIL ${name}: crashed or timed out (${why}) ${tail}`.trim())
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

const options = readOptions(process.argv.slice(2))
process.exitCode =
  options.property === undefined
    ? runAll(options)
    : runOne(options.property, options.runs, options.seed)

/**
 * `npm run bench`: one run, side by side, with ratios (issue 8). Prints a Markdown table the
 * README includes and writes the raw numbers to `scripts/bench-results.json`.
 * - our `simulate` on the seed presets (median µs; budget 0.2 ms);
 * - our VTL renderer vs velocityjs on the Velocity-oracle corpus (right answers, speed);
 * - our Java-regex matcher vs `new RegExp('^(?:p)$')` on the java.util.regex corpus;
 * - page load of dist/ in Chromium (shell paint, editors ready).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { REPO_ROOT, conformanceDir } from './bench/corpus'
import { benchPageLoad } from './bench/page-load'
import { benchRegex } from './bench/regex'
import { benchSimulate } from './bench/simulate'
import { benchVtl } from './bench/vtl'

const SIMULATE_BUDGET_MICROS = 200

const pct = (n: number, d: number): string => `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`
const ms = (n: number): string => `${n.toFixed(1)} ms`
/** Speed of ours against a peer, from the time each took for the same work. */
const speed = (oursMs: number, peerMs: number): string =>
  oursMs <= peerMs
    ? `ours ${(peerMs / oursMs).toFixed(2)}× faster`
    : `ours ${(oursMs / peerMs).toFixed(2)}× slower`

async function main(): Promise<number> {
  const rows: string[][] = []
  const simulate = benchSimulate()
  const worst = Math.max(...simulate.map((s) => s.medianMicros))
  for (const s of simulate)
    rows.push([
      `simulate \`${s.preset}\` (→ ${s.status})`,
      `${s.medianMicros.toFixed(1)} µs`,
      '',
      '',
    ])
  rows.push([
    'simulate, slowest preset vs budget',
    `${worst.toFixed(1)} µs`,
    `${SIMULATE_BUDGET_MICROS} µs`,
    ratio(SIMULATE_BUDGET_MICROS, worst) + ' headroom',
  ])

  const dir = conformanceDir()
  const vtl = dir ? benchVtl(dir) : undefined
  const regex = dir ? benchRegex(dir) : undefined
  if (vtl) {
    rows.push([
      'VTL oracle lines right (ours vs velocityjs)',
      pct(vtl.ours.right, vtl.ours.total),
      pct(vtl.velocityjs.right, vtl.velocityjs.total),
      ratio(vtl.ours.right, Math.max(1, vtl.velocityjs.right)),
    ])
    rows.push([
      `VTL render, ${vtl.timedLines} templates (ours vs velocityjs)`,
      ms(vtl.ours.passMillis),
      ms(vtl.velocityjs.passMillis),
      speed(vtl.ours.passMillis, vtl.velocityjs.passMillis),
    ])
  }
  if (regex) {
    rows.push([
      'regex oracle agreement (ours vs naive RegExp)',
      pct(regex.ours.agree, regex.ours.total),
      pct(regex.naive.agree, regex.naive.total),
      ratio(regex.ours.agree, Math.max(1, regex.naive.agree)),
    ])
    rows.push([
      `regex match, ${regex.lines} pairs (ours vs naive RegExp)`,
      ms(regex.ours.passMillis),
      ms(regex.naive.passMillis),
      speed(regex.ours.passMillis, regex.naive.passMillis),
    ])
  }
  const page = await benchPageLoad()
  if (typeof page === 'string') rows.push(['page load', page, '', ''])
  else {
    rows.push([`page load: shell painted (median of ${page.loads})`, ms(page.shellPaintMs), '', ''])
    rows.push([
      `page load: editors ready (median of ${page.loads})`,
      ms(page.editorsReadyMs),
      '',
      `${ratio(page.editorsReadyMs, page.shellPaintMs)} the shell paint time`,
    ])
  }

  console.log('| measure | ours | peer / budget | ratio |')
  console.log('|---|---|---|---|')
  for (const r of rows) console.log(`| ${r.join(' | ')} |`)
  if (!dir) console.log('\n(shared conformance corpora not found: set CONFORMANCE_DIR)')

  const results = { node: process.version, simulate, vtl, regex, page, table: rows }
  // Formatted like the rest of the repository, so `format:check` accepts the committed file.
  const file = join(REPO_ROOT, 'scripts/bench-results.json')
  const options = { ...(await resolveConfig(file)), filepath: file }
  writeFileSync(file, await format(JSON.stringify(results), options))
  console.log('\nwritten: scripts/bench-results.json')
  return 0
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e)
    process.exitCode = 1
  },
)

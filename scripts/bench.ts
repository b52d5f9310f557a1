/**
 * `npm run bench`: one run, side by side, every number issues 3, 4, 5, 7 and 8 ask for, each
 * beside its budget or its peer with a ratio (the table is built in bench/table.ts):
 * - `simulate` on the recorded seed proxy cases and every preset (budget ≤ 0.2 ms median);
 * - the Developer Guide's Lambda error-mapping templates, ours (≤ 50 µs) vs velocityjs, and
 *   both over the Velocity-oracle corpus (the shared one when present, else the project's);
 * - the seed's selection patterns cold and warm vs `new RegExp('^(?:p)$')`, with Java's
 *   answers, and both matchers over the java.util.regex corpus (shared, else the project's);
 * - a private build in Chromium: page load and keystroke → updated response (≤ 16 ms median).
 * Prints a Markdown table, writes scripts/bench-results.json; `-- --readme` also replaces the
 * README's bench block. Anything that cannot run prints a "skipped: <why>" row instead.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { REPO_ROOT, conformanceDir, oracleCorpus } from './bench/corpus'
import { FIELDS, benchKeystrokes } from './bench/keystroke'
import { benchImport } from './bench/import'
import { benchMatrixNode, benchMatrixWorker } from './bench/matrix'
import { benchPageLoad } from './bench/page-load'
import { benchRegex } from './bench/regex'
import { benchSeedRegex } from './bench/regex-seed'
import { buildApp, serveBuild } from './bench/serve'
import { benchSimulate } from './bench/simulate'
import type { BenchResults, Maybe } from './bench/table'
import { markdownTable, tableRows } from './bench/table'
import { benchVtl } from './bench/vtl'
import { benchErrorTemplates } from './bench/vtl-error-template'

const why = (e: unknown): string => String(e).split('\n')[0]?.slice(0, 100) ?? 'error'

async function benchPage(): Promise<Pick<BenchResults, 'pageLoad' | 'keystroke' | 'matrix'>> {
  const built = buildApp()
  const served = built ?? (await serveBuild())
  if (typeof served === 'string')
    return {
      pageLoad: { skipped: served },
      keystroke: [{ skipped: served }],
      matrix: [benchMatrixNode(), { skipped: served }, benchMatrixNode(15, true)],
    }
  try {
    const pageLoad: Maybe<Awaited<ReturnType<typeof benchPageLoad>>> = await benchPageLoad(
      served,
    ).catch((e: unknown) => ({ skipped: why(e) }))
    const keystroke: BenchResults['keystroke'] = []
    for (const field of FIELDS)
      keystroke.push(
        await benchKeystrokes(served, field).catch((e: unknown) => ({
          skipped: `${field.name}: ${why(e)}`,
        })),
      )
    const matrix: BenchResults['matrix'] = [
      benchMatrixNode(),
      await benchMatrixWorker(served).catch((e: unknown) => ({ skipped: why(e) })),
      benchMatrixNode(15, true),
    ]
    return { pageLoad, keystroke, matrix }
  } finally {
    await served.close()
  }
}

/** Formats `text` the way prettier would format the file at `file`. */
async function pretty(text: string, file: string): Promise<string> {
  return format(text, { ...(await resolveConfig(file)), filepath: file })
}

/** Replaces the README's `<!-- bench:start -->…<!-- bench:end -->` block with the table. */
async function writeReadme(table: string): Promise<void> {
  const file = join(REPO_ROOT, 'README.md')
  const readme = readFileSync(file, 'utf8')
  const block = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/
  if (!block.test(readme)) throw new Error('README.md has no bench block')
  const formatted = (await pretty(table + '\n', 'table.md')).trim()
  writeFileSync(
    file,
    readme.replace(block, `<!-- bench:start -->\n\n${formatted}\n\n<!-- bench:end -->`),
  )
}

async function main(): Promise<number> {
  const results: BenchResults = {
    simulate: benchSimulate(conformanceDir()),
    errorTemplates: benchErrorTemplates(),
    vtl: benchVtl(oracleCorpus('vtl')),
    seedRegex: benchSeedRegex(),
    regex: benchRegex(oracleCorpus('regex')),
    ...(await benchPage()),
    import: await benchImport().catch((e: unknown) => ({ skipped: why(e) })),
  }
  const table = markdownTable(tableRows(results))
  console.log(table)

  // Formatted like the rest of the repository, so `format:check` accepts the committed file.
  const file = join(REPO_ROOT, 'scripts/bench-results.json')
  const json = { node: process.version, ...results, table: tableRows(results) }
  writeFileSync(file, await pretty(JSON.stringify(json), file))
  console.log('\nwritten: scripts/bench-results.json')
  if (process.argv.includes('--readme')) {
    await writeReadme(table)
    console.log('written: README.md (bench block)')
  }
  return 0
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e)
    process.exitCode = 1
  },
)

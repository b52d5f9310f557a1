/**
 * Where the oracle corpora live and how to read their JSON Lines: the shared ones
 * (`../shared/conformance/` beside the repository, as STYLE.md places it; `CONFORMANCE_DIR`
 * overrides) when present, else the project's own in `app/{regex,vtl}/fixtures/oracle/`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is scripts/bench/corpus.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The shared conformance folder, or undefined when this checkout has none beside it. */
export function conformanceDir(): string | undefined {
  const dir = process.env.CONFORMANCE_DIR ?? resolve(REPO_ROOT, '../shared/conformance')
  return existsSync(dir) ? dir : undefined
}

/** One oracle corpus folder and what to call it in the table. */
export type Corpus = { dir: string; name: 'shared' | 'project' }

/** The corpus of `kind`: the shared one when this checkout has it beside it, else the project's. */
export function oracleCorpus(kind: 'regex' | 'vtl'): Corpus {
  const shared = conformanceDir()
  if (shared && existsSync(join(shared, kind))) return { dir: join(shared, kind), name: 'shared' }
  return { dir: join(REPO_ROOT, 'app', kind, 'fixtures/oracle'), name: 'project' }
}

/** Every line of every `*.jsonl` file in `dir`, parsed, in file order. */
export function readJsonLines<T>(dir: string): T[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as T),
    )
}

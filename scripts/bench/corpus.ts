/**
 * Where the shared oracle corpora live (`../shared/conformance/` beside the repository, as
 * STYLE.md places it; `CONFORMANCE_DIR` overrides) and how to read their JSON Lines.
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

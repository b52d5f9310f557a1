import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareCorpus, type OracleLine } from './compare'

function load(dir: string): OracleLine[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as OracleLine)
}

function agreement(lines: OracleLine[]): number {
  const r = compareCorpus(lines)
  for (const f of r.failures.slice(0, 20))
    console.log(f.line.template.slice(0, 120), '→', f.why.slice(0, 200))
  return r.passed / lines.length
}

describe('agreement with the Velocity 1.7 oracle', () => {
  it('agrees with our own corpus on at least 99% of lines', () => {
    const lines = load(join(__dirname, '../fixtures/oracle'))
    expect(lines.length).toBeGreaterThanOrEqual(300)
    expect(agreement(lines)).toBeGreaterThanOrEqual(0.99)
  }, 60_000)

  const shared = join(process.cwd(), '..', 'shared', 'conformance', 'vtl')
  it.skipIf(!existsSync(shared))(
    'agrees with the shared corpus on at least 99% of lines',
    () => {
      expect(agreement(load(shared))).toBeGreaterThanOrEqual(0.99)
    },
    60_000,
  )
})

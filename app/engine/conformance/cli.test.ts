import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { collectCaseFiles, runCli } from './cli'

const dir = mkdtempSync(join(tmpdir(), 'conformance-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function caseWith(id: string, expectedBody: string) {
  return {
    id,
    setup: {
      method: {
        httpMethod: 'GET',
        resourcePath: '/x',
        methodIntegration: { type: 'AWS_PROXY', httpMethod: 'POST' },
      },
    },
    request: { method: 'GET', path: '/x' },
    lambda: { kind: 'result', payload: { statusCode: 200, body: 'hi' } },
    expect: { statusCode: 200, body: expectedBody },
  }
}

mkdirSync(join(dir, 'good', 'nested'), { recursive: true })
writeFileSync(join(dir, 'good', 'a.json'), JSON.stringify({ cases: [caseWith('passes', 'hi')] }))
writeFileSync(
  join(dir, 'good', 'nested', 'b.json'),
  JSON.stringify({ cases: [caseWith('also-passes', 'h<<any>>')] }),
)
writeFileSync(join(dir, 'good', 'notes.txt'), 'not a case file')
mkdirSync(join(dir, 'bad'))
writeFileSync(join(dir, 'bad', 'fails.json'), JSON.stringify({ cases: [caseWith('fails', 'bye')] }))
writeFileSync(join(dir, 'bad', 'broken.json'), '{ "cases": [')

function run(...args: string[]): { code: number; lines: string[] } {
  const lines: string[] = []
  const code = runCli(args, (line) => lines.push(line))
  return { code, lines }
}

describe('conformance CLI', () => {
  it('collects *.json files recursively in a stable order and reports missing paths', () => {
    const { files, missing } = collectCaseFiles([join(dir, 'good'), join(dir, 'nope')])
    expect(files.map((f) => f.path.split(/[\\/]/).slice(-2).join('/'))).toEqual([
      'good/a.json',
      'nested/b.json',
    ])
    expect(missing).toEqual([`${join(dir, 'nope')}: no such file or folder`])
  })

  it('exits 0 and prints the tally when every case passes', () => {
    expect(run(join(dir, 'good'))).toEqual({ code: 0, lines: ['2 passed, 0 failed'] })
  })

  it('prints one line per failing or unreadable case and exits non-zero', () => {
    const { code, lines } = run(join(dir, 'bad'), join(dir, 'good', 'a.json'))
    expect(code).toBe(1)
    expect(lines[0]).toMatch(/^INVALID .*broken\.json: not valid JSON: /)
    expect(lines[1]).toBe(
      'FAIL fails: body differs at offset 0: expected "bye", got "hi" (lengths 3 vs 2)',
    )
    expect(lines.at(-1)).toBe('1 passed, 2 failed')
  })

  it('fails when a path does not exist or holds no case files', () => {
    expect(run(join(dir, 'nope')).code).toBe(1)
    expect(run(join(dir, 'good', 'notes.txt')).lines.at(-1)).toBe('0 passed, 1 failed')
  })
})

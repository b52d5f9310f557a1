/**
 * `npm run -s matrix -- FILE [--method M] --messages MESSAGES.txt [--json] [--expect EXPECT.json]`
 * runs every errorMessage (one per line; blank lines are skipped) through the method's
 * integration responses with the engine (`simulate`, the function throwing that message) and
 * prints the client status and the selection pattern that matched.
 *
 * EXPECT.json maps a message to what it must give: a status number, or
 * `{ "status": 400, "pattern": ".*\\[400\\].*" }` (`"pattern": "default"` for the default
 * response). Messages in EXPECT.json but not in MESSAGES.txt are run too. Any difference exits 1.
 */
import { readFile } from 'node:fs/promises'
import { createEnv, simulate } from '../../app/engine'
import type { Scenario } from '../../app/model'
import { fail, finish, importFile, parseArgs, pickMethod } from './cli-common'

type Expectation = { status?: number; pattern?: string }
type Row = { message: string; status: number; pattern: string | null; matchedStatus: string | null }

/** The seed handler's runtime error shape, with another message. */
function throwing(scenario: Scenario, message: string): Scenario {
  return {
    ...scenario,
    lambda: {
      kind: 'error',
      functionError: 'Unhandled',
      payload: {
        errorType: 'Error',
        errorMessage: message,
        trace: [`Error: ${message.split('\n')[0] ?? ''}`],
      },
    },
  }
}

/** The client status and the chosen integration response, as the engine's rule table says. */
function runMessage(scenario: Scenario, message: string): Row {
  const simulation = simulate(throwing(scenario, message), createEnv())
  const table = simulation.rules
  const selected = table.status === 'applied' ? table.rules.find((r) => r.selected) : undefined
  return {
    message,
    status: simulation.response.statusCode,
    pattern: selected
      ? selected.outcome === 'default'
        ? 'default'
        : selected.selectionPattern
      : null,
    matchedStatus: selected?.statusCode ?? null,
  }
}

async function readExpect(path: string): Promise<Map<string, Expectation>> {
  let value: unknown
  try {
    value = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    fail(`matrix: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    fail(`matrix: ${path} must be an object mapping messages to a status or { status, pattern }`)
  const out = new Map<string, Expectation>()
  for (const [message, want] of Object.entries(value as Record<string, unknown>)) {
    if (typeof want === 'number') out.set(message, { status: want })
    else if (want && typeof want === 'object') {
      const w = want as Record<string, unknown>
      out.set(message, {
        status: typeof w.status === 'number' ? w.status : undefined,
        pattern: typeof w.pattern === 'string' ? w.pattern : undefined,
      })
    } else
      fail(
        `matrix: ${path}: the expectation for ${JSON.stringify(message)} is not a number or object`,
      )
  }
  return out
}

async function main() {
  const { options, positional } = parseArgs(
    process.argv.slice(2),
    ['--json'],
    ['--method', '--messages', '--expect'],
  )
  const file = positional[0]
  const messagesPath = options.get('--messages')
  if (!file || typeof messagesPath !== 'string')
    return fail(
      'usage: npm run -s matrix -- FILE [--method M] --messages MESSAGES.txt [--json] [--expect EXPECT.json]',
    )
  const result = await importFile(file)
  const method = options.get('--method')
  const { scenario } = pickMethod(result, typeof method === 'string' ? method : undefined)
  let messagesText: string
  try {
    messagesText = await readFile(messagesPath, 'utf8')
  } catch {
    return fail(`matrix: cannot read ${messagesPath}`)
  }
  const messages = messagesText.split(/\r?\n/).filter((line) => line.trim() !== '')
  const expectPath = options.get('--expect')
  const expect =
    typeof expectPath === 'string' ? await readExpect(expectPath) : new Map<string, Expectation>()
  for (const message of expect.keys()) if (!messages.includes(message)) messages.push(message)
  const rows = messages.map((m) => runMessage(scenario, m))
  const differences: string[] = []
  for (const row of rows) {
    const want = expect.get(row.message)
    if (!want) continue
    if (want.status !== undefined && want.status !== row.status)
      differences.push(
        `${JSON.stringify(row.message)}: status ${row.status}, expected ${want.status}`,
      )
    if (want.pattern !== undefined && want.pattern !== row.pattern)
      differences.push(
        `${JSON.stringify(row.message)}: pattern ${JSON.stringify(row.pattern)}, expected ${JSON.stringify(want.pattern)}`,
      )
  }
  const out = options.has('--json')
    ? `${JSON.stringify({ rows, differences }, null, 2)}\n`
    : rows
        .map((r) => `${r.status}\t${r.pattern ?? '(no integration response)'}\t${r.message}\n`)
        .join('') + differences.map((d) => `DIFFERENCE ${d}\n`).join('')
  return finish(
    differences.length > 0 ? 1 : 0,
    out,
    differences.length > 0
      ? `matrix: ${differences.length} difference(s) from ${String(expectPath)}\n`
      : '',
  )
}

main().catch((error: unknown) =>
  fail(`matrix: ${error instanceof Error ? error.message : String(error)}`),
)

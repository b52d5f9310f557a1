/**
 * `npm run -s import -- FILE --list` prints one `VERB /path` per method, in file order;
 * `npm run -s import -- FILE [--method "GET /lambda"]` prints that method's scenario as JSON
 * (`setup`, `request`, `lambda`). What was not imported and the warnings go to stderr, one per
 * line. A file that cannot be read exits 1 with one line on stderr.
 */
import { fail, finish, importFile, parseArgs, pickMethod } from './cli-common'

async function main() {
  const { options, positional } = parseArgs(process.argv.slice(2), ['--list'], ['--method'])
  const file = positional[0]
  if (!file || positional.length > 1)
    return fail('usage: npm run -s import -- FILE [--list | --method "VERB /path"]')
  const result = await importFile(file)
  if (options.has('--list')) return finish(0, result.methods.map((m) => `${m.id}\n`).join(''))
  const method = options.get('--method')
  const imported = pickMethod(result, typeof method === 'string' ? method : undefined)
  const { setup, request, lambda } = imported.scenario
  const notes = [
    ...[...result.notImported, ...imported.notImported].map(
      (n) => `not imported: ${n.what} (${n.where}): ${n.reason}\n`,
    ),
    ...imported.warnings.map((w) => `warning: ${w.field}: ${w.message}\n`),
  ].join('')
  return finish(0, `${JSON.stringify({ setup, request, lambda }, null, 2)}\n`, notes)
}

main().catch((error: unknown) =>
  fail(`import: ${error instanceof Error ? error.message : String(error)}`),
)

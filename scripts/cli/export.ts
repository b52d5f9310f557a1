/**
 * `npm run -s export -- SCENARIO.json --format F` prints the scenario's setup in format F on
 * stdout; what F cannot hold goes to stderr as `# cannot hold: …` lines (so stdout stays the
 * file). Bad input: one line on stderr, exit code 2, no stack trace.
 */
import { readFileSync } from 'node:fs'
import { validateScenario } from '../../app/engine'
import { EXPORT_FORMATS, exportScenario, isExportFormat } from '../../app/formats/export'

const USAGE = `usage: npm run -s export -- SCENARIO.json --format ${EXPORT_FORMATS.map((f) => f.id).join('|')} [--quiet]`

function fail(message: string): never {
  process.stderr.write(`export: ${message.replace(/\s+/g, ' ')}\n`)
  process.exit(2)
}

function parseArgs(argv: string[]): { file: string; format: string; quiet: boolean } {
  let file: string | undefined
  let format: string | undefined
  let quiet = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--format' || arg === '-f') format = argv[++i]
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length)
    else if (arg === '--quiet' || arg === '-q') quiet = true
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`)
      process.exit(0)
    } else if (arg.startsWith('-') && arg !== '-') fail(`unknown option ${arg}; ${USAGE}`)
    else if (file === undefined) file = arg
    else fail(`more than one SCENARIO.json given; ${USAGE}`)
  }
  if (file === undefined) fail(`no SCENARIO.json given; ${USAGE}`)
  if (format === undefined) fail(`no --format given; ${USAGE}`)
  return { file, format, quiet }
}

function main(): void {
  const { file, format, quiet } = parseArgs(process.argv.slice(2))
  if (!isExportFormat(format)) fail(`unknown format "${format}"; ${USAGE}`)
  let text: string
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8')
  } catch (e) {
    fail(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    fail(`${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
  const { scenario, diagnostics } = validateScenario(value)
  const error = diagnostics.find((d) => d.severity === 'error')
  if (!scenario || error) fail(`${file}: ${error?.message ?? 'not a scenario'}`)
  const result = exportScenario(scenario, format)
  process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`)
  if (!quiet) for (const line of result.cannotHold) process.stderr.write(`# cannot hold: ${line}\n`)
}

try {
  main()
} catch (e) {
  fail(e instanceof Error ? e.message : String(e))
}

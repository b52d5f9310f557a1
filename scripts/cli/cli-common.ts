/** What the import and matrix commands share: reading a file and picking one method. */
import { writeSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { ImportedScenario, ImportResult } from '../../app/formats'
import { importText } from '../../app/formats'
import { parseHclNode } from './hcl-node'

/** Ends the process once stdout and stderr are flushed (the WebAssembly runtime may idle on). */
export async function finish(code: number, out = '', err = ''): Promise<never> {
  if (out) await new Promise((resolve) => process.stdout.write(out, resolve))
  if (err) await new Promise((resolve) => process.stderr.write(err, resolve))
  process.exit(code)
}

/** One line on stderr, exit code 1, no stack trace. */
export function fail(message: string): never {
  writeSync(2, `${message.replace(/\s*\n\s*/g, ' ')}\n`)
  process.exit(1)
}

/** Reads and imports FILE; exits with one line on failure. */
export async function importFile(path: string): Promise<Extract<ImportResult, { ok: true }>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return fail(`import: cannot read ${path}${code ? ` (${code})` : ''}`)
  }
  const result = await importText(text, { parseHcl: parseHclNode })
  if (!result.ok) return fail(`import: ${path}: ${result.message}`)
  return result
}

/** The method named by `--method`, or the only one. */
export function pickMethod(
  result: Extract<ImportResult, { ok: true }>,
  wanted: string | undefined,
): ImportedScenario {
  if (wanted === undefined) {
    if (result.methods.length !== 1)
      fail(
        `import: the file has ${result.methods.length} methods; choose one with --method (${result.methods
          .slice(0, 5)
          .map((m) => `"${m.id}"`)
          .join(', ')}${result.methods.length > 5 ? ', ...' : ''})`,
      )
    return result.scenarioFor(result.methods[0]!.id)
  }
  const normalized = wanted.trim().replace(/\s+/g, ' ')
  const found =
    result.methods.find((m) => m.id === normalized) ??
    result.methods.find((m) => m.id.toUpperCase() === normalized.toUpperCase())
  if (!found) fail(`import: no method "${wanted}" in the file (see --list)`)
  return result.scenarioFor(found!.id)
}

/** `--name value` options and positional arguments. */
export function parseArgs(argv: string[], flags: string[], valued: string[]) {
  const options = new Map<string, string | true>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (valued.includes(arg)) {
      const value = argv[++i]
      if (value === undefined) fail(`${arg} needs a value`)
      options.set(arg, value!)
    } else if (flags.includes(arg)) options.set(arg, true)
    else if (arg.startsWith('--')) fail(`unknown option ${arg}`)
    else positional.push(arg)
  }
  return { options, positional }
}

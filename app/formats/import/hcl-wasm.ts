/**
 * The Terraform parser: HashiCorp's own `hcl` library compiled to WebAssembly, as shipped by
 * `@cdktf/hcl2json`. It returns Terraform's JSON syntax: literal strings keep `$${` and `%%{`,
 * so a literal `${x}` stays apart from an interpolation, and its errors are Terraform's own.
 * The WebAssembly bytes are injected (fetched on the page, read from disk in Node).
 */
/* eslint-disable no-restricted-globals -- Go's WebAssembly runtime exchanges its functions through globalThis */
import { ImportFailure } from './common'

export type HclParse = (text: string) => Promise<unknown>
type Bridge = {
  parse: (file: string, text: string, cb: (err: unknown, out?: string) => void) => void
}
type GoRuntime = {
  importObject: WebAssembly.Imports
  run: (i: WebAssembly.Instance) => Promise<void>
}

let started: Promise<Bridge> | undefined

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const { gunzipSync } = await import('fflate')
  return gunzipSync(bytes)
}

async function startBridge(loadWasm: () => Promise<ArrayBuffer | Uint8Array>): Promise<Bridge> {
  await import('@cdktf/hcl2json/wasm/wasm_exec.js')
  const Go = (globalThis as unknown as { Go: new () => GoRuntime }).Go
  let bytes: Uint8Array<ArrayBuffer> = new Uint8Array(await loadWasm())
  // A host may already have removed the gzip layer (Content-Encoding); WebAssembly starts with \0asm.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(await gunzip(bytes))
  const go = new Go()
  const root: Partial<Bridge> = {}
  const scope = globalThis as Record<string, unknown>
  // The Go program looks its bridge object up as `global.__parse_terraform_config_wasm__`
  // (Node's name); in a browser worker `global` is the worker's own scope.
  if (scope.global === undefined) scope.global = globalThis
  scope.__parse_terraform_config_wasm__ = root
  const { instance } = await WebAssembly.instantiate(bytes, go.importObject)
  // Go's main registers its functions, then waits for calls; `run` settles only at exit.
  let exited = false
  go.run(instance).then(
    () => (exited = true),
    () => (exited = true),
  )
  // Go registers its functions as main starts; a host may let it run only after a turn.
  for (let i = 0; i < 500 && typeof root.parse !== 'function' && !exited; i++)
    await new Promise((resolve) => setTimeout(resolve, 10))
  if (typeof root.parse !== 'function') throw new Error('the HCL parser did not start')
  return root as Bridge
}

/** A parser that starts the WebAssembly module on first use and reuses it. */
export function createHclParser(loadWasm: () => Promise<ArrayBuffer | Uint8Array>): HclParse {
  return async (text) => {
    started ??= startBridge(loadWasm)
    let bridge: Bridge
    try {
      bridge = await started
    } catch (error) {
      started = undefined
      throw new ImportFailure(
        `The Terraform parser could not be loaded (${error instanceof Error ? error.message : String(error)}).`,
      )
    }
    const out = await new Promise<string>((resolve, reject) => {
      bridge.parse('main.tf', text, (err, json) => {
        if (err) reject(new ImportFailure(`Terraform (HCL) error: ${describeHclError(err)}`))
        else resolve(json ?? 'null')
      })
    })
    return JSON.parse(out) as unknown
  }
}

/** `parse config: [main.tf:3,7-9: Invalid escape sequence; The symbol "d" ...]` → one sentence. */
function describeHclError(err: unknown): string {
  const text = String(err instanceof Error ? err.message : err)
  const m = /main\.tf:(\d+),(\d+)(?:-\d+)?: ([^;\]]+)(?:; ([^\]]*))?/.exec(text)
  if (!m) return text
  const hint = m[3]?.includes('Invalid escape')
    ? ' In a quoted HCL string write \\\\ for a regex backslash, or use a heredoc (<<EOT), which keeps backslashes.'
    : ''
  return `line ${m[1]}, column ${m[2]}: ${m[3]}${m[4] ? `; ${m[4]}` : ''}${hint}`
}

/** The Terraform parser for Node (CLI, tests, bench): the same WebAssembly, read from disk. */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createHclParser } from '../../app/formats'

const require = createRequire(import.meta.url)

export const parseHclNode = createHclParser(() =>
  readFile(require.resolve('@cdktf/hcl2json/main.wasm.gz')),
)

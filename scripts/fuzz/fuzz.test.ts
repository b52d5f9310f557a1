import fc from 'fast-check'
import { describe, it } from 'vitest'
import { PROPERTIES } from './properties'

// A small run of every property inside `vitest run`; `npm run fuzz` runs them at scale.
describe('fuzz (200 runs, fixed seed)', () => {
  for (const { name, build } of PROPERTIES)
    it(name, () => fc.assert(build(), { numRuns: 200, seed: 20260101 }))
})

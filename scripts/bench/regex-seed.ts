/**
 * Issue 4's measure: translating and matching the seed's selection patterns against the
 * errorMessages they meet in the presets, cold (a cache miss: Java parse, translation, match)
 * and warm (the compiled pattern cached, as on the next keystroke), against the naive
 * `new RegExp('^(?:' + p + ')$')`, each checked against the real java.util.regex oracle.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createMeter } from '../../app/model'
import { matchSelectionPattern } from '../../app/regex'
import { forgetCompiledPattern } from '../../app/regex/compile'
import { PRESETS } from '../../app/state/presets'
import { REPO_ROOT } from './corpus'
import { median, sampleMicros } from './timing'

/** One pattern against one errorMessage. */
export type SeedPair = { pattern: string; input: string }

/** Timings (median µs) and answers for one pair; `java` is undefined when Java could not run. */
export type SeedRegexRow = SeedPair & {
  coldMicros: number
  warmMicros: number
  naiveMicros: number
  /**
   * The naive RegExp compiled for the first time (a source V8 has not cached yet): what a
   * native RegExp costs on a new pattern, which is what a cold call of ours faces too.
   */
  naiveFirstMicros: number
  ours: boolean | undefined
  naive: boolean | undefined
  java: boolean | undefined
}

/** The docs' newline-safe catch-all, recommended where `.+` misses multi-line messages. */
const CATCH_ALL = '(\\n|.)+'

/** Every non-empty selection pattern of a custom preset with the errorMessage it meets there. */
export function seedPairs(): SeedPair[] {
  const pairs: SeedPair[] = []
  let multiLine: string | undefined
  for (const { scenario } of PRESETS) {
    const { lambda, setup } = scenario
    if (setup.method.methodIntegration.type !== 'AWS' || lambda.kind !== 'error') continue
    const payload = lambda.payload as { errorMessage?: unknown } | undefined
    const input = typeof payload?.errorMessage === 'string' ? payload.errorMessage : ''
    if (input.includes('\n')) multiLine = input
    for (const rule of Object.values(setup.method.methodIntegration.integrationResponses ?? {})) {
      const pattern = rule.selectionPattern ?? ''
      if (pattern === '' || pairs.some((p) => p.pattern === pattern && p.input === input)) continue
      pairs.push({ pattern, input })
    }
  }
  if (multiLine !== undefined) pairs.push({ pattern: CATCH_ALL, input: multiLine })
  return pairs
}

/** Java's answers for the pairs, from the shared oracle; undefined when it cannot run. */
function javaAnswers(pairs: SeedPair[]): (boolean | undefined)[] {
  const run = join(process.env.ORACLE_DIR ?? join(REPO_ROOT, '../shared/oracle'), 'regex/run')
  if (!existsSync(run)) return pairs.map(() => undefined)
  const out = spawnSync(run, [], {
    input: pairs.map((p) => JSON.stringify(p)).join('\n') + '\n',
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (out.status !== 0) return pairs.map(() => undefined)
  const lines = out.stdout.split('\n').filter((l) => l.trim() !== '')
  return pairs.map((_, i) => {
    const line = lines[i] ? (JSON.parse(lines[i]) as { matches?: boolean }) : {}
    return line.matches
  })
}

const SAMPLES = 400
const NO_TEXT = { explain: false }

function naiveMatch(p: SeedPair): boolean | undefined {
  try {
    return new RegExp(`^(?:${p.pattern})$`).test(p.input)
  } catch {
    return undefined
  }
}

function oursMatch(p: SeedPair): boolean | undefined {
  const m = matchSelectionPattern(p.pattern, p.input)
  return m.outcome === 'matched' ? true : m.outcome === 'not-matched' ? false : undefined
}

/**
 * Our match of one pair, as the engine's rule table runs it for a batch: translate and match. The
 * explanation of a mismatch (a UI text the native RegExp has no counterpart of) is not measured.
 */
function oursFor(p: SeedPair): () => unknown {
  return () => matchSelectionPattern(p.pattern, p.input, 'pattern', createMeter(), NO_TEXT)
}

/** Times every seed pair cold, warm and naive, and asks Java for the right answers. */
export function benchSeedRegex(): SeedRegexRow[] {
  const pairs = seedPairs()
  const java = javaAnswers(pairs)
  // Warm-up (JIT) of the cold path and of the timing loop itself on every pair before any is
  // timed, so that the first row is not charged for compiling the code all rows share.
  for (let w = 0; w < 5; w++)
    for (const p of pairs) sampleMicros(oursFor(p), SAMPLES, () => forgetCompiledPattern(p.pattern))
  return pairs.map((p, i) => {
    const ours = oursFor(p)
    // Every cold call misses our compile cache (its entry dropped, untimed, before it): parse,
    // inexact check, translation, RegExp construction and the first match, timed as the naive
    // RegExp is, in the same warmed-up process (V8 keeps its own RegExp cache for both).
    const coldMicros = median(
      sampleMicros(ours, SAMPLES * 5, () => forgetCompiledPattern(p.pattern)),
    )
    const warmMicros = median(sampleMicros(ours, SAMPLES * 5))
    for (let w = 0; w < 50; w++) naiveMatch(p)
    const naiveMicros = median(sampleMicros(() => naiveMatch(p), SAMPLES * 5))
    // A never-matching alternative with a fresh number makes each source new to V8's cache.
    let fresh = 0
    const naiveFirst = () => {
      try {
        return new RegExp(`^(?:${p.pattern})$|(?!)${fresh++}`).test(p.input)
      } catch {
        return undefined
      }
    }
    const naiveFirstMicros = median(sampleMicros(naiveFirst, SAMPLES))
    return {
      ...p,
      coldMicros,
      warmMicros,
      naiveMicros,
      naiveFirstMicros,
      ours: oursMatch(p),
      naive: naiveMatch(p),
      java: java[i],
    }
  })
}

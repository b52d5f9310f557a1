/**
 * The lab's properties (issue 8): run at scale by `scripts/fuzz.ts` and in a small run by
 * `fuzz.test.ts`. Each entry names one promise the public entry points make.
 */
import fc from 'fast-check'
import { createEnv, simulate, validateScenario } from '../../app/engine'
import { createMeter } from '../../app/model'
import { matchSelectionPattern, translateJavaRegex } from '../../app/regex'
import { renderTemplate } from '../../app/vtl'
import type { TemplateInput } from '../../app/vtl'
import {
  dict,
  json,
  scenario,
  selectionPattern,
  spacedTemplate,
  template,
  text,
} from './arbitraries'
import { check, checkDiagnostics, checkNoPollution, checkPlainJson } from './checks'
import { modelMatches, printRegex, regexCase, subjectFor } from './regex-model'
import { shareProperties } from './share-properties'

/** One named property, built fresh for each run. */
export type FuzzProperty = {
  name: string
  build: () => fc.IPropertyWithHooks<never> | fc.IPropertyWithHooks<unknown[]>
}

function simulateChecked(input: Parameters<typeof simulate>[0]): string {
  const sim = simulate(input, createEnv())
  const { statusCode } = sim.response
  check(
    Number.isInteger(statusCode) && statusCode >= 100 && statusCode <= 599,
    `status ${statusCode} is not an HTTP status`,
  )
  check(typeof sim.response.body === 'string', 'body is not text')
  check(
    sim.response.headers.every(
      (h) => h.length === 2 && typeof h[0] === 'string' && typeof h[1] === 'string',
    ),
    'headers are not [name, value] pairs of text',
  )
  check(sim.trace.length > 0 || sim.diagnostics.length > 0, 'neither a trace nor diagnostics')
  checkPlainJson(sim)
  checkDiagnostics(sim.diagnostics)
  return JSON.stringify(sim)
}

const templateInput = (): fc.Arbitrary<TemplateInput> =>
  fc.record({
    body: fc.oneof(
      text(),
      json().map((j) => JSON.stringify(j)),
    ),
    params: fc.record({ path: dict(text(6)), querystring: dict(text(6)), header: dict(text(6)) }),
    context: dict(json()),
    stageVariables: dict(text(6)),
  })

/** Every property, in the order they are reported. */
export const PROPERTIES: readonly FuzzProperty[] = [
  {
    name: 'simulate never throws, returns an HTTP response as plain JSON, is deterministic',
    build: () =>
      fc.property(scenario(), (s) => {
        const first = simulateChecked(s)
        check(first === simulateChecked(s), 'two runs with the same env differ')
        checkNoPollution()
      }),
  },
  {
    name: 'validateScenario accepts or rejects any JSON without throwing or polluting',
    build: () =>
      fc.property(fc.oneof(json(), scenario()), (value) => {
        // Through JSON text, as a share link or an import delivers it: `__proto__` is an own key.
        const untrusted: unknown = JSON.parse(JSON.stringify(value) ?? 'null')
        const { scenario: accepted, diagnostics } = validateScenario(untrusted)
        checkDiagnostics(diagnostics)
        check(accepted !== undefined || diagnostics.length > 0, 'rejected without a diagnostic')
        if (accepted) simulateChecked(accepted)
        checkNoPollution()
      }),
  },
  {
    name: 'renderTemplate never throws, errors carry spans inside the template, is deterministic',
    build: () =>
      fc.property(template(), templateInput(), (tpl, input) => {
        const render = (): string => {
          const r = renderTemplate(tpl, input, { source: 'template' })
          checkPlainJson(r)
          checkDiagnostics(r.diagnostics, tpl.length)
          if (!r.ok) check(r.diagnostics.length > 0, `${r.errorKind} error without a diagnostic`)
          return JSON.stringify(r)
        }
        check(render() === render(), 'two renders differ')
        checkNoPollution()
      }),
  },
  {
    name: 'blanks inside directive arguments and before ) change nothing',
    build: () =>
      fc.property(spacedTemplate(), templateInput(), ({ tight, spaced }, input) => {
        const a = renderTemplate(tight, input, { source: 'template' })
        const b = renderTemplate(spaced, input, { source: 'template' })
        check(a.ok, `well-formed template failed: ${JSON.stringify(tight)}`)
        check(
          b.ok && a.ok && b.output === a.output,
          `${JSON.stringify(spaced)} renders ${JSON.stringify(b.ok ? b.output : b.diagnostics[0]?.message)}, ` +
            `${JSON.stringify(tight)} renders ${JSON.stringify(a.ok ? a.output : '')}`,
        )
      }),
  },
  {
    name: 'matchSelectionPattern agrees with a model of java.util.regex on generated patterns',
    build: () =>
      fc.property(
        regexCase().chain((rc) => fc.tuple(fc.constant(rc), subjectFor(rc))),
        ([rc, subject]) => {
          const pattern = printRegex(rc)
          const got = matchSelectionPattern(pattern, subject)
          check(got.outcome !== 'invalid', `valid Java pattern reported invalid: ${pattern}`)
          if (got.outcome === 'untranslatable') return
          const want = modelMatches(rc, subject)
          check(
            (got.outcome === 'matched') === want,
            `Java ${want ? 'matches' : 'does not match'} but ours says ${got.outcome}`,
          )
        },
      ),
  },
  {
    name: 'translateJavaRegex gives a RegExp that agrees with matchSelectionPattern',
    build: () =>
      fc.property(
        regexCase().chain((rc) => fc.tuple(fc.constant(rc), subjectFor(rc))),
        ([rc, subject]) => {
          const pattern = printRegex(rc)
          const translated = translateJavaRegex(pattern)
          const stated = matchSelectionPattern(pattern, subject)
          if (!translated.ok) {
            check(
              stated.outcome !== 'matched' && stated.outcome !== 'not-matched',
              'no RegExp for a pattern it can match',
            )
            return
          }
          // A translation marked inexact states that only the fallback matcher is faithful.
          if (!translated.value.exact) return
          const { source, flags, groupMap } = translated.value
          // Whole-string match: sticky at 0, and nothing may follow (independent of the m flag).
          const re = new RegExp(`(?:${source})(?![\\s\\S])`, `${flags.replace(/[gy]/g, '')}y`)
          const m = re.exec(subject)
          if (stated.outcome === 'untranslatable') return
          check(
            (m !== null) === (stated.outcome === 'matched'),
            `RegExp /${re.source}/${re.flags} ${m ? 'matches' : 'does not match'}; stated: ${stated.outcome}`,
          )
          if (m) {
            const groups = stated.groups.map((_, i) => m[groupMap[i + 1] ?? -1] ?? null)
            check(
              JSON.stringify(groups) === JSON.stringify(stated.groups),
              `RegExp groups ${JSON.stringify(groups)}; stated ${JSON.stringify(stated.groups)}`,
            )
          }
        },
      ),
  },
  {
    name: 'matchSelectionPattern never throws on any pattern; failures carry diagnostics',
    build: () =>
      fc.property(selectionPattern(), text(), (pattern, subject) => {
        const got = matchSelectionPattern(pattern, subject)
        checkDiagnostics(got.diagnostics, pattern.length)
        if (got.outcome === 'invalid' || got.outcome === 'untranslatable')
          check(got.diagnostics.length > 0, `${got.outcome} without a diagnostic`)
        if (got.outcome === 'matched')
          check(
            got.groups.every((g) => g === null || typeof g === 'string'),
            'bad groups',
          )
        const again = matchSelectionPattern(pattern, subject)
        check(JSON.stringify(got) === JSON.stringify(again), 'two matches differ')
      }),
  },
  {
    name: 'the rule table is the one authority: at most its chosen rule is selected, and it gives the status',
    build: () =>
      fc.property(scenario(), (s) => {
        const sim = simulate(s, createEnv())
        const { rules: table } = sim
        const selected = table.rules.filter((r) => r.selected).map((r) => r.key)
        check(
          JSON.stringify(selected) ===
            JSON.stringify(table.chosen === undefined ? [] : [table.chosen]),
          `selected ${JSON.stringify(selected)}, chosen ${String(table.chosen)}`,
        )
        check(
          table.status === 'applied' || table.chosen === undefined,
          'a table that does not apply chose',
        )
        const gateway = sim.trace.find((t) => t.stage === 'gateway-response')
        const mapped = sim.trace.find((t) => t.stage === 'integration-response')
        const overridden = mapped?.notes.some((n) => n.includes('responseOverride.status sets'))
        const chosen = table.rules.find((r) => r.key === table.chosen)
        if (chosen && gateway?.status === 'skipped' && !overridden)
          check(
            sim.response.statusCode === Number(chosen.statusCode),
            `chose ${chosen.statusCode}, answered ${sim.response.statusCode}`,
          )
      }),
  },
  {
    name: "a budgeted simulation (the page's quick answer) equals the worker's or gives up",
    build: () =>
      fc.property(scenario(), (s) => {
        const meter = createMeter({ limits: { work: 50_000 } })
        const budgeted = JSON.stringify(simulate(s, createEnv({ meter })))
        if (!meter.gaveUp)
          check(budgeted === JSON.stringify(simulate(s, createEnv())), 'the answers differ')
      }),
  },
  {
    name: 'budgeted pattern matching (interpreter only) equals unbudgeted matching or gives up',
    build: () =>
      fc.property(
        fc.oneof(
          regexCase().chain((rc) => fc.tuple(fc.constant(printRegex(rc)), subjectFor(rc))),
          fc.tuple(selectionPattern(), text()),
        ),
        ([pattern, subject]) => {
          const meter = createMeter({ limits: { work: 50_000 } })
          const budgeted = meter.run(() =>
            matchSelectionPattern(pattern, subject, 'pattern', meter),
          )
          if (!budgeted.ok) return
          const plain = matchSelectionPattern(pattern, subject)
          check(
            JSON.stringify(budgeted.value) === JSON.stringify(plain),
            `budgeted ${JSON.stringify(budgeted.value)}; unbudgeted ${JSON.stringify(plain)}`,
          )
        },
      ),
  },
  ...shareProperties(),
]

import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_CASES_DIR, SHARED_CASES_DIR } from '../../engine/conformance/cli'
import { loadCaseFiles } from '../../engine/conformance/load-cases'
import type { Scenario } from '../../model'
import { PRESETS, readPresetScenario } from '../../state/presets'
import { readRuleEvaluation } from '../../state/selectors'
import {
  customError,
  deeplyNested,
  hugeJson,
  withRequestTemplate,
} from '../../../e2e/support/hostile-scenarios'
import type { Speculation, WorkerMessage } from './protocol'
import { runSimulation } from './run-simulation'
import { speculate } from './speculate'

/** The project's own cases always; the shared recorded ones too when `../shared` is there. */
const caseDirs = [PROJECT_CASES_DIR, SHARED_CASES_DIR].filter(existsSync)

/** The response the worker would send for `scenario` (its clock never moves here). */
function workerAnswer(scenario: Scenario, stopped: string[] = []): Speculation {
  const messages: WorkerMessage[] = []
  runSimulation(
    { seq: 1, scenario, stopped, trials: [] },
    (m) => messages.push(m),
    () => 0,
  )
  const result = messages.find((m) => m.type === 'result')
  if (result?.type !== 'result') throw new Error('no answer')
  return { simulation: result.simulation, display: result.display }
}

function caseScenarios(): { id: string; scenario: Scenario }[] {
  const files = caseDirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') })),
  )
  const loaded = loadCaseFiles(files)
  expect(loaded.problems).toEqual([])
  return loaded.cases.map((c) => ({
    id: `${c.file}#${c.conformanceCase.id}`,
    scenario: c.conformanceCase,
  }))
}

describe("the page's own answer", () => {
  it('answers every preset, exactly as the worker does', () => {
    for (const preset of PRESETS) {
      const scenario = readPresetScenario(preset.id) as Scenario
      expect(speculate(scenario, []), preset.id).toEqual(workerAnswer(scenario))
    }
  })

  it('never differs from the worker on the conformance cases, and answers nearly all', () => {
    const cases = caseScenarios()
    // Every file of the project's own folder loaded (the shared cases add more when present).
    expect(cases.length).toBeGreaterThan(readdirSync(PROJECT_CASES_DIR).length)
    let answered = 0
    for (const { id, scenario } of cases) {
      const guess = speculate(scenario, [])
      if (guess === undefined) continue
      answered++
      expect(guess, id).toEqual(workerAnswer(scenario))
    }
    expect(answered / cases.length).toBeGreaterThan(0.95)
  })

  it('keeps stopped patterns stopped, as the worker does', () => {
    const scenario = customError('Dummy error', '.*Dummy.*')
    const stopped = ['integration.responses.400.selectionPattern']
    const guess = speculate(scenario, stopped)
    expect(readRuleEvaluation(guess?.simulation, '400')?.outcome).toBe('stopped')
    expect(guess).toEqual(workerAnswer(scenario, stopped))
  })

  it('declines what could take long, leaving it to the worker', () => {
    const declined: [string, Scenario][] = [
      ['catastrophic pattern', customError('a'.repeat(40), '(a+)+b')],
      ['polynomial pattern', customError('a'.repeat(3000), '.*.*.*.*x')],
      [
        'endless template',
        withRequestTemplate('#foreach($i in [1..1000])#foreach($j in [1..1000])$i#end#end'),
      ],
      [
        'template regex',
        withRequestTemplate('#set($s="aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")$s.matches("(a+)+b")'),
      ],
      [
        'text doubling',
        withRequestTemplate(
          '#set($s="aaaaaaaaaaaaaaaa")#foreach($i in [1..30])#set($s="$s$s")#end$s',
        ),
      ],
      ['huge body', hugeJson(200_000)],
      ['deep body', deeplyNested(500)],
    ]
    for (const [name, scenario] of declined) expect(speculate(scenario, []), name).toBeUndefined()
  })
})

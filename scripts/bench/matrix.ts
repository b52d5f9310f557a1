/**
 * The outcome matrix (issue 16): 1,000 errorMessages × 20 integration responses, through the
 * three integration variants, budget ≤ 16 ms in the simulation worker. Timed in Node
 * (`computeMatrix` itself, median of passes: every rule simulated, and rule statuses reused) and
 * in Chromium's worker (the time the worker reports for each recomputation while the messages
 * are edited, median: the worker reuses the rule statuses of the unchanged scenario).
 */
import { createEnv } from '../../app/engine'
import type { IntegrationResponse, Scenario } from '../../app/model'
import { encodeShareState } from '../../app/share'
import { computeMatrix } from '../../app/state/matrix'
import { joinMessages } from '../../app/state/message-variants'
import { createDefaultScenario } from '../../app/state/presets'
import type { Served } from './serve'
import { median } from './timing'

/** Messages and rules of the measured matrix. */
export const MATRIX_SIZE = { messages: 1000, rules: 20 }

/** One matrix timing. */
export type MatrixBench = {
  messages: number
  rules: number
  /** Median ms of one whole matrix (wall time). */
  medianMs: number
  /** Median ms of this process's CPU time per matrix (Node only: a busy machine inflates wall time). */
  cpuMedianMs?: number
  /** Full simulations per matrix (the rest reuse a rule's status). */
  simulations?: number
  passes: number
}

/** The seed scenario with a default response and 19 Serverless-style status patterns. */
export function buildMatrixScenario(): Scenario {
  const scenario = createDefaultScenario()
  const rules: Record<string, IntegrationResponse> = { '200': { statusCode: '200' } }
  for (let i = 0; i < MATRIX_SIZE.rules - 1; i++) {
    const status = String(400 + i)
    rules[status] = { statusCode: status, selectionPattern: `.*\\[${status}\\].*` }
  }
  rules['400'] = { statusCode: '400', selectionPattern: '.*Dummy error.*' }
  const method = scenario.setup.method
  method.methodIntegration.integrationResponses = rules
  method.methodResponses = Object.fromEntries(
    Object.keys(rules).map((statusCode) => [statusCode, { statusCode }]),
  )
  return scenario
}

/** Messages: some match a rule, some are near misses, some match none. */
export function buildMatrixMessages(): string[] {
  return Array.from({ length: MATRIX_SIZE.messages }, (_, i) => {
    const status = 400 + (i % 25)
    switch (i % 4) {
      case 0:
        return `[${status}] Request failed for item ${i}`
      case 1:
        return `Dummy error ${i}: disk full`
      case 2:
        return `Error: [${status}] stack\n    at handler (index.mjs:${i}:9)`
      default:
        return `Unexpected failure number ${i}`
    }
  })
}

/**
 * computeMatrix in Node: median of `passes` after a warm-up. Each pass simulates every rule's
 * status afresh (as after a scenario edit), unless `reuse`: then they are kept from the warm-up,
 * as the worker keeps them while only the messages are edited.
 */
export function benchMatrixNode(passes = 15, reuse = false): MatrixBench {
  const scenario = buildMatrixScenario()
  const messages = buildMatrixMessages()
  const kept = new Map<string, number>()
  const run = () =>
    computeMatrix(scenario, messages, () => createEnv(), reuse ? kept : new Map<string, number>())
  for (let i = 0; i < 3; i++) run()
  const times: number[] = []
  const cpu: number[] = []
  let simulations = 0
  for (let i = 0; i < passes; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    simulations = run().simulations
    times.push(performance.now() - t0)
    const used = process.cpuUsage(c0)
    cpu.push((used.user + used.system) / 1000)
  }
  return { ...MATRIX_SIZE, medianMs: median(times), cpuMedianMs: median(cpu), simulations, passes }
}

/** The matrix in Chromium's simulation worker, as the page reports it, while messages change. */
export async function benchMatrixWorker(served: Served, passes = 12): Promise<MatrixBench> {
  const page = await served.browser.newPage()
  try {
    const fragment = encodeShareState({ scenario: buildMatrixScenario() })
    await page.goto(`${served.url}#${fragment}`)
    await page.getByTestId('trials.input').waitFor()
    const messages = buildMatrixMessages()
    const times: number[] = []
    const warmup = 2
    for (let i = 0; i < passes + warmup; i++) {
      // Each pass drops i messages, so it is a new matrix with a count of its own to wait for.
      const count = MATRIX_SIZE.messages - i
      // Set as a paste would (one input event); typing 50 KB key by key measures the typing.
      await page.getByTestId('trials.input').evaluate(
        (el, text) => {
          const area = el as HTMLTextAreaElement
          Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(
            area,
            text,
          )
          area.dispatchEvent(new Event('input', { bubbles: true }))
        },
        joinMessages(messages.slice(0, count)),
      )
      await page
        .getByTestId('matrix.summary')
        .filter({ hasText: `${count} messages ×` })
        .waitFor({ timeout: 60_000 })
      const elapsed = Number(await page.getByTestId('matrix.elapsed').textContent())
      if (i >= warmup) times.push(elapsed)
    }
    return {
      messages: MATRIX_SIZE.messages,
      rules: MATRIX_SIZE.rules,
      medianMs: median(times),
      passes,
    }
  } finally {
    await page.close()
  }
}

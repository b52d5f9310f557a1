/**
 * `npx tsx scripts/bench/import.ts`: import speed on a generated OpenAPI 3 file with 1,000
 * methods (500 paths × GET/POST, each with an `x-amazon-apigateway-integration` of three rules).
 * Budgets: listing the methods ≤ 500 ms, building one method's scenario ≤ 100 ms (median of
 * runs, measured as this process's CPU time so a busy machine does not inflate it).
 */
import { importText } from '../../app/formats'

const BUDGET_LIST_MS = 500
const BUDGET_ONE_MS = 100

/** The generated document as JSON text. */
export function generateOpenApi(methods: number): string {
  const paths: Record<string, unknown> = {}
  for (let i = 0; i < methods / 2; i++) {
    const op = (verb: string) => ({
      responses: { '200': { description: 'ok' }, '400': { description: 'bad' } },
      'x-amazon-apigateway-integration': {
        type: 'aws',
        httpMethod: 'POST',
        uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn${i}/invocations`,
        requestTemplates: {
          'application/json': `{"route": "${verb} ${i}", "body": $input.json('$')}`,
        },
        responses: {
          default: { statusCode: '200' },
          '.*\\[400\\].*': {
            statusCode: '400',
            responseTemplates: { 'application/json': '{"e": "$input.path(\'$.errorMessage\')"}' },
          },
          '.*\\[500\\].*': { statusCode: '500' },
        },
      },
    })
    paths[`/resource${i}/{id}`] = { get: op('GET'), post: op('POST') }
  }
  return JSON.stringify({ openapi: '3.0.1', info: { title: 'bench', version: '1' }, paths })
}

function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function main() {
  const text = generateOpenApi(1000)
  const list: number[] = []
  const one: number[] = []
  for (let run = 0; run < 7; run++) {
    const start = cpuMs()
    const result = await importText(text)
    list.push(cpuMs() - start)
    if (!result.ok || result.methods.length !== 1000)
      throw new Error('the generated file did not list 1,000 methods')
    const id = result.methods[run * 100]!.id
    const t = cpuMs()
    result.scenarioFor(id)
    one.push(cpuMs() - t)
  }
  const rows: [string, number, number][] = [
    [
      `list 1,000 methods (${(text.length / 1024).toFixed(0)} KB OpenAPI)`,
      median(list),
      BUDGET_LIST_MS,
    ],
    ['import one method', median(one), BUDGET_ONE_MS],
  ]
  let over = 0
  for (const [name, ms, budget] of rows) {
    if (ms > budget) over++
    console.log(
      `bench import: ${ms <= budget ? 'ok  ' : 'OVER'} ${name}: ${ms.toFixed(1)} ms CPU median (budget ${budget} ms)`,
    )
  }
  process.exitCode = over > 0 ? 1 : 0
}

void main()

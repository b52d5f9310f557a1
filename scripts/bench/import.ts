/**
 * Import speed (issue 15): a generated OpenAPI 3 file with 1,000 methods, each a Lambda custom
 * integration with two integration responses, as API Gateway's get-export writes them. Timed: the
 * import that lists the methods (parsing and reading the whole file), then building one method's
 * scenario from it. Budgets: listing ≤ 500 ms, one method ≤ 100 ms. Medians of several passes.
 */
import { importText } from '../../app/formats/import'
import { median } from './timing'

/** How many methods the generated file has. */
export const IMPORT_METHODS = 1000

/** One import timing. */
export type ImportBench = {
  methods: number
  /** Size of the generated file in bytes. */
  bytes: number
  /** Median ms to read the file and list its methods. */
  listMs: number
  /** Median ms to build one method's scenario from the read file. */
  methodMs: number
  passes: number
}

/** An OpenAPI 3 document (JSON text) with `count` Lambda methods over count / 4 paths. */
export function buildOpenApi(count: number): string {
  const paths: Record<string, Record<string, unknown>> = {}
  const verbs = ['get', 'post', 'put', 'delete']
  for (let i = 0; i < count; i++) {
    const path = `/items${Math.floor(i / verbs.length)}/{id}`
    const verb = verbs[i % verbs.length]!
    paths[path] ??= {}
    paths[path][verb] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'ok' }, '400': { description: 'bad' } },
      'x-amazon-apigateway-integration': {
        type: 'aws',
        httpMethod: 'POST',
        uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn${i}/invocations`,
        passthroughBehavior: 'when_no_match',
        requestTemplates: { 'application/json': `{"id": "$input.params('id')", "n": ${i}}` },
        responses: {
          default: { statusCode: '200' },
          [`.*\\[${400 + (i % 20)}\\].*`]: {
            statusCode: '400',
            responseTemplates: {
              'application/json': '{"error": "$input.path(\'$.errorMessage\')"}',
            },
          },
        },
      },
    }
  }
  return JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'bench', version: '1' },
    paths,
  })
}

/** Times listing the methods of the generated file, and importing one method from it. */
export async function benchImport(passes = 7): Promise<ImportBench> {
  const text = buildOpenApi(IMPORT_METHODS)
  const list: number[] = []
  const one: number[] = []
  for (let i = 0; i < passes + 1; i++) {
    const started = performance.now()
    const result = await importText(text)
    const listed = performance.now()
    if (!result.ok) throw new Error(`the generated file did not import: ${result.message}`)
    if (result.methods.length !== IMPORT_METHODS)
      throw new Error(`listed ${result.methods.length} methods, not ${IMPORT_METHODS}`)
    const method = result.methods[Math.floor(IMPORT_METHODS / 2)]!
    const scenario = result.scenarioFor(method.id).scenario
    const built = performance.now()
    if (scenario.setup.method.methodIntegration.type !== 'AWS')
      throw new Error('the imported method is not a custom integration')
    // The first pass warms the code up and is not counted.
    if (i === 0) continue
    list.push(listed - started)
    one.push(built - listed)
  }
  return {
    methods: IMPORT_METHODS,
    bytes: Buffer.byteLength(text),
    listMs: median(list),
    methodMs: median(one),
    passes,
  }
}

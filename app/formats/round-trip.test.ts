/**
 * Round trip: a generated setup exported to each format and read back is the same setup, for
 * every format that says it can hold it (`cannotHold` lists nothing beyond the test inputs).
 * Strings probe every escaping layer: backslashes, both quotes, `$`, `${`, `%{`, newlines,
 * YAML 1.1 booleans, heredoc markers, Unicode line separators and astral characters.
 * YAML and JSON are read with real parsers; the shell script is run by bash with an `aws`
 * function that prints its arguments, so the quoting is proven by a real shell.
 */
import { execFileSync } from 'node:child_process'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type {
  GatewayResponse,
  Integration,
  IntegrationResponse,
  Method,
  MethodResponse,
  Setup,
} from '../model'
import { exportScenario, type ExportFormatId } from './export'
import { importText } from './index'
import { parseHclNode } from '../../scripts/cli/hcl-node'
import { NOT_DEPLOYMENT, walkStrings } from './export/common'
import {
  normalizeSetup,
  parseYaml,
  readCloudFormation,
  readOpenApi,
  readSam,
  readServerless,
} from './export/read-back.test-support'

const PIECES = [
  '\\',
  '\\\\',
  "'",
  '"',
  '$',
  '${',
  '${x}',
  '%{',
  '%%{',
  '$${',
  '{',
  '}',
  '#',
  '# c',
  ': ',
  '- ',
  '? ',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '  ',
  'é',
  '😀',
  '\u2028',
  '\u0085',
  '\ufeff',
  'EOT',
  '\nEOT\n',
  'on',
  'yes',
  '0777',
  '1:20',
  '~',
  '&a',
  '*a',
  '!Ref',
  '<<',
  'file://x',
  "'\\''",
  '`',
  '!',
  '[',
  ']',
  ',',
  "$input.path('$')",
  '#set($a = "x")',
  "$util.escapeJavaScript($input.json('$.a'))",
  '.*',
  '\\d+',
  '(?s)',
  '\\Q.\\E',
  '[\\s\\S]*',
  'a',
  'Z',
  '0',
  'extra',
] as const

/** Text from hostile pieces: every escaping layer has something to get wrong. */
const tricky = (maxLength = 6): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...PIECES), { maxLength }).map((p) => p.join(''))

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,6}$/)
const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/xml',
  'text/html; charset=utf-8',
]
const STATUS = ['200', '201', '204', '301', '400', '403', '404', '500', '502']
const PATHS = ['/', '/lambda', '/pets/{id}', '/{proxy+}', '/a/{b}/c', '/ü-x/{id}']

function record<T>(
  keys: fc.Arbitrary<string>,
  value: fc.Arbitrary<T>,
  maxKeys = 2,
): fc.Arbitrary<Record<string, T>> {
  return fc.dictionary(keys, value, { maxKeys })
}

const contentHandling = fc.option(
  fc.constantFrom('CONVERT_TO_TEXT' as const, 'CONVERT_TO_BINARY' as const),
  { nil: undefined },
)

const integrationResponses = (): fc.Arbitrary<Record<string, IntegrationResponse>> =>
  fc
    .uniqueArray(fc.constantFrom(...STATUS), { minLength: 1, maxLength: 4 })
    .chain((codes) =>
      fc.tuple(
        fc.constant(codes),
        fc.uniqueArray(tricky(5), { minLength: codes.length, maxLength: codes.length }),
        fc.tuple(
          ...codes.map(() =>
            fc.record(
              {
                responseTemplates: record(fc.constantFrom(...CONTENT_TYPES), tricky(8)),
                responseParameters: record(
                  name.map((n) => `method.response.header.${n}`),
                  fc.oneof(
                    tricky(3).map((t) => `'${t}'`),
                    fc.constant('integration.response.body.errorType'),
                  ),
                ),
                contentHandling,
              },
              { requiredKeys: [] },
            ),
          ),
        ),
      ),
    )
    .map(([codes, patterns, parts]) =>
      Object.fromEntries(
        codes.map((code, i) => {
          // The first response is the default one (pattern absent), as most APIs have.
          const r: IntegrationResponse = { statusCode: code, ...parts[i] }
          const pattern = patterns[i] ?? ''
          if (i > 0 && pattern !== '' && pattern !== 'default') r.selectionPattern = pattern
          if (r.contentHandling === undefined) delete r.contentHandling
          return [code, r]
        }),
      ),
    )

const methodResponsesFor = (codes: string[]): fc.Arbitrary<Record<string, MethodResponse>> =>
  fc
    .tuple(
      ...codes.map((code) =>
        fc.record(
          {
            statusCode: fc.constant(code),
            responseParameters: record(
              name.map((n) => `method.response.header.${n}`),
              fc.boolean(),
            ),
            responseModels: record(
              fc.constantFrom(...CONTENT_TYPES),
              fc.constantFrom('Empty', 'Error'),
            ),
          },
          { requiredKeys: ['statusCode'] },
        ),
      ),
    )
    .map((rs) => Object.fromEntries(rs.map((r) => [r.statusCode, r])))

const FUNCTION_ARNS = [
  'arn:aws:lambda:us-east-1:123456789012:function:seed-fn',
  'arn:aws:lambda:eu-west-1:123456789012:function:f-2:live',
]

/** Setups in the shape a user builds: a valid method with every optional part sometimes set. */
const setupArb = (): fc.Arbitrary<Setup> =>
  fc
    .record({
      resourcePath: fc.constantFrom(...PATHS),
      httpMethod: fc.constantFrom(
        'GET',
        'POST',
        'PUT',
        'DELETE',
        'PATCH',
        'HEAD',
        'OPTIONS',
        'ANY',
      ),
      type: fc.constantFrom('AWS' as const, 'AWS_PROXY' as const),
      uri: fc.oneof(
        fc
          .constantFrom(...FUNCTION_ARNS)
          .map(
            (arn) =>
              `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${arn}/invocations`,
          ),
        fc.constant('arn:aws:apigateway:us-east-1:s3:path/bucket/{key}'),
      ),
      queryParams: record(name, fc.boolean()),
      headerParams: record(name, fc.boolean()),
      requestTemplates: record(fc.constantFrom(...CONTENT_TYPES), tricky(8)),
      integrationParams: record(
        name.map((n) => `integration.request.header.${n}`),
        fc.oneof(
          fc.constant('method.request.querystring.q'),
          tricky(3).map((t) => `'${t}'`),
        ),
      ),
      passthroughBehavior: fc.option(
        fc.constantFrom('WHEN_NO_MATCH' as const, 'WHEN_NO_TEMPLATES' as const, 'NEVER' as const),
        { nil: undefined },
      ),
      contentHandling,
      timeoutInMillis: fc.option(fc.integer({ min: 50, max: 29000 }), { nil: undefined }),
      integrationResponses: integrationResponses(),
      gatewayResponses: fc.dictionary(
        fc.constantFrom(
          'DEFAULT_4XX',
          'DEFAULT_5XX',
          'BAD_REQUEST_BODY',
          'MISSING_AUTHENTICATION_TOKEN',
        ),
        fc.record(
          {
            statusCode: fc.constantFrom(...STATUS),
            responseParameters: record(
              name.map((n) => `gatewayresponse.header.${n}`),
              tricky(3).map((t) => `'${t}'`),
            ),
            responseTemplates: record(fc.constantFrom(...CONTENT_TYPES), tricky(8)),
          },
          { requiredKeys: [] },
        ) as fc.Arbitrary<GatewayResponse>,
        { maxKeys: 2 },
      ),
      binaryMediaTypes: fc.uniqueArray(
        fc.constantFrom('image/png', '*/*', 'application/octet-stream', 'a~b/c'),
        { maxLength: 2 },
      ),
      stageName: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), { nil: undefined }),
      stageVariables: fc.option(record(name, tricky(4)), { nil: undefined }),
    })
    .chain((p) =>
      methodResponsesFor(Object.keys(p.integrationResponses)).map((mr) => ({
        ...p,
        methodResponses: mr,
      })),
    )
    .map((p) => {
      const pathParams = [...p.resourcePath.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1] ?? '')
      const requestParameters: Record<string, boolean> = {}
      for (const n of pathParams) requestParameters[`method.request.path.${n}`] = true
      for (const [n, r] of Object.entries(p.queryParams))
        requestParameters[`method.request.querystring.${n}`] = r
      for (const [n, r] of Object.entries(p.headerParams))
        requestParameters[`method.request.header.${n}`] = r
      const integration: Integration = {
        type: p.type,
        httpMethod: 'POST',
        uri: p.uri,
        requestTemplates: p.requestTemplates,
        requestParameters: p.integrationParams,
        integrationResponses: p.integrationResponses,
      }
      if (p.passthroughBehavior) integration.passthroughBehavior = p.passthroughBehavior
      if (p.contentHandling) integration.contentHandling = p.contentHandling
      if (p.timeoutInMillis !== undefined) integration.timeoutInMillis = p.timeoutInMillis
      const method: Method = {
        httpMethod: p.httpMethod,
        resourcePath: p.resourcePath,
        requestParameters,
        methodResponses: p.methodResponses,
        methodIntegration: integration,
      }
      const setup: Setup = {
        method,
        gatewayResponses: p.gatewayResponses,
        binaryMediaTypes: p.binaryMediaTypes,
      }
      if (p.stageName !== undefined) setup.stageName = p.stageName
      if (p.stageVariables !== undefined) setup.stageVariables = p.stageVariables
      return setup
    })

/**
 * Setups the Serverless Framework can express: for `lambda`, method responses are exactly the
 * integration responses' headers (all required) and each method parameter maps to the
 * integration parameter of the same name; `lambda-proxy` has no responses or templates.
 */
const serverlessSetupArb = (): fc.Arbitrary<Setup> =>
  setupArb()
    .map((setup) => {
      const m = setup.method
      const i = m.methodIntegration
      delete i.uri
      delete i.timeoutInMillis
      delete setup.stageVariables
      if (i.type === 'AWS_PROXY') {
        delete i.requestTemplates
        delete i.requestParameters
        delete i.passthroughBehavior
        delete i.contentHandling
        delete i.integrationResponses
        delete m.methodResponses
        return setup
      }
      i.requestParameters = Object.fromEntries(
        Object.keys(m.requestParameters ?? {}).map((k) => [
          k.replace(/^method\./, 'integration.'),
          k,
        ]),
      )
      const twoXx = Object.values(i.integrationResponses ?? {}).find((r) =>
        r.statusCode.startsWith('2'),
      )?.contentHandling
      m.methodResponses = {}
      for (const r of Object.values(i.integrationResponses ?? {})) {
        if (r.statusCode.startsWith('2') && twoXx !== undefined) r.contentHandling = twoXx
        else delete r.contentHandling
        const headers = Object.keys(r.responseParameters ?? {})
        m.methodResponses[r.statusCode] = {
          statusCode: r.statusCode,
          responseParameters: Object.fromEntries(headers.map((h) => [h, true])),
        }
      }
      for (const [k, t] of Object.entries(i.requestTemplates ?? {})) {
        if (t.includes('extraCognitoPoolClaims'))
          i.requestTemplates![k] = t.replaceAll('extraCognitoPoolClaims', 'x')
      }
      return setup
    })
    // The framework resolves `${source:…}` variables and `\${` escapes in every string (its
    // cannotHold says so); such strings are left to the unit tests.
    .filter((setup) =>
      [...walkStrings(setup)].every(([, t]) => !/\\\$\{|\$\{\s*[a-z][a-zA-Z0-9.-]*\s*[:(]/.test(t)),
    )

/**
 * Runs the script with `aws` as a shell function that prints each argument NUL-terminated (on
 * fd 3, so `$(aws …)` captures only its answer): the root resource's id is `root`, and a created
 * resource's id is `<parent id>/<path part>`, so the final id spells the path it was built on.
 */
function runAwsCliScript(script: string): string[][] {
  const printer = [
    'exec 3>&1',
    'aws() {',
    "  { printf '%s\\0' \"$@\"; printf '\\n\\0'; } >&3",
    '  case "$2" in',
    "    get-resources) printf 'root\\n' ;;",
    '    create-resource)',
    '      for a in "$@"; do case "$a" in --parent-id=*) p=${a#--parent-id=} ;; --path-part=*) s=${a#--path-part=} ;; esac; done',
    '      printf \'%s/%s\\n\' "$p" "$s" ;;',
    '  esac',
    '}',
    'REST_API_ID=api123',
    '',
  ].join('\n')
  const out = execFileSync(
    'bash',
    ['--norc', '--noprofile', '-c', printer + script.replace(/^#!.*\n/, '')],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    },
  )
  const commands: string[][] = []
  let current: string[] = []
  for (const arg of out.split('\0').slice(0, -1)) {
    if (arg === '\n') {
      commands.push(current)
      current = []
    } else current.push(arg)
  }
  return commands
}

/** The put-* commands' arguments back into a setup, as API Gateway would store them. */
function readAwsCliCommands(commands: string[][]): Setup {
  const setup = { method: { resourcePath: '/', methodIntegration: {} } } as Setup
  const method = setup.method
  const parts: string[] = []
  for (const [service, name, ...args] of commands) {
    expect(service).toBe('apigateway')
    const a: Record<string, string> = {}
    for (const arg of args) {
      const eq = arg.indexOf('=')
      a[arg.slice(2, eq)] = arg.slice(eq + 1)
    }
    const extra = a['cli-input-json']
      ? (JSON.parse(a['cli-input-json']) as Record<string, string>)
      : {}
    const j = (k: string) => (a[k] === undefined ? undefined : JSON.parse(a[k]))
    expect(a['rest-api-id']).toBe('api123')
    if (name?.startsWith('put-') && name !== 'put-gateway-response') {
      expect(a['resource-id']).toBe(['root', ...parts].join('/'))
    }
    const put = <T extends object>(o: T, k: keyof T, v: unknown) => {
      if (v !== undefined) (o as Record<string, unknown>)[k as string] = v
    }
    if (name === 'get-resources') {
      expect(a.query).toBe('items[?path==`/`].id')
    } else if (name === 'create-resource') {
      expect(a['parent-id']).toBe(['root', ...parts].join('/'))
      parts.push(a['path-part'] ?? '')
      method.resourcePath = `/${parts.join('/')}`
    } else if (name === 'put-method') {
      method.httpMethod = a['http-method'] ?? extra.httpMethod ?? ''
      put(method, 'requestParameters', j('request-parameters'))
      put(method, 'requestValidatorId', a['request-validator-id'] ?? extra.requestValidatorId)
    } else if (name === 'put-integration') {
      const i = method.methodIntegration
      i.type = a.type as 'AWS'
      put(i, 'httpMethod', a['integration-http-method'] ?? extra.integrationHttpMethod)
      put(i, 'uri', a.uri ?? extra.uri)
      put(i, 'requestTemplates', j('request-templates'))
      put(i, 'requestParameters', j('request-parameters'))
      put(i, 'passthroughBehavior', a['passthrough-behavior'])
      put(i, 'contentHandling', a['content-handling'])
      put(
        i,
        'timeoutInMillis',
        a['timeout-in-millis'] === undefined ? undefined : Number(a['timeout-in-millis']),
      )
    } else if (name === 'put-method-response') {
      const r: MethodResponse = { statusCode: a['status-code'] ?? '' }
      put(r, 'responseParameters', j('response-parameters'))
      put(r, 'responseModels', j('response-models'))
      ;(method.methodResponses ??= {})[r.statusCode] = r
    } else if (name === 'put-integration-response') {
      const r: IntegrationResponse = { statusCode: a['status-code'] ?? '' }
      put(r, 'selectionPattern', a['selection-pattern'] ?? extra.selectionPattern)
      put(r, 'responseParameters', j('response-parameters'))
      put(r, 'responseTemplates', j('response-templates'))
      put(r, 'contentHandling', a['content-handling'])
      ;(method.methodIntegration.integrationResponses ??= {})[r.statusCode] = r
    } else if (name === 'put-gateway-response') {
      const g: GatewayResponse = {}
      put(g, 'statusCode', a['status-code'])
      put(g, 'responseParameters', j('response-parameters'))
      put(g, 'responseTemplates', j('response-templates'))
      ;(setup.gatewayResponses ??= {})[a['response-type'] ?? ''] = g
    } else if (name === 'update-rest-api') {
      const ops = j('patch-operations') as { op: string; path: string }[]
      setup.binaryMediaTypes = ops.map((o) =>
        o.path.replace('/binaryMediaTypes/', '').replace(/~1/g, '/').replace(/~0/g, '~'),
      )
    } else if (name === 'create-deployment') {
      setup.stageName = a['stage-name']
      put(setup, 'stageVariables', j('variables'))
    } else throw new Error(`unexpected command ${String(name)}`)
  }
  return setup
}

/** Reads an export back with the format's real parser (and, for Serverless, the framework's rules). */
function readBack(format: ExportFormatId, text: string): Setup {
  switch (format) {
    case 'openapi':
      return readOpenApi(JSON.parse(text))
    case 'openapi-yaml':
      return readOpenApi(parseYaml(text))
    case 'cloudformation':
      return readCloudFormation(parseYaml(text))
    case 'cloudformation-json':
      return readCloudFormation(JSON.parse(text))
    case 'sam':
      return readSam(parseYaml(text))
    case 'serverless':
      return readServerless(parseYaml(text))
    case 'aws-cli':
      return readAwsCliCommands(runAwsCliScript(text))
    case 'terraform':
      throw new Error('terraform is read by HashiCorp’s parser in its own test')
  }
}

const PARSED_FORMATS: ExportFormatId[] = [
  'openapi',
  'openapi-yaml',
  'cloudformation',
  'cloudformation-json',
  'sam',
  'aws-cli',
]

/** `cannotHold` beyond the two lines every format has (request and Lambda outcome). */
function lossOf(format: ExportFormatId, setup: Setup): string[] {
  return exportScenario(
    { setup, request: { method: 'GET', path: '/' }, lambda: { kind: 'echo' } },
    format,
  ).cannotHold.filter((c) => !NOT_DEPLOYMENT.includes(c))
}

describe('export → read back gives the same setup', () => {
  for (const format of PARSED_FORMATS) {
    it(`${format}: for every setup it says it can hold`, () => {
      let held = 0
      const runs = 60
      fc.assert(
        fc.property(setupArb(), (setup) => {
          if (lossOf(format, setup).length > 0) return
          held++
          const { text } = exportScenario(
            { setup, request: { method: 'GET', path: '/' }, lambda: { kind: 'echo' } },
            format,
          )
          expect(normalizeSetup(readBack(format, text))).toEqual(normalizeSetup(setup))
        }),
        { numRuns: runs, seed: 15 },
      )
      // The property must not hold vacuously.
      expect(held).toBeGreaterThan(runs / 4)
    })
  }

  it('serverless: what the framework deploys from the file is the setup (uri aside)', () => {
    let held = 0
    fc.assert(
      fc.property(serverlessSetupArb(), (setup) => {
        const loss = lossOf('serverless', setup)
        expect(loss).toEqual([])
        held++
        const { text } = exportScenario(
          { setup, request: { method: 'GET', path: '/' }, lambda: { kind: 'echo' } },
          'serverless',
        )
        expect(normalizeSetup(readServerless(parseYaml(text)))).toEqual(
          normalizeSetup({
            ...setup,
            method: {
              ...setup.method,
              methodIntegration: { ...setup.method.methodIntegration, httpMethod: 'POST' },
            },
          }),
        )
      }),
      { numRuns: 60, seed: 15 },
    )
    expect(held).toBe(60)
  })
})

/** Exports, imports with the lab's own importer, and returns the one method's setup. */
async function exportThenImport(setup: Setup, format: ExportFormatId): Promise<Setup> {
  const { text } = exportScenario(
    { setup, request: { method: 'GET', path: '/' }, lambda: { kind: 'echo' } },
    format,
  )
  const result = await importText(text, { parseHcl: parseHclNode })
  if (!result.ok) throw new Error(`${format} export did not import: ${result.message}\n${text}`)
  expect(result.format).toBe(format)
  expect(result.methods).toHaveLength(1)
  const imported = result.scenarioFor(result.methods[0]?.id ?? '')
  // Warnings (e.g. "this pattern contains a newline") are advice about hand-written files; the
  // setup itself must still come back exactly.
  return imported.scenario.setup
}

const IMPORTED_FORMATS: ExportFormatId[] = [
  'openapi',
  'openapi-yaml',
  'cloudformation',
  'cloudformation-json',
  'sam',
  'terraform',
]

describe("export → the lab's importer gives the same setup", () => {
  for (const format of IMPORTED_FORMATS) {
    it(`${format}: for every setup it says it can hold`, async () => {
      let held = 0
      const runs = 60
      await fc.assert(
        fc.asyncProperty(setupArb(), async (setup) => {
          if (lossOf(format, setup).length > 0) return
          held++
          expect(normalizeSetup(await exportThenImport(setup, format))).toEqual(
            normalizeSetup(setup),
          )
        }),
        { numRuns: runs, seed: 15 },
      )
      expect(held).toBeGreaterThan(runs / 4)
    })
  }

  it('serverless: the same setup, uri aside (the framework builds it from the function)', async () => {
    await fc.assert(
      fc.asyncProperty(serverlessSetupArb(), async (setup) => {
        expect(lossOf('serverless', setup)).toEqual([])
        const imported = await exportThenImport(setup, 'serverless')
        delete imported.method.methodIntegration.uri
        expect(normalizeSetup(imported)).toEqual(normalizeSetup(setup))
      }),
      { numRuns: 60, seed: 15 },
    )
  })
})

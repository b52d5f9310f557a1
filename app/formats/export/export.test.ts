import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scenario } from '../../../scripts/fuzz/arbitraries'
import type { Scenario, Setup } from '../../model'
import { PRESETS } from '../../state/presets'
import { quoteShell } from './aws-cli'
import { EXPORT_FORMATS, exportScenario, type ExportFormatId } from './index'
import { parseYaml } from './read-back.test-support'
import { quoteHcl } from './terraform'

const seed = (): Scenario => JSON.parse(JSON.stringify(PRESETS[0]?.scenario)) as Scenario

function withSetup(change: (s: Setup) => void): Scenario {
  const scenario = seed()
  change(scenario.setup)
  return scenario
}

const loss = (scenario: Scenario, format: ExportFormatId): string[] =>
  exportScenario(scenario, format).cannotHold.slice(2)

describe('exportScenario', () => {
  it('holds the seed scenario in every format but Serverless (which builds its own uri)', () => {
    for (const { id } of EXPORT_FORMATS) {
      const result = exportScenario(seed(), id)
      expect(result.cannotHold.slice(0, 2).join()).toMatch(/request.*lambda/)
      if (id === 'serverless') expect(loss(seed(), id)).toEqual([expect.stringMatching(/\.uri /)])
      else expect(loss(seed(), id)).toEqual([])
    }
  })

  it('writes ANY as x-amazon-apigateway-any-method and the default response under "default"', () => {
    const s = withSetup((setup) => (setup.method.httpMethod = 'ANY'))
    const doc = JSON.parse(exportScenario(s, 'openapi').text) as {
      paths: Record<
        string,
        Record<string, { 'x-amazon-apigateway-integration': { responses: object } }>
      >
    }
    const op = doc.paths['/lambda']?.['x-amazon-apigateway-any-method']
    expect(Object.keys(op?.['x-amazon-apigateway-integration'].responses ?? {})).toEqual([
      'default',
      '.*Dummy error.*',
    ])
  })

  it('says what OpenAPI cannot key: a second default response, the pattern "default"', () => {
    const s = withSetup((setup) => {
      const rs = setup.method.methodIntegration.integrationResponses ?? {}
      rs['500'] = { statusCode: '500', selectionPattern: '' }
      rs['502'] = { statusCode: '502', selectionPattern: 'default' }
    })
    expect(loss(s, 'openapi')).toEqual([
      expect.stringMatching(/integrationResponses\.500: another response already has the default/),
      expect.stringMatching(/integrationResponses\.502: the selection pattern "default"/),
    ])
    // CloudFormation lists responses, so it holds both.
    expect(loss(s, 'cloudformation')).toEqual([])
  })

  it('says what the Serverless Framework would change', () => {
    const s = withSetup((setup) => {
      const i = setup.method.methodIntegration
      delete i.uri
      i.integrationResponses = { '400': { statusCode: '400', selectionPattern: '.*x.*' } }
      i.requestTemplates = { 'application/json': '{"c": "extraCognitoPoolClaims"}' }
      i.timeoutInMillis = 1000
      setup.stageVariables = { a: 'b' }
    })
    const lines = loss(s, 'serverless').join('\n')
    expect(lines).toMatch(/no default response/)
    expect(lines).toMatch(/extraCognitoPoolClaims/)
    expect(lines).toMatch(/timeoutInMillis/)
    expect(lines).toMatch(/stageVariables/)
    expect(lines).toMatch(/methodResponses\.200: the framework makes method responses only/)
    const proxy = withSetup((setup) => (setup.method.methodIntegration.type = 'AWS_PROXY'))
    expect(loss(proxy, 'serverless').join('\n')).toMatch(/lambda-proxy drops `response`/)
  })

  it('says which strings the Serverless Framework would resolve as its own variables', () => {
    const s = withSetup((setup) => {
      const r = setup.method.methodIntegration.integrationResponses?.['400']
      if (r) r.responseTemplates = { 'application/json': '${sls:stage} \\${x} ${context.stage}' }
    })
    expect(loss(s, 'serverless').join('\n')).toMatch(/backslash before/)
    const t = withSetup((setup) => {
      const r = setup.method.methodIntegration.integrationResponses?.['400']
      if (r) r.responseTemplates = { 'application/json': '${sls:stage} ${context.stage}' }
    })
    expect(loss(t, 'serverless').join('\n')).toMatch(/Serverless Framework variable/)
    const u = withSetup((setup) => {
      const r = setup.method.methodIntegration.integrationResponses?.['400']
      if (r) r.responseTemplates = { 'application/json': '${context.stage} $${x}' }
    })
    expect(loss(u, 'serverless').join('\n')).not.toMatch(/variable|backslash/)
  })

  it('says when a map would read as a CloudFormation intrinsic', () => {
    const s = withSetup((setup) => {
      setup.method.methodIntegration.requestTemplates = { Ref: 'x' }
    })
    for (const format of ['cloudformation', 'cloudformation-json', 'sam', 'serverless'] as const) {
      expect(loss(s, format).join('\n')).toMatch(/only key Ref reads as a CloudFormation intrinsic/)
    }
    expect(loss(s, 'terraform')).toEqual([])
  })

  it('cancels the framework defaults it can: default templates, passThrough NEVER', () => {
    const config = parseYaml(exportScenario(seed(), 'serverless').text) as {
      functions: {
        fn: { events: { http: { request: { template: object; passThrough: string } } }[] }
      }
    }
    const request = config.functions.fn.events[0]?.http.request
    expect(request?.template).toEqual({
      'application/json': null,
      'application/x-www-form-urlencoded': null,
    })
    expect(request?.passThrough).toBe('WHEN_NO_MATCH')
  })

  it('writes YAML that YAML 1.1 readers take back unchanged', () => {
    const s = withSetup((setup) => {
      setup.method.methodIntegration.requestTemplates = {
        'application/json': 'on',
        'text/plain': 'a\u2028b\u0085c\ufeff',
        '<<': 'yes',
      }
    })
    for (const format of ['openapi-yaml', 'cloudformation', 'sam', 'serverless'] as const) {
      const text = exportScenario(s, format).text
      expect(text).not.toMatch(/[\u0085\u2028\u2029\ufeff]/)
      expect(text).toContain('"on"')
      expect(text).toContain('"<<"')
      expect(text).toContain('a\\u2028b\\u0085c\\ufeff')
    }
  })

  it('writes CloudFormation short tags', () => {
    const text = exportScenario(seed(), 'cloudformation').text
    expect(text).toContain('ParentId: !GetAtt Api.RootResourceId')
    expect(text).toContain('RestApiId: !Ref Api')
    expect(text).toMatch(
      /Uri: !Sub arn:aws:apigateway:us-east-1:lambda:path\/2015-03-31\/functions\/\$\{LambdaFunctionArn\}\/invocations/,
    )
    expect(text).toContain('Default: arn:aws:lambda:us-east-1:123456789012:function:seed-fn')
  })

  it('lists lone surrogates for UTF-8 formats and NUL for the shell', () => {
    const s = withSetup((setup) => {
      setup.method.methodIntegration.requestTemplates = { 'application/json': 'a\ud800b\u0000' }
    })
    expect(loss(s, 'openapi')).toEqual([])
    expect(loss(s, 'cloudformation-json')).toEqual([])
    expect(loss(s, 'terraform')).toEqual([expect.stringMatching(/lone UTF-16 surrogate/)])
    expect(loss(s, 'aws-cli').join('\n')).toMatch(/NUL character/)
  })
})

describe('Terraform strings', () => {
  it('escapes what HCL would interpret', () => {
    expect(quoteHcl('${x} %{if} \\ " \n\r\t \u0007 é😀')).toBe(
      '"$${x} %%{if} \\\\ \\" \\n\\r\\t \\u0007 é😀"',
    )
    expect(quoteHcl('$${x}')).toBe('"$$${x}"')
    expect(quoteHcl('$ % {')).toBe('"$ % {"')
  })

  it('uses a heredoc for multi-line text ending in a newline, with a marker not in the text', () => {
    const s = withSetup((setup) => {
      const r = setup.method.methodIntegration.integrationResponses?.['400']
      if (r) r.responseTemplates = { 'application/json': 'a\\b ${c}\nEOT\n' }
    })
    const text = exportScenario(s, 'terraform').text
    expect(text).toContain('"application/json" = <<EOT1\na\\b $${c}\nEOT\nEOT1\n')
  })
})

describe('AWS CLI script', () => {
  it('quotes for a POSIX shell', () => {
    expect(quoteShell("it's")).toBe(`'it'\\''s'`)
    expect(quoteShell('plain-word_1.2:3')).toBe('plain-word_1.2:3')
    expect(quoteShell('')).toBe(`''`)
  })

  it('passes values the CLI would load as files or URLs through --cli-input-json', () => {
    const s = withSetup((setup) => {
      const r = setup.method.methodIntegration.integrationResponses?.['400']
      if (r) r.selectionPattern = 'file://etc/passwd'
    })
    const text = exportScenario(s, 'aws-cli').text
    expect(text).not.toContain('--selection-pattern')
    expect(text).toContain(`--cli-input-json='{"selectionPattern":"file://etc/passwd"}'`)
  })

  it('is valid shell that stops without the two ids', () => {
    const text = exportScenario(seed(), 'aws-cli').text
    execFileSync('bash', ['--norc', '--noprofile', '-n', '-c', text])
    const run = spawnSync('bash', ['--norc', '--noprofile', '-c', text], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toMatch(/set REST_API_ID/)
  })
})

describe('export CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-cli-'))
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx')
  const run = (...args: string[]) =>
    spawnSync(tsx, ['scripts/cli/export.ts', ...args], { encoding: 'utf8' })

  it('prints the format on stdout and what it cannot hold on stderr', { timeout: 60_000 }, () => {
    const file = join(dir, 'seed.json')
    writeFileSync(file, JSON.stringify(seed()))
    const out = run(file, '--format', 'openapi')
    expect(out.status).toBe(0)
    expect(JSON.parse(out.stdout)).toHaveProperty('openapi', '3.0.1')
    expect(out.stderr).toMatch(/^# cannot hold: request/m)
  })

  it('fails with one line and no stack trace on bad input', { timeout: 60_000 }, () => {
    const file = join(dir, 'bad.json')
    writeFileSync(file, '{"setup": {}}')
    // A scenario the validator rejects, and a missing file (tsx starts slowly: two runs only).
    for (const args of [
      [file, '--format', 'terraform'],
      [join(dir, 'missing.json'), '--format', 'sam'],
    ]) {
      const out = run(...args)
      expect(out.status).toBe(2)
      expect(out.stdout).toBe('')
      expect(out.stderr.trim().split('\n')).toHaveLength(1)
      expect(out.stderr).not.toMatch(/\n\s+at /)
    }
  })
})

describe('hostile scenarios', () => {
  it('never throws, and the JSON formats always parse, whatever the scenario holds', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        for (const { id } of EXPORT_FORMATS) {
          const result = exportScenario(s, id)
          expect(typeof result.text).toBe('string')
          expect(result.cannotHold.length).toBeGreaterThanOrEqual(2)
          if (id === 'openapi' || id === 'cloudformation-json') JSON.parse(result.text)
          if (id === 'aws-cli' && !result.text.includes('\u0000')) {
            // Whatever the strings hold, the script is valid shell (bash -n parses without running).
            execFileSync('bash', ['--norc', '--noprofile', '-n', '-c', result.text])
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      }),
      { numRuns: 50, seed: 15 },
    )
  })

  it('keeps a __proto__ key a key', () => {
    const s = withSetup((setup) => {
      setup.gatewayResponses = JSON.parse(
        '{"__proto__": {"statusCode": "418"}}',
      ) as Setup['gatewayResponses']
    })
    for (const format of [
      'openapi',
      'openapi-yaml',
      'cloudformation',
      'terraform',
      'aws-cli',
    ] as const) {
      expect(exportScenario(s, format).text).toContain('__proto__')
    }
    const doc = JSON.parse(exportScenario(s, 'openapi').text) as Record<string, unknown>
    expect(Object.keys(doc['x-amazon-apigateway-gateway-responses'] as object)).toEqual([
      '__proto__',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { createDefaultScenario } from './presets'
import type { IntegrationResponse, MethodResponse } from '../model'
import {
  checkStatusCode,
  findFreeStatus,
  formatHeaderLines,
  parseHeaderLines,
  readEditorText,
  readEvaluationText,
  renameRecordKey,
  renameStatusEntry,
  splitTrialMessages,
  reviseScenario,
  writeObjectField,
} from './scenario-edit'

describe('scenario edits', () => {
  it('revise a copy, leave the original alone and share what did not change', () => {
    const original = createDefaultScenario()
    const revised = reviseScenario(original, (d) => {
      d.request.path = '/other'
      d.setup.method.methodIntegration.type = 'AWS_PROXY'
    })
    expect(revised.request.path).toBe('/other')
    expect(original.request.path).toBe('/lambda')
    expect(original.setup.method.methodIntegration.type).toBe('AWS')
    expect(revised.lambda).toBe(original.lambda)
    expect(revised.setup.method.methodResponses).toBe(original.setup.method.methodResponses)
  })

  it('keep the untouched levels of the path, so unrelated panels skip re-rendering', () => {
    const original = createDefaultScenario()
    const onlyRequest = reviseScenario(original, (d) => {
      d.request.path = '/other'
    })
    expect(onlyRequest).not.toBe(original)
    expect(onlyRequest.request).not.toBe(original.request)
    expect(onlyRequest.setup).toBe(original.setup)
    const onlyRules = reviseScenario(original, (d) => {
      d.setup.method.methodIntegration.integrationResponses = {}
    })
    expect(onlyRules.request).toBe(original.request)
    expect(onlyRules.setup.method.methodIntegration).not.toBe(
      original.setup.method.methodIntegration,
    )
    expect(onlyRules.setup.method.methodIntegration.integrationResponses).toEqual({})
    expect(original.setup.method.methodIntegration.integrationResponses).not.toEqual({})
    const sameValue = reviseScenario(original, (d) => {
      d.request.path = original.request.path
    })
    expect(sameValue.request).toBe(original.request)
    expect(sameValue).not.toBe(original)
    const stage = reviseScenario(original, (d) => {
      d.setup.stageName = 'prod'
    })
    expect(stage.setup).not.toBe(original.setup)
    expect(stage.setup.method).toBe(original.setup.method)
  })

  it('rename keys in place and refuse collisions', () => {
    const record = { 'application/json': 'a', 'text/plain': 'b' }
    expect(Object.keys(renameRecordKey(record, 'application/json', 'application/xml'))).toEqual([
      'application/xml',
      'text/plain',
    ])
    expect(renameRecordKey(record, 'application/json', 'text/plain')).toBe(record)
  })

  it('accept the status codes API Gateway accepts, and say why others are refused', () => {
    for (const code of ['100', '200', '404', '599'])
      expect(checkStatusCode(code), code).toBeUndefined()
    for (const code of ['600', '099', '000', '20', '2000', '2xx', ' 200', '٢٠٠'])
      expect(checkStatusCode(code), code).toMatch(/three digits from 100 to 599/)
    expect(checkStatusCode('')).toMatch(/^Enter a status code/)
  })

  it('rename a method response, keeping its headers and models and the order of entries', () => {
    const responses: Record<string, MethodResponse> = {
      '200': { statusCode: '200', responseModels: { 'application/json': 'Empty' } },
      '400': {
        statusCode: '400',
        responseParameters: { 'method.response.header.X-Error': false },
        responseModels: { 'application/json': 'Error' },
      },
      '500': { statusCode: '500' },
    }
    const renamed = renameStatusEntry(responses, '400', ' 404 ', 'method response')
    expect(renamed).toEqual({
      ok: true,
      entries: {
        '200': responses['200'],
        '404': { ...responses['400'], statusCode: '404' },
        '500': responses['500'],
      },
    })
    if (renamed.ok) expect(Object.keys(renamed.entries)).toEqual(['200', '404', '500'])
    expect(responses['400']!.statusCode).toBe('400')
    expect(renameStatusEntry(responses, '400', '400', 'method response')).toEqual({
      ok: true,
      entries: responses,
    })
  })

  it('refuse an invalid or taken status, leaving the entries as they were', () => {
    const rules: Record<string, IntegrationResponse> = {
      '200': { statusCode: '200', selectionPattern: '' },
      '400': { statusCode: '400', selectionPattern: '.*Dummy.*' },
    }
    const table: [string, string, RegExp][] = [
      ['400', '200', /^Another integration response already has status 200/],
      ['400', '600', /refuses the status code "600"/],
      ['400', '', /^Enter a status code/],
      ['401', '402', /no integration response 401/],
    ]
    for (const [from, to, message] of table) {
      const result = renameStatusEntry(rules, from, to, 'integration response')
      expect(result.ok, `${from} → ${to}`).toBe(false)
      if (!result.ok) expect(result.message, `${from} → ${to}`).toMatch(message)
    }
    expect(Object.keys(rules)).toEqual(['200', '400'])
  })

  it('write one field of an object payload keeping key order', () => {
    const payload = { errorType: 'Error', errorMessage: 'a', trace: [] }
    expect(Object.keys(writeObjectField(payload, 'errorMessage', 'b') as object)).toEqual([
      'errorType',
      'errorMessage',
      'trace',
    ])
    expect(writeObjectField('text', 'errorMessage', 'x')).toEqual({ errorMessage: 'x' })
  })

  it('round-trip header lines, repeated names included', () => {
    const table: [string, Record<string, string | string[]>, number[]][] = [
      ['Accept: application/json', { Accept: 'application/json' }, []],
      ['X-A: 1\nX-A: 2\n\nX-B:  spaced ', { 'X-A': ['1', '2'], 'X-B': 'spaced' }, []],
      ['no colon here\nOk: yes', { Ok: 'yes' }, [1]],
      [': empty name', {}, [1]],
    ]
    for (const [text, headers, badLines] of table) {
      expect(parseHeaderLines(text), text).toEqual({ headers, badLines })
      expect(parseHeaderLines(formatHeaderLines(headers)).headers).toEqual(headers)
    }
  })

  it('resolve editor ids and evaluation keys to their text', () => {
    const scenario = reviseScenario(createDefaultScenario(), (d) => {
      d.setup.method.methodIntegration.requestTemplates = { 'application/json': 'REQ' }
      const rules = d.setup.method.methodIntegration.integrationResponses!
      d.setup.method.methodIntegration.integrationResponses = {
        ...rules,
        '400': { ...rules['400']!, responseTemplates: { 'application/json': 'RES' } },
      }
      d.setup.gatewayResponses = {
        DEFAULT_5XX: { responseTemplates: { 'application/json': 'GW' } },
      }
    })
    const json = 'application/json'
    expect(readEditorText(scenario, { kind: 'request-template', contentType: json })).toBe('REQ')
    expect(
      readEditorText(scenario, { kind: 'response-template', status: '400', contentType: json }),
    ).toBe('RES')
    expect(readEditorText(scenario, { kind: 'selection-pattern', status: '400' })).toBe(
      '.*Dummy error.*',
    )
    expect(
      readEditorText(scenario, {
        kind: 'gateway-template',
        responseType: 'DEFAULT_5XX',
        contentType: json,
      }),
    ).toBe('GW')
    expect(readEditorText(scenario, { kind: 'request', field: 'body' })).toBeUndefined()
    expect(readEvaluationText(scenario, 'integration.responses.400.selectionPattern')).toBe(
      '.*Dummy error.*',
    )
    expect(readEvaluationText(scenario, 'integration.requestTemplates.application/json')).toBe(
      'REQ',
    )
    expect(readEvaluationText(scenario, 'pattern:400')).toBeUndefined()
  })

  it('find a free status code', () => {
    expect(findFreeStatus({ '400': 1, '401': 1 })).toBe('402')
    expect(findFreeStatus({}, 500)).toBe('500')
  })

  it('split trial messages on lines holding only ---, keeping multi-line messages exact', () => {
    const table: [string, string[]][] = [
      ['', []],
      ['one', ['one']],
      ['one\n---\ntwo', ['one', 'two']],
      ['line 1\nline 2\n---\n\n---\nx --- y', ['line 1\nline 2', 'x --- y']],
      [' ---\n--- ', [' ---\n--- ']],
    ]
    for (const [text, messages] of table) expect(splitTrialMessages(text), text).toEqual(messages)
  })
})

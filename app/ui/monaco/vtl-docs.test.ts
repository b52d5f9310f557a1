import { describe, expect, it } from 'vitest'
import { VTL_DIRECTIVES, VTL_VARIABLES } from './vtl-docs'
import { findVtlDoc } from './vtl-lookup'

describe('VTL documentation data', () => {
  it('documents every name the brief and API Gateway require', () => {
    const required = [
      'input.body',
      'input.json',
      'input.path',
      'input.params',
      'util.escapeJavaScript',
      'util.parseJson',
      'util.urlEncode',
      'util.urlDecode',
      'util.base64Encode',
      'util.base64Decode',
      'context.requestId',
      'context.error.message',
      'context.error.messageString',
      'context.error.responseType',
      'context.identity.sourceIp',
      'context.identity.userAgent',
      'context.responseOverride.status',
      'context.responseOverride.header',
      'context.requestOverride.header',
      'context.requestOverride.querystring',
      'context.requestOverride.path',
      'stageVariables',
      '#if',
      '#elseif',
      '#else',
      '#end',
      '#foreach',
      '#set',
      '#break',
      '#stop',
      '#define',
      '#macro',
    ]
    for (const path of required) expect(findVtlDoc(path), path).toBeDefined()
  })

  it('has unique paths, a non-empty doc, and a parent for every nested name', () => {
    const paths = [...VTL_VARIABLES, ...VTL_DIRECTIVES].map((entry) => entry.path)
    expect(new Set(paths).size).toBe(paths.length)
    for (const entry of [...VTL_VARIABLES, ...VTL_DIRECTIVES]) {
      expect(entry.doc.length, entry.path).toBeGreaterThan(10)
      const parent = entry.path.replace(/\.[^.]+$/, '').replace(/\(\)$/, '')
      if (parent !== entry.path) expect(findVtlDoc(parent), `parent of ${entry.path}`).toBeDefined()
    }
  })

  it('quotes the AWS facts the engine relies on', () => {
    expect(findVtlDoc('#foreach')?.doc).toContain('1000')
    expect(findVtlDoc('context.error.messageString')?.doc).toContain(
      '{"message":$context.error.messageString}',
    )
    expect(findVtlDoc('input.params')?.doc).toMatch(/path, then the query string, then the headers/)
  })
})

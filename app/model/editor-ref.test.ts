import { describe, expect, it } from 'vitest'
import { formatEditorId, formatEditorPrefix, parseEditorId, type EditorRef } from './editor-ref'

const REFS: [EditorRef, string][] = [
  [{ kind: 'request', field: 'body' }, 'request.body'],
  [{ kind: 'request', field: 'headers' }, 'request.headers'],
  [{ kind: 'lambda-payload' }, 'lambda.payload'],
  [{ kind: 'scenario' }, 'scenario'],
  [
    { kind: 'request-template', contentType: 'application/json' },
    'integration.requestTemplates.application/json',
  ],
  [{ kind: 'selection-pattern', status: '400' }, 'integration.responses.400.selectionPattern'],
  [
    { kind: 'response-template', status: '400', contentType: 'application/vnd.api+json' },
    'integration.responses.400.responseTemplates.application/vnd.api+json',
  ],
  [
    { kind: 'response-parameter', status: '502', target: 'method.response.header.X-Id' },
    'integration.responses.502.responseParameters.method.response.header.X-Id',
  ],
  [
    { kind: 'gateway-template', responseType: 'DEFAULT_5XX', contentType: 'text/plain' },
    'gatewayResponses.DEFAULT_5XX.responseTemplates.text/plain',
  ],
]

describe('editor references', () => {
  it('turn into the documented editor ids and read back to the same reference', () => {
    for (const [ref, id] of REFS) {
      expect(formatEditorId(ref)).toBe(id)
      expect(parseEditorId(id)).toEqual(ref)
    }
  })

  it('read text that no reference makes as undefined', () => {
    for (const id of [
      '',
      'request.cookies',
      'integration.requestTemplates.',
      'integration.responses.400',
      'integration.responses..selectionPattern',
      'integration.responses.400.responseTemplates.',
      'gatewayResponses.DEFAULT_5XX.statusCode',
      'pattern:400',
    ])
      expect(parseEditorId(id), id).toBeUndefined()
  })

  it('give prefixes that start exactly the ids of their editors', () => {
    const prefix = formatEditorPrefix({ kind: 'response-parameter', status: '40' })
    expect(
      formatEditorId({ kind: 'response-parameter', status: '40', target: 'x' }).startsWith(prefix),
    ).toBe(true)
    expect(
      formatEditorId({ kind: 'response-parameter', status: '400', target: 'x' }).startsWith(prefix),
    ).toBe(false)
  })
})

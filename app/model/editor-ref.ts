/**
 * Typed references to the editors (text fields) of a scenario. Diagnostics, markers, stopped
 * evaluations and focus all name an editor by its `EditorId` text; that text is only ever made by
 * `formatEditorId` and read back by `parseEditorId`, so no other code builds or slices it.
 */
import type { EditorId } from './diagnostic'

/** One editor of the scenario. */
export type EditorRef =
  | { kind: 'request'; field: 'body' | 'path' | 'query' | 'headers' }
  | { kind: 'lambda-payload' }
  | { kind: 'request-template'; contentType: string }
  | { kind: 'selection-pattern'; status: string }
  | { kind: 'response-template'; status: string; contentType: string }
  | { kind: 'response-parameter'; status: string; target: string }
  | { kind: 'gateway-template'; responseType: string; contentType: string }
  | { kind: 'scenario' }

const REQUEST_TEMPLATES = 'integration.requestTemplates.'
const RESPONSES = 'integration.responses.'
const GATEWAY = 'gatewayResponses.'
const REQUEST_FIELDS = ['body', 'path', 'query', 'headers'] as const

/** The editor id text of `ref` (the dotted paths listed on `EditorId`). */
export function formatEditorId(ref: EditorRef): EditorId {
  switch (ref.kind) {
    case 'request':
      return `request.${ref.field}`
    case 'lambda-payload':
      return 'lambda.payload'
    case 'request-template':
      return REQUEST_TEMPLATES + ref.contentType
    case 'selection-pattern':
      return `${RESPONSES}${ref.status}.selectionPattern`
    case 'response-template':
      return `${RESPONSES}${ref.status}.responseTemplates.${ref.contentType}`
    case 'response-parameter':
      return `${RESPONSES}${ref.status}.responseParameters.${ref.target}`
    case 'gateway-template':
      return `${GATEWAY}${ref.responseType}.responseTemplates.${ref.contentType}`
    case 'scenario':
      return 'scenario'
  }
}

/** Reads an editor id back; undefined for text `formatEditorId` never makes. */
export function parseEditorId(id: EditorId): EditorRef | undefined {
  if (id === 'scenario') return { kind: 'scenario' }
  if (id === 'lambda.payload') return { kind: 'lambda-payload' }
  if (id.startsWith('request.')) {
    const field = REQUEST_FIELDS.find((f) => id === `request.${f}`)
    return field ? { kind: 'request', field } : undefined
  }
  if (id.startsWith(REQUEST_TEMPLATES)) {
    const contentType = id.slice(REQUEST_TEMPLATES.length)
    return contentType ? { kind: 'request-template', contentType } : undefined
  }
  if (id.startsWith(RESPONSES)) {
    const rest = id.slice(RESPONSES.length)
    const dot = rest.indexOf('.')
    if (dot <= 0) return undefined
    const status = rest.slice(0, dot)
    const tail = rest.slice(dot + 1)
    if (tail === 'selectionPattern') return { kind: 'selection-pattern', status }
    const templates = afterPrefix(tail, 'responseTemplates.')
    if (templates) return { kind: 'response-template', status, contentType: templates }
    const target = afterPrefix(tail, 'responseParameters.')
    if (target) return { kind: 'response-parameter', status, target }
    return undefined
  }
  if (id.startsWith(GATEWAY)) {
    const rest = id.slice(GATEWAY.length)
    const dot = rest.indexOf('.')
    if (dot <= 0) return undefined
    const contentType = afterPrefix(rest.slice(dot + 1), 'responseTemplates.')
    return contentType
      ? { kind: 'gateway-template', responseType: rest.slice(0, dot), contentType }
      : undefined
  }
  return undefined
}

/** `text` without `prefix`, or undefined when it does not start with it or nothing follows. */
function afterPrefix(text: string, prefix: string): string | undefined {
  return text.startsWith(prefix) && text.length > prefix.length
    ? text.slice(prefix.length)
    : undefined
}

/**
 * The common start of the ids of every editor of one kind under one owner, for "all diagnostics of
 * this rule's header mappings" or "all templates of this rule" (editors that share it, and no
 * others, start with it).
 */
export function formatEditorPrefix(
  ref:
    | { kind: 'response-parameter'; status: string }
    | { kind: 'response-template'; status: string }
    | { kind: 'request-template' }
    | { kind: 'gateway-template'; responseType: string },
): string {
  switch (ref.kind) {
    case 'response-parameter':
      return `${RESPONSES}${ref.status}.responseParameters.`
    case 'response-template':
      return `${RESPONSES}${ref.status}.responseTemplates.`
    case 'request-template':
      return REQUEST_TEMPLATES
    case 'gateway-template':
      return `${GATEWAY}${ref.responseType}.responseTemplates.`
  }
}

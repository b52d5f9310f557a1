/** A range of UTF-16 offsets into one editor's text, `end` exclusive. */
export type Span = {
  /** First offset covered. */
  start: number
  /** Offset just past the last character covered. */
  end: number
}

/**
 * Which editor (text field) a diagnostic belongs to, as text. Made only by `formatEditorId` from
 * a typed `EditorRef` and read back only by `parseEditorId` (editor-ref.ts). Stable dotted paths:
 * - `request.body`, `request.path`, `request.query`, `request.headers`
 * - `lambda.payload` (the result or error JSON the function gives back)
 * - `integration.requestTemplates.<contentType>`
 * - `integration.responses.<status>.selectionPattern`
 * - `integration.responses.<status>.responseTemplates.<contentType>`
 * - `integration.responses.<status>.responseParameters.<key>`
 * - `gatewayResponses.<TYPE>.responseTemplates.<contentType>`
 * - `scenario` (the scenario as a whole, e.g. an import)
 */
export type EditorId = string

/** One problem (or remark) found in something the person typed, with its place. */
export type Diagnostic = {
  /** The editor the span refers to. */
  source: EditorId
  /** How serious: errors change AWS's outcome, warnings flag doubtful input, info explains. */
  severity: 'error' | 'warning' | 'info'
  /** Stable machine-readable code, e.g. `regex.syntax`, `vtl.parse`, `scenario.type`. */
  code: string
  /** What is wrong, in words a person understands. */
  message: string
  /** Where in the editor's text; `{start: 0, end: 0}` when no better place is known. */
  span: Span
  /** What to do about it. */
  hint?: string
}

/** Result of a module's public entry point: a value, or diagnostics instead of an exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] }

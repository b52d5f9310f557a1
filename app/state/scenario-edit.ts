/**
 * Pure, immutable edits of a scenario, used by the store's actions. Each takes a scenario and
 * returns a new one; the input is never mutated, so React and Zustand see a fresh reference.
 */
import type { EditorId, Integration, IntegrationResponse, Json, Scenario } from '../model'

/**
 * Applies `recipe` to a copy of `scenario` and returns the copy. Only the objects on the edited
 * paths are copied (scenario, setup, method, its integration, request); everything else is
 * shared, so panels whose part did not change keep their references and skip re-rendering, even
 * for huge payloads. Recipes may assign fields of those five objects; deeper values must be
 * replaced with new objects, never mutated.
 */
export function reviseScenario(scenario: Scenario, recipe: (draft: Scenario) => void): Scenario {
  const { setup, request } = scenario
  const { method } = setup
  const integration = { ...method.methodIntegration }
  const methodCopy = { ...method, methodIntegration: integration }
  const setupCopy = { ...setup, method: methodCopy }
  const requestCopy = { ...request }
  const draft: Scenario = { ...scenario, setup: setupCopy, request: requestCopy }
  recipe(draft)
  // Copies the recipe left unchanged give way to the originals (inner levels first), so a
  // keystroke in one panel does not hand every other panel a new object to re-render for. The
  // scenario itself is always new: that is what tells the store something was edited.
  methodCopy.methodIntegration = keepIfSame(
    integration,
    methodCopy.methodIntegration,
    method.methodIntegration,
  )
  setupCopy.method = keepIfSame(methodCopy, setupCopy.method, method)
  draft.setup = keepIfSame(setupCopy, draft.setup, setup)
  draft.request = keepIfSame(requestCopy, draft.request, request)
  return draft
}

/** `original` when the recipe kept our `copy` in place and left its fields as they were. */
function keepIfSame<T extends object>(copy: T, now: T, original: T): T {
  if (now !== copy) return now
  const fields = Object.keys(copy) as (keyof T)[]
  if (fields.length !== Object.keys(original).length) return copy
  return fields.every((k) => (k as string) in original && Object.is(copy[k], original[k]))
    ? original
    : copy
}

/**
 * Renames a key while keeping its place in the record's order. Integer-like keys (status codes)
 * are ordered by the JavaScript engine anyway; other keys (content types) keep their position.
 */
export function renameRecordKey<T>(
  record: Record<string, T>,
  from: string,
  to: string,
): Record<string, T> {
  if (from === to || !(from in record) || to in record) return record
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]))
}

/** Which kind of status-keyed entry a message is about. */
export type StatusEntryKind = 'method response' | 'integration response'

/** A status rename: the renamed entries, or why the new status was refused. */
export type StatusRename<T> =
  { ok: true; entries: Record<string, T> } | { ok: false; message: string }

/**
 * Why API Gateway would refuse `code` as the status of a method or integration response
 * (PutMethodResponse and PutIntegrationResponse accept only `[1-5]\d\d`), or undefined.
 */
export function checkStatusCode(code: string): string | undefined {
  if (code === '') return 'Enter a status code: three digits from 100 to 599.'
  if (!/^[1-5]\d\d$/.test(code))
    return `API Gateway refuses the status code ${JSON.stringify(code)}: use three digits from 100 to 599.`
  return undefined
}

/**
 * Renames the entry keyed `from` to the status `to` (surrounding spaces ignored): key and
 * `statusCode` change together and every other field (headers, models, templates) stays. Keys are
 * status codes, which JavaScript orders numerically, so the entries stay in ascending order.
 * Refuses a code API Gateway would refuse, or one another entry already has, leaving the
 * entries as they were.
 */
export function renameStatusEntry<T extends { statusCode: string }>(
  entries: Record<string, T>,
  from: string,
  to: string,
  kind: StatusEntryKind,
): StatusRename<T> {
  const code = to.trim()
  const entry = entries[from]
  if (!entry) return { ok: false, message: `There is no ${kind} ${from} any more.` }
  if (code === from) return { ok: true, entries }
  const invalid = checkStatusCode(code)
  if (invalid) return { ok: false, message: invalid }
  if (code in entries)
    return {
      ok: false,
      message: `Another ${kind} already has status ${code}: choose another code, or remove that one first.`,
    }
  const renamed = renameRecordKey(entries, from, code)
  return { ok: true, entries: { ...renamed, [code]: { ...entry, statusCode: code } } }
}

/** The integration of the scenario's method. */
export function readIntegration(scenario: Scenario): Integration {
  return scenario.setup.method.methodIntegration
}

/** The integration responses, or an empty record. */
export function readRules(scenario: Scenario): Record<string, IntegrationResponse> {
  return readIntegration(scenario).integrationResponses ?? {}
}

/**
 * The errorMessage a selection pattern is matched against: the function error's message, or the
 * empty string on success (AWS matches patterns against "" when the function succeeded).
 * `undefined` when no integration response is selected from the function at all.
 */
export function readSelectionSubject(scenario: Scenario): string | undefined {
  const lambda = scenario.lambda
  if (lambda.kind === 'invokeFailure') return undefined
  if (lambda.kind !== 'error') return ''
  const payload = lambda.payload
  if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
    const message = payload.errorMessage
    return typeof message === 'string'
      ? message
      : message === undefined
        ? ''
        : JSON.stringify(message)
  }
  return ''
}

/** Replaces `key` in a JSON object payload, keeping the other keys and their order. */
export function writeObjectField(payload: Json, key: string, value: Json): Json {
  const base =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload : {}
  if (key in base)
    return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, k === key ? value : v]))
  return { ...base, [key]: value }
}

/** Header lines (`Name: value`, one per line; a repeated name = a repeated header). */
export function formatHeaderLines(headers: Record<string, string | string[]> | undefined): string {
  if (!headers) return ''
  return Object.entries(headers)
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`),
    )
    .join('\n')
}

/** Parses header lines; lines without a colon are reported by line number. */
export function parseHeaderLines(text: string): {
  headers: Record<string, string | string[]>
  badLines: number[]
} {
  const headers: Record<string, string | string[]> = {}
  const badLines: number[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    const colon = line.indexOf(':')
    if (colon <= 0) {
      badLines.push(index + 1)
      return
    }
    const name = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    const existing = headers[name]
    if (existing === undefined) headers[name] = value
    else headers[name] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  })
  return { headers, badLines }
}

/**
 * The text an editor id points at (templates and patterns), so a "stopped" mark can be kept only
 * while that text is unchanged. Unknown ids read as undefined.
 */
export function readEditorText(scenario: Scenario, editorId: EditorId): string | undefined {
  const integration = readIntegration(scenario)
  const requestTemplate = /^integration\.requestTemplates\.(.+)$/.exec(editorId)
  if (requestTemplate) return integration.requestTemplates?.[requestTemplate[1]!]
  const rule = /^integration\.responses\.([^.]+)\.(selectionPattern|responseTemplates\.(.+))$/.exec(
    editorId,
  )
  if (rule) {
    const response = integration.integrationResponses?.[rule[1]!]
    if (!response) return undefined
    return rule[3] === undefined
      ? (response.selectionPattern ?? '')
      : response.responseTemplates?.[rule[3]]
  }
  const gateway = /^gatewayResponses\.([^.]+)\.responseTemplates\.(.+)$/.exec(editorId)
  if (gateway)
    return scenario.setup.gatewayResponses?.[gateway[1]!]?.responseTemplates?.[gateway[2]!]
  return undefined
}

/** The text an evaluation key (`pattern:<status>`, `template:<editorId>`) depends on. */
export function readEvaluationText(scenario: Scenario, key: string): string | undefined {
  if (key.startsWith('pattern:')) return readRules(scenario)[key.slice(8)]?.selectionPattern ?? ''
  if (key.startsWith('template:')) return readEditorText(scenario, key.slice(9))
  return undefined
}

/**
 * Splits the trial messages text into messages: a line holding only `---` separates them, and
 * every other line (blank ones too) belongs to a message, so multi-line messages stay exact.
 */
export function splitTrialMessages(text: string): string[] {
  if (text === '') return []
  const messages: string[][] = [[]]
  for (const line of text.split('\n')) {
    if (line === '---') messages.push([])
    else messages[messages.length - 1]!.push(line)
  }
  return messages.map((lines) => lines.join('\n')).filter((m) => m !== '')
}

/** Next unused status code at or after `from` (for "add rule"). */
export function findFreeStatus(taken: Record<string, unknown>, from = 400): string {
  let code = from
  while (String(code) in taken && code < 599) code++
  return String(code)
}

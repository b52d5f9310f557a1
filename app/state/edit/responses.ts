/** Edits of the status-keyed entries: method responses and integration responses (rules). */
import type { Integration, IntegrationResponse, Scenario } from '../../model'
import { renameRecordKey } from './revise'

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

/** Next unused status code at or after `from` (for "add rule"). */
export function findFreeStatus(taken: Record<string, unknown>, from = 400): string {
  let code = from
  while (String(code) in taken && code < 599) code++
  return String(code)
}

/**
 * Pure, immutable edits of a scenario, used by the store's actions, grouped by what they edit
 * (see `app/state/edit/`). Each takes a scenario (or part of one) and returns a new one; the input
 * is never mutated, so React and Zustand see a fresh reference.
 */
export { renameRecordKey, reviseScenario } from './edit/revise'
export {
  checkStatusCode,
  findFreeStatus,
  readIntegration,
  readRules,
  renameStatusEntry,
} from './edit/responses'
export type { StatusEntryKind, StatusRename } from './edit/responses'
export { splitTrialMessages, writeObjectField } from './edit/lambda-outcome'
export { formatHeaderLines, parseHeaderLines } from './edit/request'
export { readEditorText, readEvaluationText } from './edit/editor-text'

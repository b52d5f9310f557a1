/**
 * The one way to edit a scenario: a recipe applied to a copy that shares everything the recipe
 * left alone, and renaming a key in place.
 */
import type { Scenario } from '../../model'

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

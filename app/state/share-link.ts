/**
 * Share links: the scenario travels in the URL fragment, encoded by app/share. Opening a link is
 * treated like an import: decoded, validated, and refused with a clear message when bad.
 */
import { validateScenario } from '../engine'
import type { Scenario } from '../model'
import { decodeShareState, encodeShareState } from '../share'

/** The outcome of reading a fragment. */
export type SharedLink =
  { kind: 'none' } | { kind: 'ok'; scenario: Scenario } | { kind: 'bad'; message: string }

/** The fragment text (without `#`) that restores `scenario`. */
export function writeShareFragment(scenario: Scenario): string {
  return encodeShareState({ scenario })
}

/** The full URL to share, built from the page's current address without its fragment. */
export function buildShareUrl(currentHref: string, scenario: Scenario): string {
  const base = currentHref.split('#')[0] ?? currentHref
  return `${base}#${writeShareFragment(scenario)}`
}

/** Reads a location hash (with or without its `#`). Never throws. */
export function readShareFragment(hash: string): SharedLink {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash
  if (fragment === '') return { kind: 'none' }
  let decoded: ReturnType<typeof decodeShareState>
  try {
    decoded = decodeShareState(fragment)
  } catch {
    return { kind: 'bad', message: 'This link could not be read: it is damaged.' }
  }
  if (!decoded.ok)
    return { kind: 'bad', message: `This link could not be read: ${decoded.error.message}` }
  const checked = validateScenario(decoded.value.scenario)
  const errors = checked.diagnostics.filter((d) => d.severity === 'error')
  if (!checked.scenario || errors.length > 0) {
    const first = errors[0]?.message ?? 'it does not hold a valid scenario'
    return { kind: 'bad', message: `This link holds an invalid scenario: ${first}` }
  }
  return { kind: 'ok', scenario: checked.scenario }
}

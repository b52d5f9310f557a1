/**
 * Which scenario the page starts with: a share link wins, then the autosave, then the default.
 * A bad link shows a banner and loads the default, leaving the autosave untouched. The page
 * mirrors the scenario into its own address bar a moment after each edit; a reload of that
 * address (the fragment is the one this tab last mirrored) is not someone opening a link, so the
 * autosave, which is at least as new, wins there.
 */
import type { Scenario } from '../model'
import { readAutosave, type Persisted } from './persist'
import { createDefaultScenario } from './presets'
import { readShareFragment } from './share-link'
import type { Banner } from './slices/ui'

/** Where the starting state came from, and what to show. */
export type InitialState = {
  source: 'link' | 'autosave' | 'default' | 'bad-link'
  scenario: Scenario
  ui?: Persisted['ui']
  banner?: Banner
}

/** sessionStorage key: the fragment this tab last wrote into its own address bar. */
export const MIRRORED_KEY = 'api-gateway-lab.mirrored-fragment'

/**
 * Decides the starting state from the URL hash and the storage. `mirrored` is the fragment this
 * tab last wrote into its address bar (see MIRRORED_KEY). Never throws.
 */
export function resolveInitialState(
  hash: string,
  storage: Pick<Storage, 'getItem'>,
  mirrored: string | null = null,
): InitialState {
  const saved = readAutosave(storage)
  const own = mirrored !== null && mirrored !== '' && hash.replace(/^#/, '') === mirrored
  if (own && saved) return { source: 'autosave', scenario: saved.scenario, ui: saved.ui }
  const link = readShareFragment(hash)
  if (link.kind === 'ok') return { source: 'link', scenario: link.scenario, ui: saved?.ui }
  if (link.kind === 'bad') {
    return {
      source: 'bad-link',
      scenario: createDefaultScenario(),
      ui: saved?.ui,
      banner: {
        kind: 'error',
        message: `${link.message} The default scenario is shown instead; your autosaved work is kept.`,
      },
    }
  }
  if (saved) return { source: 'autosave', scenario: saved.scenario, ui: saved.ui }
  return { source: 'default', scenario: createDefaultScenario() }
}

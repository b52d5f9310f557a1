/**
 * Which scenario the page starts with: a share link wins, then the autosave, then the default.
 * A bad link shows a banner and loads the default, leaving the autosave untouched. The page
 * mirrors the scenario into its own address bar a moment after each edit; a reload of that
 * address (the fragment is the one this tab last mirrored) is not someone opening a link, so the
 * autosave, which is at least as new, wins there.
 */
import type { Scenario } from '../model'
import { AUTOSAVE_KEY, readAutosave, type Persisted } from './persist'
import { createDefaultScenario } from './presets'
import type { SharedLink } from './share-link'
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

/** Reads a share link from a hash (`readShareFragment` of share-link.ts, loaded only when needed). */
export type LinkReader = (hash: string) => SharedLink

/**
 * Whether the starting state depends on reading the hash as a share link: false when there is no
 * fragment, or when it is the one this tab mirrored itself and an autosave exists. The page loads
 * the share-link decoder only when this is true.
 */
export function needsLinkReader(
  hash: string,
  storage: Pick<Storage, 'getItem'>,
  mirrored: string | null = null,
): boolean {
  const fragment = hash.replace(/^#/, '')
  if (fragment === '') return false
  const own = mirrored !== null && mirrored !== '' && fragment === mirrored
  // Only whether an autosave is there (parsing it is resolveInitialState's job, done once).
  return !(own && storage.getItem(AUTOSAVE_KEY) !== null)
}

/** For a hash that holds no fragment: nothing to read. */
const NO_LINK: LinkReader = () => ({ kind: 'none' })

/**
 * Decides the starting state from the URL hash and the storage. `mirrored` is the fragment this
 * tab last wrote into its address bar (see MIRRORED_KEY); `readLink` decodes a share link (needed
 * only when `needsLinkReader` says so). Never throws.
 */
export function resolveInitialState(
  hash: string,
  storage: Pick<Storage, 'getItem'>,
  mirrored: string | null = null,
  readLink: LinkReader = NO_LINK,
): InitialState {
  const saved = readAutosave(storage)
  const own = mirrored !== null && mirrored !== '' && hash.replace(/^#/, '') === mirrored
  if (own && saved) return { source: 'autosave', scenario: saved.scenario, ui: saved.ui }
  const link = readLink(hash)
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

import { describe, expect, it } from 'vitest'
import { buildEmbedSnippet, buildEmbedUrl, buildPlaygroundUrl, isEmbedSearch } from './embed'
import { readPresetScenario } from './presets'
import { readShareFragment, writeShareFragment } from './share-link'

describe('embed', () => {
  const scenario = readPresetScenario('seed-custom-error')!

  it('builds a frame address that holds the scenario and asks for the embedded view', () => {
    const url = buildEmbedUrl(
      'https://lab.example/tools/lab/?x=1#old',
      writeShareFragment(scenario),
    )
    expect(url.startsWith('https://lab.example/tools/lab/?embed=1#')).toBe(true)
    expect(isEmbedSearch(new URL(url).search)).toBe(true)
    expect(isEmbedSearch('?x=1')).toBe(false)
    const link = readShareFragment(new URL(url).hash)
    expect(link).toEqual({ kind: 'ok', scenario })
  })

  it('links back to the playground with the same scenario', () => {
    const url = buildEmbedUrl('http://localhost:4207/', writeShareFragment(scenario))
    const back = buildPlaygroundUrl(url)
    expect(back.startsWith('http://localhost:4207/#')).toBe(true)
    expect(back.slice(back.indexOf('#'))).toBe(url.slice(url.indexOf('#')))
  })

  it('makes a snippet without script or inline style, escaping attribute text', () => {
    const snippet = buildEmbedSnippet('http://a/?embed=1#x"<y>', 'T "&"')
    expect(snippet).toBe(
      '<iframe src="http://a/?embed=1#x&quot;&lt;y&gt;" title="T &quot;&amp;&quot;" width="100%" height="720" loading="lazy" referrerpolicy="no-referrer"></iframe>',
    )
    expect(snippet).not.toMatch(/style=|<script/)
  })
})

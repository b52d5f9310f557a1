/**
 * Share-codec properties: links round-trip byte-exactly, and no fragment text (damaged,
 * truncated, hostile) makes the decoder throw or accept something unsafe.
 */
import fc from 'fast-check'
import { decodeShareState, encodeShareState, findUnsafePart } from '../../app/share'
import type { ShareState } from '../../app/share'
import { json, scenario, text } from './arbitraries'
import { check, checkNoPollution } from './checks'
import type { FuzzProperty } from './properties'

/** Shareable states: scenarios (and UI preferences) without forbidden keys. */
const shareState = (): fc.Arbitrary<ShareState> =>
  fc
    .record(
      { scenario: scenario(), ui: fc.dictionary(fc.constantFrom('theme', 'layout', 'x'), json()) },
      { requiredKeys: ['scenario'] },
    )
    // Through JSON text, as the state reaches the encoder from the editors.
    .map((s) => JSON.parse(JSON.stringify(s)) as ShareState)
    .filter((s) => findUnsafePart(s) === undefined)

/** Fragment texts near valid links: cut, altered, extended, or made up. */
const damagedFragment = (): fc.Arbitrary<string> =>
  fc.oneof(
    text(64),
    fc.string({ unit: 'binary', maxLength: 64 }).map((s) => `v1.${s}`),
    fc
      .tuple(shareState(), fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 1 }))
      .map(([s, cut, at, c]) => {
        const link = encodeShareState(s)
        const kept = link.slice(0, link.length - (cut % link.length))
        const i = at % (kept.length + 1)
        return kept.slice(0, i) + c + kept.slice(i + 1)
      }),
  )

/** The share codec's properties. */
export function shareProperties(): FuzzProperty[] {
  return [
    {
      name: 'share links round-trip byte-exactly',
      build: () =>
        fc.property(shareState(), (state) => {
          const link = encodeShareState(state)
          check(/^[A-Za-z0-9._~-]*$/.test(link), 'the link holds characters URLs escape')
          const decoded = decodeShareState(link)
          check(decoded.ok, `own link refused: ${decoded.ok ? '' : decoded.error.message}`)
          check(
            JSON.stringify(decoded.value) === JSON.stringify(state),
            'decoded state differs from the encoded one',
          )
          check(
            encodeShareState(decoded.value as ShareState) === link,
            're-encoding gives a different link',
          )
        }),
    },
    {
      name: 'decodeShareState never throws and never accepts unsafe keys',
      build: () =>
        fc.property(damagedFragment(), (fragment) => {
          const decoded = decodeShareState(fragment)
          if (decoded.ok) check(findUnsafePart(decoded.value) === undefined, 'unsafe key accepted')
          else check(decoded.error.message !== '', 'refused without a message')
          checkNoPollution()
        }),
    },
  ]
}

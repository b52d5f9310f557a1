import { describe, expect, it } from 'vitest'
import { formatCount } from './LongText'

describe('formatCount', () => {
  it('groups digits by thousands as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 100_000, 6_100_042, 1_234_567_890])
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'))
  })
})

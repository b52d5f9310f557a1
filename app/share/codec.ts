/**
 * Share links: the whole state in the URL fragment, compressed, versioned by a `vN.` prefix.
 * Decoding is bounded in input size, output size and nesting, and never throws.
 */
import type { ShareDecodeResult, ShareState } from './types'
import { V1, decodeV1Payload, encodeV1Payload } from './versions/v1'

/** Longest fragment accepted (characters). */
export const MAX_FRAGMENT_LENGTH = 256 * 1024

/** Largest decompressed JSON accepted (bytes). */
export const MAX_JSON_BYTES = 2 * 1024 * 1024

/** The version new links are written in. */
export const CURRENT_SHARE_VERSION = V1

const PREFIX = /^v(\d{1,6})\./

/** Encodes the state as fragment text (`v1.<base64url>`), without the leading `#`. */
export function encodeShareState(state: ShareState): string {
  return `v${CURRENT_SHARE_VERSION}.${encodeV1Payload(state)}`
}

/** Decodes fragment text (a leading `#` and surrounding whitespace are ignored). Never throws. */
export function decodeShareState(fragment: string): ShareDecodeResult {
  try {
    return decodeUnsafe(fragment)
  } catch (error) {
    // Nothing above should throw; a bug must still not take the page down with it.
    return {
      ok: false,
      error: { code: 'corrupt', message: `The link could not be read (${String(error)}).` },
    }
  }
}

function decodeUnsafe(fragment: string): ShareDecodeResult {
  if (typeof fragment !== 'string') {
    return { ok: false, error: { code: 'empty', message: 'There is no shared state.' } }
  }
  if (fragment.length > MAX_FRAGMENT_LENGTH + 64) return tooLong()
  const text = fragment.trim().replace(/^#/, '')
  if (text === '') {
    return { ok: false, error: { code: 'empty', message: 'The link has no shared state.' } }
  }
  if (text.length > MAX_FRAGMENT_LENGTH) return tooLong()
  const match = PREFIX.exec(text)
  if (match === null) {
    return {
      ok: false,
      error: { code: 'corrupt', message: 'This is not a share link of API Gateway Lab.' },
    }
  }
  const version = Number(match[1])
  const payload = text.slice(match[0].length)
  if (version === V1) {
    const decoded = decodeV1Payload(payload, MAX_JSON_BYTES)
    return decoded.ok ? { ok: true, value: decoded.value, version } : decoded
  }
  return {
    ok: false,
    error: {
      code: 'unknown-version',
      message: `The link uses share format v${version}, which this version of the lab cannot read.`,
    },
  }
}

function tooLong(): ShareDecodeResult {
  return {
    ok: false,
    error: {
      code: 'too-large',
      message: `The link is longer than ${MAX_FRAGMENT_LENGTH} characters.`,
    },
  }
}

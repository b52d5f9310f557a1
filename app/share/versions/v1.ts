/**
 * Share format v1, FROZEN: `v1.` + base64url(zlib(UTF-8 JSON of `{scenario, ui?}`)).
 * Links made with it must keep decoding forever (`../fixtures.test.ts`); a new format gets a new
 * file and prefix instead of a change here.
 */
import { base64UrlToBytes, bytesToBase64Url, zlibCompress, zlibInflateBounded } from '../bytes'
import { parseUntrustedJson } from '../safe-json'
import type { DecodedShareState, ShareError, ShareState } from '../types'

/** Version number carried in the `v1.` prefix. */
export const V1 = 1

/** Encodes the state as the text after `v1.`. */
export function encodeV1Payload(state: ShareState): string {
  const json = JSON.stringify(state.ui === undefined ? { scenario: state.scenario } : state)
  return bytesToBase64Url(zlibCompress(new TextEncoder().encode(json)))
}

/** Decodes the text after `v1.`; the JSON text may be at most `maxJsonBytes` bytes. */
export function decodeV1Payload(
  payload: string,
  maxJsonBytes: number,
): { ok: true; value: DecodedShareState } | { ok: false; error: ShareError } {
  const bytes = base64UrlToBytes(payload)
  if (bytes === 'bad-length') return fail('truncated', 'The link was cut short.')
  if (bytes === 'bad-character') {
    return fail('corrupt', 'The link contains characters a share link never has.')
  }
  const inflated = zlibInflateBounded(bytes, maxJsonBytes)
  if (!inflated.ok) {
    if (inflated.problem === 'too-large') {
      return fail('too-large', `The shared state expands to more than ${maxJsonBytes} bytes.`)
    }
    if (inflated.problem === 'truncated') return fail('truncated', 'The link was cut short.')
    return fail('corrupt', 'The link is damaged: its compressed data does not check out.')
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes)
  } catch {
    return fail('corrupt', 'The link is damaged: its content is not UTF-8 text.')
  }
  const parsed = parseUntrustedJson(text)
  if (!parsed.ok) {
    return parsed.problem === 'not-json'
      ? fail('not-json', `The shared state is not JSON (${parsed.message}).`)
      : fail('invalid', `The shared state was refused: ${parsed.message}.`)
  }
  const root = parsed.value
  if (!isPlainObject(root) || !isPlainObject(root.scenario)) {
    return fail('invalid', 'The shared state has no scenario object.')
  }
  if (root.ui !== undefined && !isPlainObject(root.ui)) {
    return fail('invalid', 'The shared UI preferences are not an object.')
  }
  const value: DecodedShareState = { scenario: root.scenario }
  if (root.ui !== undefined) value.ui = root.ui
  return { ok: true, value }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fail(code: ShareError['code'], message: string): { ok: false; error: ShareError } {
  return { ok: false, error: { code, message } }
}

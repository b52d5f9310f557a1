/**
 * Binary payloads on a custom (`AWS`) integration: `binaryMediaTypes` with the request's
 * `Content-Type` and first `Accept` media type, and `contentHandling` on the integration request
 * and on each integration response, row for row as the tables of
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html
 * say. A text payload that has to become binary is base64-decoded; when that fails, API Gateway
 * answers 500 (an API configuration error).
 */
import type { IntegrationResponse } from '../../model'
import { decodeBase64, encodeBase64, latin1, utf8Bytes } from '../base64'
import { firstHeader, firstMediaType, matchBinaryMediaType, mimeOf } from '../headers'
import type { GatewayFailure, RoutedRequest, RunContext } from '../trace'
import { configurationError } from '../trace'

type Handling = IntegrationResponse['contentHandling']

/** Bytes as text: UTF-8 when they are valid UTF-8, else one character per byte. */
export function bytesToText(bytes: readonly number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b < 0xe0
          ? 1
          : b >= 0xe0 && b < 0xf0
            ? 2
            : b >= 0xf0 && b < 0xf5
              ? 3
              : -1
    if (need < 0 || i + need >= bytes.length + (need === 0 ? 1 : 0)) return latin1(bytes)
    let cp = need === 0 ? b : b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return latin1(bytes)
      cp = (cp << 6) | (c & 0x3f)
    }
    if (
      (need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
      (need === 3 && (cp < 0x10000 || cp > 0x10ffff))
    )
      return latin1(bytes)
    out += String.fromCodePoint(cp)
    i += need + 1
  }
  return out
}

/** A failed base64 decode: 500, an API configuration error (AWS's log line is not recorded). */
const DECODE_FAILED = (): GatewayFailure => configurationError()

/** What the integration request's payload becomes (request table). */
export type RequestConversion = {
  /** The body a template sees, or the payload when no template is used. */
  body: string
  /** The request body is binary: its Content-Type matches binaryMediaTypes. */
  binary: boolean
  /** The matched binaryMediaTypes entry. */
  binaryType?: string
  notes: string[]
}

/** The method request body as the integration request sees it, before any template. */
export function convertRequestBody(
  ctx: RunContext,
  routed: RoutedRequest,
  hasTemplate: boolean,
): RequestConversion {
  const integration = ctx.scenario.setup.method.methodIntegration
  const handling = integration.contentHandling
  const contentType = firstHeader(routed.headers, 'content-type')
  const mime = contentType !== undefined ? mimeOf(contentType) : 'application/json'
  const binaryType =
    routed.body !== undefined && contentType !== undefined
      ? matchBinaryMediaType(mime, ctx.scenario.setup.binaryMediaTypes ?? [])
      : undefined
  const raw = routed.body ?? ''
  const notes: string[] = []
  if (binaryType === undefined) {
    if (handling === 'CONVERT_TO_TEXT')
      notes.push('Text body with contentHandling CONVERT_TO_TEXT: passed on as a UTF-8 string.')
    return { body: raw, binary: false, notes }
  }
  // A binary payload reaches templates, or CONVERT_TO_TEXT, as base64 text.
  const asText = hasTemplate || handling === 'CONVERT_TO_TEXT'
  notes.push(
    asText
      ? `${mime} is a binary media type (${binaryType}): the body is base64-encoded for the integration${handling === 'CONVERT_TO_TEXT' ? ' (CONVERT_TO_TEXT)' : ' (a template reads binary data as base64 through $input.body)'}.`
      : `${mime} is a binary media type (${binaryType}): the bytes pass through unchanged${handling === 'CONVERT_TO_BINARY' ? ' (CONVERT_TO_BINARY keeps binary as binary)' : ''}.`,
  )
  return {
    body: asText ? encodeBase64(utf8Bytes(raw)) : raw,
    binary: true,
    binaryType,
    notes,
  }
}

/**
 * CONVERT_TO_BINARY on a text request payload: the payload is base64-decoded into the bytes sent
 * to Lambda. `undefined` when it is not base64 (API Gateway answers 500).
 */
export function convertRequestToBinary(
  ctx: RunContext,
  payload: string,
  conversion: RequestConversion,
): { payload: string; note?: string } | { failure: GatewayFailure; note: string } {
  const handling = ctx.scenario.setup.method.methodIntegration.contentHandling
  if (handling !== 'CONVERT_TO_BINARY' || conversion.binary) return { payload }
  const bytes = decodeBase64(payload)
  if (!bytes)
    return {
      failure: DECODE_FAILED(),
      note: 'contentHandling CONVERT_TO_BINARY: the text payload is not valid base64, so the conversion fails and API Gateway answers 500 (API configuration error).',
    }
  return {
    payload: bytesToText(bytes),
    note: 'contentHandling CONVERT_TO_BINARY: the text payload is base64-decoded into the bytes sent to Lambda.',
  }
}

/** What the integration response payload becomes (response table). */
export type ResponseConversion =
  | { ok: true; text: string; bytes?: number[]; notes: string[] }
  | { ok: false; failure: GatewayFailure; notes: string[] }

/**
 * Converts the Lambda payload for the method response, before any response template, by the
 * first `Accept` media type, `binaryMediaTypes` and the integration response's `contentHandling`.
 */
export function convertResponsePayload(
  ctx: RunContext,
  routed: RoutedRequest,
  payload: string,
  handling: Handling,
): ResponseConversion {
  const types = ctx.scenario.setup.binaryMediaTypes ?? []
  const notes: string[] = []
  if (types.length === 0 && handling === undefined) return { ok: true, text: payload, notes }
  const accept = firstHeader(routed.headers, 'accept')
  const acceptMime = accept === undefined ? '' : firstMediaType(accept)
  const binaryAccept = accept !== undefined && matchBinaryMediaType(acceptMime, types) !== undefined
  // Lambda answers with Content-Type application/json: that is what decides "binary data" here.
  const binaryPayload = matchBinaryMediaType('application/json', types) !== undefined
  const how = handling ?? 'no contentHandling'
  const acceptText = accept === undefined ? 'no Accept header' : `first Accept type ${acceptMime}`
  const toText = handling === 'CONVERT_TO_TEXT' || (handling === undefined && !binaryAccept)
  if (binaryPayload) {
    if (toText) {
      notes.push(
        `The Lambda payload (application/json) matches binaryMediaTypes, so it is binary data; with ${how} and ${acceptText} it is base64-encoded.`,
      )
      return { ok: true, text: encodeBase64(utf8Bytes(payload)), notes }
    }
    notes.push(
      `The Lambda payload (application/json) matches binaryMediaTypes, so it is binary data; with ${how} and ${acceptText} it passes through as binary.`,
    )
    return { ok: true, text: payload, bytes: utf8Bytes(payload), notes }
  }
  if (toText) {
    notes.push(`Text payload, ${how}, ${acceptText}: sent as text.`)
    return { ok: true, text: payload, notes }
  }
  const bytes = decodeBase64(payload)
  if (!bytes) {
    notes.push(
      `Text payload, ${how}, ${acceptText}: API Gateway base64-decodes it, which fails: 500 (API configuration error).`,
    )
    return { ok: false, failure: DECODE_FAILED(), notes }
  }
  notes.push(`Text payload, ${how}, ${acceptText}: base64-decoded into binary bytes.`)
  return { ok: true, text: bytesToText(bytes), bytes, notes }
}

/** The bytes of a converted response as the client's body (Latin-1) plus their base64. */
export function binaryBody(bytes: readonly number[]): { body: string; bodyBase64: string } {
  return { body: latin1(bytes), bodyBase64: encodeBase64([...bytes]) }
}

/**
 * Share links (`app/share/`): encode the state into a URL fragment and decode it back, safely.
 * Pure: the UI passes the fragment in and writes the URL itself.
 */
export {
  CURRENT_SHARE_VERSION,
  MAX_FRAGMENT_LENGTH,
  MAX_JSON_BYTES,
  decodeShareState,
  encodeShareState,
} from './codec'
export { FORBIDDEN_KEYS, findUnsafePart } from './safe-json'
export type {
  DecodedShareState,
  ShareDecodeResult,
  ShareError,
  ShareErrorCode,
  ShareState,
  ShareUi,
} from './types'

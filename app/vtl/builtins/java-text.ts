/**
 * Java's text encodings, reproduced bit for bit: `String.getBytes(UTF_8)` and
 * `new String(bytes, UTF_8)` as JDK 17 does them (lone surrogates become `?`, malformed input
 * becomes U+FFFD with Java's own rules for how many bytes one U+FFFD swallows, which differ
 * from the WHATWG decoder's).
 */

const REPLACEMENT = '\uFFFD'
const QUESTION_MARK = 0x3f

/** Encodes UTF-16 text as UTF-8 bytes the way Java's `getBytes(UTF_8)` does. */
export function encodeUtf8Java(text: string): number[] {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) {
      bytes.push(unit)
    } else if (unit < 0x800) {
      bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f))
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = text.charCodeAt(i + 1)
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00)
        bytes.push(
          0xf0 | (cp >> 18),
          0x80 | ((cp >> 12) & 0x3f),
          0x80 | ((cp >> 6) & 0x3f),
          0x80 | (cp & 0x3f),
        )
        i++
      } else {
        // Java's encoder replaces an unpaired surrogate with '?'.
        bytes.push(QUESTION_MARK)
      }
    } else {
      bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f))
    }
  }
  return bytes
}

const isContinuation = (b: number): boolean => (b & 0xc0) === 0x80

/** Bytes one U+FFFD covers after a bad 3-byte sequence (JDK `malformed3`). */
function malformed3Length(b1: number, b2: number): number {
  return (b1 === 0xe0 && (b2 & 0xe0) === 0x80) || !isContinuation(b2) ? 1 : 2
}

/** Bytes one U+FFFD covers after a bad 4-byte sequence (JDK `malformed4`). */
function malformed4Length(b1: number, b2: number, b3: number): number {
  if (
    b1 > 0xf4 ||
    (b1 === 0xf0 && (b2 < 0x90 || b2 > 0xbf)) ||
    (b1 === 0xf4 && (b2 & 0xf0) !== 0x80) ||
    !isContinuation(b2)
  ) {
    return 1
  }
  return isContinuation(b3) ? 3 : 2
}

/** Decodes UTF-8 bytes (each 0–255) the way JDK 17's `new String(bytes, UTF_8)` does. */
export function decodeUtf8Java(bytes: readonly number[]): string {
  let out = ''
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b1 = bytes[i++] ?? 0
    if (b1 < 0x80) {
      out += String.fromCharCode(b1)
    } else if (b1 >= 0xc2 && b1 <= 0xdf) {
      if (i >= n) {
        out += REPLACEMENT
        break
      }
      const b2 = bytes[i] ?? 0
      if (!isContinuation(b2)) {
        out += REPLACEMENT
      } else {
        out += String.fromCharCode(((b1 & 0x1f) << 6) | (b2 & 0x3f))
        i++
      }
    } else if (b1 >= 0xe0 && b1 <= 0xef) {
      if (i + 1 < n) {
        const b2 = bytes[i] ?? 0
        const b3 = bytes[i + 1] ?? 0
        if ((b1 === 0xe0 && (b2 & 0xe0) === 0x80) || !isContinuation(b2) || !isContinuation(b3)) {
          out += REPLACEMENT
          i += malformed3Length(b1, b2) - 1
        } else {
          const unit = ((b1 & 0x0f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)
          // An encoded surrogate is one malformed 3-byte unit for Java.
          out += unit >= 0xd800 && unit <= 0xdfff ? REPLACEMENT : String.fromCharCode(unit)
          i += 2
        }
        continue
      }
      const b2 = bytes[i]
      out += REPLACEMENT
      if (b2 !== undefined && ((b1 === 0xe0 && (b2 & 0xe0) === 0x80) || !isContinuation(b2))) {
        continue
      }
      break
    } else if (b1 >= 0xf0 && b1 <= 0xf7) {
      if (i + 2 < n) {
        const b2 = bytes[i] ?? 0
        const b3 = bytes[i + 1] ?? 0
        const b4 = bytes[i + 2] ?? 0
        const cp = ((b1 & 0x07) << 18) | ((b2 & 0x3f) << 12) | ((b3 & 0x3f) << 6) | (b4 & 0x3f)
        const bad =
          !isContinuation(b2) || !isContinuation(b3) || !isContinuation(b4) || cp < 0x10000
        if (bad || cp > 0x10ffff) {
          out += REPLACEMENT
          i += malformed4Length(b1, b2, b3) - 1
        } else {
          out += String.fromCodePoint(cp)
          i += 3
        }
        continue
      }
      // Fewer than four bytes left: Java's end-of-input handling.
      const b2 = bytes[i]
      const badSecond =
        b2 !== undefined &&
        ((b1 === 0xf0 && (b2 < 0x90 || b2 > 0xbf)) ||
          (b1 === 0xf4 && (b2 & 0xf0) !== 0x80) ||
          !isContinuation(b2))
      out += REPLACEMENT
      if (b1 > 0xf4 || badSecond) continue
      i++
      const b3 = bytes[i]
      if (b3 !== undefined && !isContinuation(b3)) continue
      break
    } else {
      out += REPLACEMENT
    }
  }
  return out
}

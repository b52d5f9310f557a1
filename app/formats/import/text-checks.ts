/**
 * Checks every text passes before a parser sees it: size, binary content, nesting depth (so no
 * parser recurses 100,000 levels deep) and the signs of a file cut short.
 */
import { ImportFailure } from './common'

/** The largest text the lab reads (characters). Real API definitions are far smaller. */
export const MAX_TEXT_LENGTH = 5 * 1024 * 1024

/** Brackets nested deeper than this are refused before parsing. */
export const MAX_NESTING_DEPTH = 256

function formatSize(length: number): string {
  return length >= 1024 * 1024
    ? `${(length / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.ceil(length / 1024)} KB`
}

/** Refuses texts that are too large, binary, or empty. */
export function checkText(text: string): void {
  if (text.length > MAX_TEXT_LENGTH)
    throw new ImportFailure(
      `The file is too large (${formatSize(text.length)}); the lab reads files up to ${formatSize(MAX_TEXT_LENGTH)}.`,
    )
  if (text.trim() === '') throw new ImportFailure('The file is empty.')
  let odd = 0
  const sample = Math.min(text.length, 64 * 1024)
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) throw new ImportFailure('The file is binary, not text (it contains NUL bytes).')
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) odd++
  }
  if (odd > 8 && odd / sample > 0.01)
    throw new ImportFailure('The file is binary, not text (it is not valid UTF-8 text).')
}

/**
 * The deepest nesting of `[`/`{` outside quoted strings. Exact for JSON; for YAML and HCL it
 * follows flow collections, which are the only way to nest deeply on few lines.
 */
export function measureNesting(text: string, quotes: string): number {
  let depth = 0
  let max = 0
  let quote = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quote) {
      if (ch === '\\' && quote === '"') i++
      else if (ch === quote) quote = ''
      else if (ch === '\n' && quote === "'") quote = ''
      continue
    }
    if (quotes.includes(ch)) quote = ch
    else if (ch === '[' || ch === '{') {
      depth++
      if (depth > max) max = depth
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1)
  }
  return max
}

/** Refuses texts nested deeper than MAX_NESTING_DEPTH. */
export function checkNesting(text: string, quotes: string): void {
  const depth = measureNesting(text, quotes)
  if (depth > MAX_NESTING_DEPTH)
    throw new ImportFailure(
      `The file is nested ${depth} levels deep; the lab reads at most ${MAX_NESTING_DEPTH} levels.`,
    )
}

/**
 * A YAML file cut short usually still parses, into a smaller document. A file whose last line is
 * indented (inside a block) and has no final newline is taken as cut short, not half-imported.
 */
export function checkYamlComplete(text: string): void {
  if (/\n\s*$/.test(text)) return
  const lines = text.split('\n')
  if (lines.length < 4) return
  const last = lines[lines.length - 1] ?? ''
  if (/^\s+\S/.test(last))
    throw new ImportFailure(
      `The file ends inside an indented block without a final newline (line ${lines.length}): it looks cut short. If it is complete, end it with a newline.`,
    )
}

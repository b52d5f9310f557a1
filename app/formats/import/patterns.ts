/**
 * Warnings for strings a file's own quoting has probably changed on the way to API Gateway:
 * backslashes a layer removed (`^[Error].*` that was `^\[Error\].*`), escapes that became control
 * characters (`\b` read as a backspace), and doubled backslashes a layer kept as written.
 */
import type { ImportWarning, StringLayer } from '../types'
import type { ScalarStyle } from './yaml-load'

/** How a string was written: its layer, and for YAML its quoting style. */
export type StringSource = { layer: StringLayer; style?: ScalarStyle }

function describeLayer(source: StringSource): string {
  switch (source.layer) {
    case 'yaml':
    case 'cloudformation':
      if (source.style === 'double') return 'a double-quoted YAML string'
      if (source.style === 'single') return 'a single-quoted YAML string'
      if (source.style === 'block') return 'a YAML block scalar'
      return source.layer === 'cloudformation' ? 'a CloudFormation string' : 'a plain YAML string'
    case 'json':
      return 'a JSON string'
    case 'hcl':
      return 'a quoted HCL string'
    case 'js':
      return 'a JavaScript string'
    case 'shell':
      return 'a shell word'
  }
}

/** Whether this way of writing turns `\[` into `[` (or refuses it). */
function eatsBackslashes(source: StringSource): boolean {
  if (source.layer === 'yaml' || source.layer === 'cloudformation') return source.style === 'double'
  return true
}

function howToWrite(source: StringSource, literal: string): string {
  const escaped = literal.replace(/\\/g, '\\\\')
  if (source.layer === 'yaml' || source.layer === 'cloudformation')
    return source.style === 'double'
      ? `write it in single quotes ('${literal}') or double each backslash ("${escaped}")`
      : `write '${literal}'`
  if (source.layer === 'hcl')
    return `write "${escaped}" (or use a heredoc, which keeps backslashes)`
  if (source.layer === 'json') return `write "${escaped}" in JSON`
  return `write ${escaped}`
}

/** A class like `[Error]` or `[400]` that reads as a word, not as a set of characters. */
const WORD_CLASS = /(^|[^\\])\[([A-Za-z0-9]{3,})\]/g

const CONTROL_NAMES: Record<string, [string, string]> = {
  '\b': ['a backspace (U+0008)', '\\b'],
  '\f': ['a form feed (U+000C)', '\\f'],
  '\t': ['a tab', '\\t'],
  '\n': ['a newline', '\\n'],
  '\r': ['a carriage return', '\\r'],
  '\v': ['a vertical tab', '\\v'],
}

function looksLikeWord(content: string): boolean {
  if (/^\d+$/.test(content)) return true
  if (/^[A-Z][a-z]+$/.test(content)) return true
  return new Set(content).size < content.length
}

/** Warnings about one selection pattern as the file's layer delivered it. */
export function checkPatternLayer(
  pattern: string,
  source: StringSource,
  field: string,
): ImportWarning[] {
  const warnings: ImportWarning[] = []
  const layer = source.layer === 'cloudformation' ? 'yaml' : source.layer
  const where = describeLayer(source)
  for (const m of pattern.matchAll(WORD_CLASS)) {
    const content = m[2] ?? ''
    if (!looksLikeWord(content)) continue
    const literal = `\\[${content}\\]`
    const cause = eatsBackslashes(source)
      ? `${where} reads \\[ as an escape, so a backslash written once is lost`
      : `${where} keeps backslashes, so they were not in the file`
    warnings.push({
      field,
      layer,
      message: `\`[${content}]\` is a character class matching one character, not the text [${content}]: it was probably \`${literal}\`. ${cause.charAt(0).toUpperCase()}${cause.slice(1)}; ${howToWrite(source, literal)}.`,
    })
  }
  for (const ch of new Set(pattern.match(/[\b\f\t\n\r\v]/g) ?? [])) {
    const [name, escape] = CONTROL_NAMES[ch] ?? ['a control character', '']
    warnings.push({
      field,
      layer,
      message: `The pattern contains ${name}: ${where} turned \`${escape}\` into that character. For the regex escape \`${escape}\`, ${howToWrite(source, escape)}.`,
    })
  }
  if (!eatsBackslashes(source) && /\\\\[[\](){}.*+?^$|dDsSwWbB]/.test(pattern)) {
    warnings.push({
      field,
      layer,
      message: `The pattern has a doubled backslash (\`\\\\\`), which matches a literal backslash: ${where} keeps backslashes as written, so \`\\\\[\` was probably meant as \`\\[\`.`,
    })
  }
  return warnings
}

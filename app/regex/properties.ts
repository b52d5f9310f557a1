/**
 * Java's `\p{...}` names (CharPredicates.forProperty / forUnicodeProperty / forPOSIXName and the
 * block and script lookups) mapped to JavaScript `v`-mode class operands. POSIX names are ASCII
 * only unless `(?U)`; `Lu`/`Ll`/`Lt`, `Lower`/`Upper` and the java*Case names widen under `(?i)`.
 */
import type { ClassExpr } from './ast'
import { JAVA_BLOCKS, JAVA_SCRIPTS } from './unicode-tables'

const js = (s: string): ClassExpr => ({ k: 'js', s })
const CASED_LETTER = '[\\p{Lu}\\p{Ll}\\p{Lt}]'
const ANY_CASE = '[\\p{Lowercase}\\p{Uppercase}\\p{Lt}]'

const CATEGORIES = [
  'Cn',
  'Lm',
  'Lo',
  'Mn',
  'Me',
  'Mc',
  'Nd',
  'Nl',
  'No',
  'Zs',
  'Zl',
  'Zp',
  'Cc',
  'Cf',
  'Co',
  'Cs',
  'Pd',
  'Ps',
  'Pe',
  'Pc',
  'Po',
  'Sm',
  'Sc',
  'Sk',
  'So',
  'Pi',
  'Pf',
  'L',
  'M',
  'N',
  'Z',
  'P',
  'S',
]

/** Java `Character.isWhitespace`. */
const JAVA_WHITESPACE = '[[\\p{Z}--[\\u{A0}\\u{2007}\\u{202F}]][\\t-\\r\\u{1C}-\\u{1F}]]'
const IDENTIFIER_IGNORABLE = '[\\u{0}-\\u{8}\\u{E}-\\u{1B}\\u{7F}-\\u{9F}\\p{Cf}]'

/** forProperty: general categories, POSIX (ASCII) classes and java.lang.Character methods. */
function forProperty(name: string, caseIns: boolean): ClassExpr | null {
  if (CATEGORIES.includes(name)) return js(`\\p{${name}}`)
  switch (name) {
    case 'Lu':
    case 'Ll':
    case 'Lt':
      return js(caseIns ? CASED_LETTER : `\\p{${name}}`)
    case 'C':
      // Java's C is Cc|Cf|Co|Cs|Cn, the same as Unicode's C.
      return js('\\p{C}')
    case 'LC':
      return js(CASED_LETTER)
    case 'LD':
      return js('[\\p{L}\\p{Nd}]')
    case 'L1':
      return js('[\\u{0}-\\u{FF}]')
    case 'all':
      return js('[\\s\\S]')
    case 'ASCII':
      return js('[\\u{0}-\\u{7F}]')
    case 'Alnum':
      return js('[0-9A-Za-z]')
    case 'Alpha':
      return js('[A-Za-z]')
    case 'Blank':
      return js('[ \\t]')
    case 'Cntrl':
      return js('[\\u{0}-\\u{1F}\\u{7F}]')
    case 'Digit':
      return js('[0-9]')
    case 'Graph':
      return js('[\\u{21}-\\u{7E}]')
    case 'Lower':
      return js(caseIns ? '[A-Za-z]' : '[a-z]')
    case 'Print':
      return js('[\\u{20}-\\u{7E}]')
    case 'Punct':
      return js('[\\u{21}-\\u{2F}\\u{3A}-\\u{40}\\u{5B}-\\u{60}\\u{7B}-\\u{7E}]')
    case 'Space':
      return js('[ \\t-\\r]')
    case 'Upper':
      return js(caseIns ? '[A-Za-z]' : '[A-Z]')
    case 'XDigit':
      return js('[0-9A-Fa-f]')
    case 'javaLowerCase':
      return js(caseIns ? ANY_CASE : '\\p{Lowercase}')
    case 'javaUpperCase':
      return js(caseIns ? ANY_CASE : '\\p{Uppercase}')
    case 'javaTitleCase':
      return js(caseIns ? ANY_CASE : '\\p{Lt}')
    case 'javaAlphabetic':
      return js('\\p{Alphabetic}')
    case 'javaIdeographic':
      return js('\\p{Ideographic}')
    case 'javaDigit':
      return js('\\p{Nd}')
    case 'javaDefined':
      return js('\\P{Cn}')
    case 'javaLetter':
      return js('\\p{L}')
    case 'javaLetterOrDigit':
      return js('[\\p{L}\\p{Nd}]')
    case 'javaJavaIdentifierStart':
      return js('[\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}]')
    case 'javaJavaIdentifierPart':
      return js(`[\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}\\p{Nd}\\p{Mc}\\p{Mn}${IDENTIFIER_IGNORABLE}]`)
    case 'javaUnicodeIdentifierStart':
      return js('\\p{ID_Start}')
    case 'javaUnicodeIdentifierPart':
      return js(`[\\p{ID_Continue}${IDENTIFIER_IGNORABLE}]`)
    case 'javaIdentifierIgnorable':
      return js(IDENTIFIER_IGNORABLE)
    case 'javaSpaceChar':
      return js('\\p{Z}')
    case 'javaWhitespace':
      return js(JAVA_WHITESPACE)
    case 'javaISOControl':
      return js('[\\u{0}-\\u{1F}\\u{7F}-\\u{9F}]')
    case 'javaMirrored':
      return js('\\p{Bidi_Mirrored}')
  }
  return null
}

/** Java's WHITE_SPACE predicate (used by `(?U)\s` and `\p{IsWhite_Space}`). */
export const UNICODE_WHITE_SPACE = '[\\p{Z}\\t-\\r\\u{85}]'
/** Java's WORD predicate (`(?U)\w`). */
export const UNICODE_WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]'
/**
 * `[^X]` written as a subtraction from every code point. V8 (Node 20, Chrome 11x) mis-compiles a
 * top-level `[^…]` in `v` mode when its quantified group is unrolled: `/^(?:x[^a])+$/v` rejects
 * "x1" and accepts "xa" (the copy is negated twice). The subtraction has no such problem.
 */
export const negatedClass = (operand: string) => `[\\p{Any}--${operand}]`

const GRAPH = negatedClass('[\\p{Z}\\p{Cc}\\p{Cs}\\p{Cn}]')

/** forUnicodeProperty: binary properties after `Is`, matched case-insensitively by Java. */
function forUnicodeProperty(raw: string, caseIns: boolean): ClassExpr | null {
  switch (raw.toUpperCase()) {
    case 'ALPHABETIC':
      return js('\\p{Alphabetic}')
    case 'ASSIGNED':
      return js('\\P{Cn}')
    case 'CONTROL':
      return js('\\p{Cc}')
    case 'HEXDIGIT':
    case 'HEX_DIGIT':
      return js('[\\p{Nd}\\p{Hex_Digit}]')
    case 'IDEOGRAPHIC':
      return js('\\p{Ideographic}')
    case 'JOINCONTROL':
    case 'JOIN_CONTROL':
      return js('\\p{Join_Control}')
    case 'LETTER':
      return js('\\p{L}')
    case 'LOWERCASE':
      return js(caseIns ? ANY_CASE : '\\p{Lowercase}')
    case 'NONCHARACTERCODEPOINT':
    case 'NONCHARACTER_CODE_POINT':
      return js('\\p{Noncharacter_Code_Point}')
    case 'TITLECASE':
      return js(caseIns ? ANY_CASE : '\\p{Lt}')
    case 'PUNCTUATION':
      return js('\\p{P}')
    case 'UPPERCASE':
      return js(caseIns ? ANY_CASE : '\\p{Uppercase}')
    case 'WHITESPACE':
    case 'WHITE_SPACE':
      return js(UNICODE_WHITE_SPACE)
    case 'WORD':
      return js(UNICODE_WORD)
    case 'ALNUM':
      return js('[\\p{Alphabetic}\\p{Nd}]')
    case 'BLANK':
      return js('[\\p{Zs}\\t]')
    case 'GRAPH':
      return js(GRAPH)
    case 'PRINT':
      return js(`[[${GRAPH}\\p{Zs}\\t]--\\p{Cc}]`)
  }
  // JDK 17 also accepts the POSIX names after `Is`, with their Unicode meaning.
  return forPosixName(raw, caseIns)
}

/** forPOSIXName: `(?U)` turns `\p{Alpha}` and friends into their Unicode meaning. */
function forPosixName(raw: string, caseIns: boolean): ClassExpr | null {
  switch (raw.toUpperCase()) {
    case 'ALPHA':
      return js('\\p{Alphabetic}')
    case 'LOWER':
      return js(caseIns ? ANY_CASE : '\\p{Lowercase}')
    case 'UPPER':
      return js(caseIns ? ANY_CASE : '\\p{Uppercase}')
    case 'SPACE':
      return js(UNICODE_WHITE_SPACE)
    case 'PUNCT':
      return js('\\p{P}')
    case 'XDIGIT':
      return js('[\\p{Nd}\\p{Hex_Digit}]')
    case 'ALNUM':
      return js('[\\p{Alphabetic}\\p{Nd}]')
    case 'CNTRL':
      return js('\\p{Cc}')
    case 'DIGIT':
      return js('\\p{Nd}')
    case 'BLANK':
      return js('[\\p{Zs}\\t]')
    case 'GRAPH':
      return js(GRAPH)
    case 'PRINT':
      return js(`[[${GRAPH}\\p{Zs}\\t]--\\p{Cc}]`)
  }
  return null
}

let blockIndex: Map<string, string> | undefined

function forUnicodeBlock(name: string): ClassExpr | null {
  if (!blockIndex) {
    blockIndex = new Map()
    for (const [block, [names]] of Object.entries(JAVA_BLOCKS))
      for (const n of names) blockIndex.set(n, block)
  }
  const block = blockIndex.get(name.toUpperCase())
  const entry = block === undefined ? undefined : JAVA_BLOCKS[block]
  if (!entry) return null
  const r: [number, number][] = []
  for (let i = 0; i + 1 < entry[1].length; i += 2)
    r.push([entry[1][i] as number, entry[1][i + 1] as number])
  return { k: 'ranges', r }
}

function forUnicodeScript(name: string): ClassExpr | null {
  const upper = name.toUpperCase()
  let code = JAVA_SCRIPTS[upper]
  if (code === undefined) {
    const byAlias = Object.entries(JAVA_SCRIPTS).find(([, iso]) => iso === upper)
    code = byAlias?.[1]
  }
  if (!code) return null
  return js(`\\p{Script=${code[0]}${code.slice(1).toLowerCase()}}`)
}

/** Java's `family()` name resolution; `null` means Java rejects the name. */
export function resolveProperty(
  name: string,
  caseIns: boolean,
  unicodeClass: boolean,
): ClassExpr | { error: string } {
  const eq = name.indexOf('=')
  if (eq !== -1) {
    const value = name.slice(eq + 1)
    const key = name.slice(0, eq).toLowerCase()
    let p: ClassExpr | null = null
    if (key === 'sc' || key === 'script') p = forUnicodeScript(value)
    else if (key === 'blk' || key === 'block') p = forUnicodeBlock(value)
    else if (key === 'gc' || key === 'general_category') p = forProperty(value, caseIns)
    return p ?? { error: `Unknown Unicode property {name=<${key}>, value=<${value}>}` }
  }
  let p: ClassExpr | null = null
  if (name.startsWith('In')) p = forUnicodeBlock(name.slice(2))
  else if (name.startsWith('Is')) {
    const short = name.slice(2)
    p = forUnicodeProperty(short, caseIns) ?? forProperty(short, caseIns) ?? forUnicodeScript(short)
  } else {
    if (unicodeClass) p = forPosixName(name, caseIns)
    p ??= forProperty(name, caseIns)
  }
  return p ?? { error: `Unknown character property name {${name}}` }
}

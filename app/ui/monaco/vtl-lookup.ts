/**
 * Pure lookups over the VTL documentation data: which names to complete at the cursor and which
 * entry explains the word under the mouse. The Monaco providers in `vtl-language.ts` only adapt
 * these answers to Monaco's shapes.
 */
import { VTL_DIRECTIVES, VTL_VARIABLES } from './vtl-docs'
import type { VtlDocEntry } from './vtl-docs'

function stageVariable(path: string, doc: string): VtlDocEntry {
  return { path, kind: 'property', signature: `$${path}`, doc }
}

const VARIABLES_BY_PATH = new Map(VTL_VARIABLES.map((entry) => [entry.path, entry]))
const DIRECTIVES_BY_NAME = new Map(VTL_DIRECTIVES.map((entry) => [entry.path, entry]))

/** The documentation of a variable path (`context.stage`) or directive (`#foreach`), if any. */
export function findVtlDoc(path: string): VtlDocEntry | undefined {
  return path.startsWith('#') ? DIRECTIVES_BY_NAME.get(path) : VARIABLES_BY_PATH.get(path)
}

/** A completion request answered: the items, and how many typed characters they replace. */
export type VtlCompletion = {
  /** Characters before the cursor that the chosen item replaces (the partly typed name). */
  replaceLength: number
  items: VtlDocEntry[]
}

/** The last segment of a path: `identity` for `context.identity`. */
export function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1)
}

function childrenOf(parent: string, stageVariables: readonly string[]): VtlDocEntry[] {
  if (parent === 'stageVariables') {
    return stageVariables.map((name) =>
      stageVariable(`stageVariables.${name}`, `The stage variable \`${name}\`.`),
    )
  }
  const prefix = `${parent}.`
  return VTL_VARIABLES.filter(
    (entry) => entry.path.startsWith(prefix) && !entry.path.slice(prefix.length).includes('.'),
  )
}

const NAME = '[A-Za-z][\\w-]*'
/** `$a.b.` / `$!{a.b.c` / `#fore` at the end of the text before the cursor. */
const MEMBER_BEFORE_CURSOR = new RegExp(`\\$!?\\{?(${NAME}(?:\\.${NAME})*)\\.(\\w*)$`)
const PARAMS_MEMBER_BEFORE_CURSOR = /\$!?\{?input\.params\(\s*\)\.(\w*)$/
const LINE_COMMENT_BEFORE_CURSOR = /(?:^|[^\\])##/
const ROOT_BEFORE_CURSOR = new RegExp(`\\$!?\\{?(\\w*)$`)
const DIRECTIVE_BEFORE_CURSOR = /(?:^|[^\\#$\w])#\{?([a-z]*)$/

/**
 * Completion items for the text before the cursor on its line: the members after `$input.`,
 * `$util.`, `$context.…` or `$stageVariables.`, the top-level variables after `$`, and the
 * directives after `#`.
 */
export function completeVtl(
  textBeforeCursor: string,
  stageVariables: readonly string[] = [],
): VtlCompletion | undefined {
  if (LINE_COMMENT_BEFORE_CURSOR.test(textBeforeCursor)) return undefined
  const paramsMember = PARAMS_MEMBER_BEFORE_CURSOR.exec(textBeforeCursor)
  const member = paramsMember ? undefined : MEMBER_BEFORE_CURSOR.exec(textBeforeCursor)
  if (paramsMember || member) {
    const parent = paramsMember ? 'input.params()' : (member?.[1] ?? '')
    const typed = (paramsMember ? paramsMember[1] : member?.[2]) ?? ''
    const items = childrenOf(parent, stageVariables).filter((entry) =>
      lastSegment(entry.path).startsWith(typed),
    )
    return items.length > 0 ? { replaceLength: typed.length, items } : undefined
  }
  const root = ROOT_BEFORE_CURSOR.exec(textBeforeCursor)
  if (root) {
    const typed = root[1] ?? ''
    const items = VTL_VARIABLES.filter(
      (entry) => !entry.path.includes('.') && entry.path.startsWith(typed),
    )
    return items.length > 0 ? { replaceLength: typed.length, items } : undefined
  }
  const directive = DIRECTIVE_BEFORE_CURSOR.exec(textBeforeCursor)
  if (directive) {
    const typed = directive[1] ?? ''
    const items = VTL_DIRECTIVES.filter((entry) => entry.path.slice(1).startsWith(typed))
    return items.length > 0 ? { replaceLength: typed.length, items } : undefined
  }
  return undefined
}

/** A hover answer: the documented entry and the 0-based `[start, end)` columns it covers. */
export type VtlHover = { start: number; end: number; entry: VtlDocEntry }

const REFERENCE = new RegExp(`\\$!?(\\{)?(${NAME}(?:\\.${NAME})*)`, 'g')
const DIRECTIVE = /#\{?([a-z]+)\}?/g

/**
 * The documentation under a 0-based column of a line. Over a reference, the path is cut after
 * the hovered segment, so hovering `identity` in `$context.identity.sourceIp` explains
 * `$context.identity`.
 */
export function hoverVtl(line: string, column: number): VtlHover | undefined {
  for (const match of line.matchAll(DIRECTIVE)) {
    const start = match.index
    const end = start + match[0].length
    if (column < start || column >= end) continue
    const entry = findVtlDoc(`#${match[1] ?? ''}`)
    return entry ? { start, end, entry } : undefined
  }
  for (const match of line.matchAll(REFERENCE)) {
    const path = match[2] ?? ''
    const pathStart = match.index + match[0].length - path.length
    const end = match.index + match[0].length
    if (column < match.index || column >= end) continue
    // Cut the path after the segment under the cursor (the `$` belongs to the first segment).
    const cut = path.indexOf('.', Math.max(0, column - pathStart))
    const hovered = cut === -1 ? path : path.slice(0, cut)
    const entry = findVtlDoc(hovered) ?? stageVariableDoc(hovered)
    return entry ? { start: match.index, end: pathStart + hovered.length, entry } : undefined
  }
  return undefined
}

function stageVariableDoc(path: string): VtlDocEntry | undefined {
  const name = /^stageVariables\.(.+)$/.exec(path)?.[1]
  return name
    ? stageVariable(
        path,
        `The stage variable \`${name}\`; prints nothing when the stage does not define it.`,
      )
    : undefined
}

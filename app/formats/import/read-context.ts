/** How an adapter reads strings: plain, or through CloudFormation's intrinsic functions. */
import type { StringLayer } from '../types'
import type { Notes } from './common'
import { isObject, objectFrom } from './common'
import type { StringSource } from './patterns'
import type { StyleMap } from './yaml-load'
import { styleOf } from './yaml-load'

export type ReadContext = {
  layer: StringLayer
  styles?: StyleMap
  /** A string field's value, resolving what the format can; `undefined` when it is no string. */
  text: (value: unknown, where: string, notes: Notes) => string | undefined
}

/** Strings are strings; numbers and booleans read as their text (YAML `200` for a status). */
export function plainText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

export function plainContext(layer: StringLayer, styles?: StyleMap): ReadContext {
  return { layer, styles, text: (value) => plainText(value) }
}

/** Where the string at `parent[key]` came from, for warnings. */
export function sourceOf(ctx: ReadContext, parent: unknown, key: string): StringSource {
  return { layer: ctx.layer, style: styleOf(ctx.styles, parent, key) }
}

/** A map of strings (templates, parameter mappings); other values are skipped with a note. */
export function readStringMap(
  ctx: ReadContext,
  value: unknown,
  where: string,
  notes: Notes,
): Record<string, string> | undefined {
  if (!isObject(value)) return undefined
  const entries: [string, string][] = []
  for (const [k, v] of Object.entries(value)) {
    const s = ctx.text(v, `${where}.${k}`, notes)
    if (s === undefined) {
      if (v !== null)
        notes.notImported.push({ what: `${k}`, where, reason: 'the value is not a string' })
      continue
    }
    entries.push([k, s])
  }
  return entries.length > 0 ? objectFrom(entries) : undefined
}

/** A map of flags (`method.request.header.X: true`). */
export function readFlagMap(value: unknown): Record<string, boolean> | undefined {
  if (!isObject(value)) return undefined
  const entries = Object.entries(value).map(([k, v]): [string, boolean] => [
    k,
    v === true || v === 'true',
  ])
  return entries.length > 0 ? objectFrom(entries) : undefined
}

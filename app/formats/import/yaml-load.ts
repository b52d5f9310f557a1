/**
 * YAML (1.2, the `yaml` package) to plain values, with CloudFormation's short tags (`!Ref`,
 * `!GetAtt`, `!Sub`, ...) read as their long forms, aliases expanded under a budget (an alias
 * bomb stops with a message), and each string's quoting style remembered so a warning can say
 * what the YAML layer did to a selection pattern.
 */
import type * as YamlApi from 'yaml'
import type { Document, Node as YamlNode } from 'yaml'
import { ImportFailure, setOwn } from './common'

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block'

/** Where a string came from: parent object/array → key → quoting style. */
export type StyleMap = WeakMap<object, Map<string, ScalarStyle>>

export type YamlRead = { value: unknown; styles: StyleMap }

/** At most this many alias expansions per file (the yaml package's default is 100 per value). */
export const MAX_ALIAS_COUNT = 1000
/** At most this many values produced in all, aliases included. */
export const MAX_VALUE_COUNT = 500_000
const MAX_DEPTH = 400

/** CloudFormation's short-form tags and the long form each stands for. */
const SHORT_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!ImportValue': 'Fn::ImportValue',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
}

type YamlModule = typeof YamlApi
let loaded: Promise<YamlModule> | undefined

/** The `yaml` package, loaded on first use. */
export function loadYaml(): Promise<YamlModule> {
  loaded ??= import('yaml')
  return loaded
}

const STYLE: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'block',
  BLOCK_FOLDED: 'block',
}

/** Parses YAML text; problems throw ImportFailure with the line and what to write instead. */
export function readYaml(yaml: YamlModule, text: string): YamlRead {
  const doc: Document = yaml.parseDocument(text, {
    version: '1.2',
    prettyErrors: true,
    uniqueKeys: false,
    strict: false,
  })
  const error = doc.errors[0]
  if (error) throw new ImportFailure(describeYamlError(error.code, error.message))
  const styles: StyleMap = new WeakMap()
  let aliases = 0
  let values = 0

  const toValue = (node: unknown, depth: number): { value: unknown; style?: ScalarStyle } => {
    if (++values > MAX_VALUE_COUNT)
      throw new ImportFailure(
        `The YAML expands to more than ${MAX_VALUE_COUNT} values (an alias bomb?); the lab stops there.`,
      )
    if (depth > MAX_DEPTH)
      throw new ImportFailure(`The YAML is nested more than ${MAX_DEPTH} levels deep.`)
    if (yaml.isAlias(node)) {
      if (++aliases > MAX_ALIAS_COUNT)
        throw new ImportFailure(
          `The YAML uses more than ${MAX_ALIAS_COUNT} alias expansions (an alias bomb?); the lab stops there.`,
        )
      return toValue(node.resolve(doc), depth + 1)
    }
    const tag = (node as { tag?: string }).tag
    const longForm = tag ? SHORT_TAGS[tag] : undefined
    let result: { value: unknown; style?: ScalarStyle }
    if (yaml.isScalar(node)) {
      const v = node.value
      result = {
        value: typeof v === 'bigint' ? Number(v) : v,
        style: typeof v === 'string' ? STYLE[node.type ?? 'PLAIN'] : undefined,
      }
      if (longForm === 'Fn::GetAtt' && typeof v === 'string') {
        const dot = v.indexOf('.')
        result = { value: dot < 0 ? [v] : [v.slice(0, dot), v.slice(dot + 1)] }
      }
    } else if (yaml.isMap(node)) {
      const out: Record<string, unknown> = {}
      const keyStyles = new Map<string, ScalarStyle>()
      for (const pair of node.items) {
        const keyRead = toValue(pair.key, depth + 1)
        const keyNode = keyRead.value
        const key = typeof keyNode === 'string' ? keyNode : JSON.stringify(keyNode ?? null)
        if (keyRead.style) keyStyles.set(keyStyleKey(key), keyRead.style)
        const item = toValue(pair.value, depth + 1)
        setOwn(out, key, item.value)
        if (item.style) keyStyles.set(key, item.style)
      }
      if (keyStyles.size > 0) styles.set(out, keyStyles)
      result = { value: out }
    } else if (yaml.isSeq(node)) {
      const out: unknown[] = []
      const itemStyles = new Map<string, ScalarStyle>()
      node.items.forEach((n, i) => {
        const item = toValue(n, depth + 1)
        out.push(item.value)
        if (item.style) itemStyles.set(String(i), item.style)
      })
      if (itemStyles.size > 0) styles.set(out, itemStyles)
      result = { value: out }
    } else {
      result = { value: null }
    }
    if (!longForm) return result
    const wrapped: Record<string, unknown> = {}
    setOwn(wrapped, longForm, result.value)
    if (result.style) styles.set(wrapped, new Map([[longForm, result.style]]))
    return { value: wrapped }
  }
  const value = toValue(doc.contents as YamlNode | null, 0).value
  return { value, styles }
}

/** The yaml package's message, with the fix for the errors people meet with regexes. */
function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message
  if (code === 'BAD_DQ_ESCAPE')
    return `YAML error: ${first}. In a double-quoted YAML string a backslash starts an escape (\\[ and \\d are invalid): write the pattern in single quotes, or double each backslash.`
  return `YAML error: ${first}`
}

/** Where a map key's own quoting style is kept (keys are patterns in OpenAPI `responses`). */
export function keyStyleKey(key: string): string {
  return `\u0000key:${key}`
}

/** The style of the string at `parent[key]`, when it came from YAML. */
export function styleOf(styles: StyleMap | undefined, parent: unknown, key: string) {
  if (!styles || parent === null || typeof parent !== 'object') return undefined
  return styles.get(parent)?.get(key)
}

/**
 * `$input` and `$util` as host objects: the only methods they offer, with Java's argument
 * rules (a non-String argument means "no such method", which prints as nothing).
 */
import type { Meter } from '../../model'
import type { TemplateInput } from '../index'
import type { HostImpl } from '../java-methods'
import { NO_METHOD, raise } from '../java-methods/support'
import { wrapInteger } from '../operators'
import { JDouble, JHost, JList, JMap, type JValue } from '../values'
import {
  evaluateJsonPathValue,
  formatInputJson,
  parseJsonBodyValue,
  type JsonValue,
} from './jsonpath'
import { parseJsonValue } from './json-value'
import {
  base64Decode,
  base64Encode,
  escapeJavaScript,
  urlDecode,
  urlEncode,
} from './util-functions'

/** Converts the JSONPath module's Java-shaped values to template values. */
export function fromJsonValue(v: JsonValue, asList = false): JValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (Array.isArray(v))
    return new JList(
      v.map((x) => fromJsonValue(x)),
      true,
    )
  if (v instanceof Map) {
    const m = new JMap()
    for (const [k, x] of v) m.put(k, fromJsonValue(x))
    return m
  }
  void asList
  if (v.type === 'Double') return new JDouble(v.value)
  return wrapInteger(BigInt(v.text))
}

function stringMap(r: Record<string, string>): JMap {
  const m = new JMap()
  for (const [k, v] of Object.entries(r)) m.put(k, v)
  return m
}

/** Builds `$input` for one rendering (the body is parsed at most once). */
export function createInput(input: TemplateInput, meter?: Meter): JHost {
  let parsed: JsonValue | undefined
  const root = (): JsonValue => {
    if (parsed !== undefined) return parsed
    const r = parseJsonBodyValue(input.body)
    if (!r.ok) raise('java.lang.IllegalArgumentException', r.message)
    parsed = r.value
    return parsed
  }
  const params = new JMap()
  params.put('path', stringMap(input.params.path))
  params.put('querystring', stringMap(input.params.querystring))
  params.put('header', stringMap(input.params.header))
  const lookup = (path: string) => {
    const r = evaluateJsonPathValue(root(), path, meter)
    if (!r.ok) raise('java.lang.IllegalArgumentException', r.message)
    return r
  }
  const impl: HostImpl = {
    call(name, args) {
      const [x] = args
      if (name === 'params' && args.length === 0) return params
      if (name === 'getBody' && args.length === 0) return input.body
      if (args.length !== 1 || typeof x !== 'string') return NO_METHOD
      if (name === 'params') {
        for (const k of ['path', 'querystring', 'header'] as const) {
          const m = params.get(k)
          if (m instanceof JMap && m.has(x)) return m.get(x) ?? null
        }
        return ''
      }
      if (name === 'path') {
        const r = lookup(x)
        return r.value === undefined ? '' : fromJsonValue(r.value)
      }
      if (name === 'json') return formatInputJson(lookup(x).value)
      return NO_METHOD
    },
    prop(name) {
      return name === 'body' ? input.body : NO_METHOD
    },
  }
  return new JHost('input', impl)
}

function orThrow(r: string | { error: string }): string {
  return typeof r === 'string' ? r : raise('java.lang.IllegalArgumentException', r.error)
}

/** Builds `$util`. */
export function createUtil(): JHost {
  const impl: HostImpl = {
    call(name, args) {
      const [x] = args
      if (args.length !== 1 || typeof x !== 'string') return NO_METHOD
      switch (name) {
        case 'escapeJavaScript':
          return escapeJavaScript(x)
        case 'urlEncode':
          return urlEncode(x)
        case 'urlDecode':
          return orThrow(urlDecode(x))
        case 'base64Encode':
          return base64Encode(x)
        case 'base64Decode':
          return orThrow(base64Decode(x))
        case 'parseJson': {
          const r = parseJsonValue(x)
          if (!r.ok) raise('java.lang.IllegalArgumentException', r.message)
          return fromJsonValue(r.value)
        }
        default:
          return NO_METHOD
      }
    },
    prop: () => NO_METHOD,
  }
  return new JHost('util', impl)
}

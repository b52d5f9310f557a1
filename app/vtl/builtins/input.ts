/**
 * `$input` and `$util` as host objects: the only methods they offer, with Java's argument
 * rules (a non-String argument means "no such method", which prints as nothing).
 */
import type { Meter } from '../../model'
import type { TemplateInput } from '../index'
import type { HostImpl, MethodResult } from '../java-methods'
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

/**
 * `$input.body` of a request without a body reads `{}` in API Gateway (a recorded AWS response:
 * `#set($r = $input.body)$r` renders `{}`, while `$input.body.x` stays empty).
 */
export const EMPTY_BODY_TEXT = '{}'

/** `$input` of one rendering (the body is parsed at most once, the params map built lazily). */
class InputHost implements HostImpl {
  private readonly bodyText: string
  private parsed: JsonValue | undefined
  private parseError: string | undefined
  private paramsMap: JMap | undefined

  constructor(
    private readonly input: TemplateInput,
    private readonly noteUncertain: (message: string) => void,
    private readonly meter: Meter | undefined,
  ) {
    this.bodyText = input.body === '' ? EMPTY_BODY_TEXT : input.body
  }

  private tryRoot(): JsonValue | undefined {
    if (this.parsed !== undefined || this.parseError !== undefined) return this.parsed
    const r = parseJsonBodyValue(this.input.body)
    if (r.ok) this.parsed = r.value
    else this.parseError = r.message
    return this.parsed
  }

  private lookup(path: string) {
    const doc = this.tryRoot()
    if (doc === undefined) raise('java.lang.IllegalArgumentException', this.parseError ?? '')
    const r = evaluateJsonPathValue(doc, path, this.meter)
    if (!r.ok) raise('java.lang.IllegalArgumentException', r.message)
    return r
  }

  private params(): JMap {
    if (this.paramsMap) return this.paramsMap
    const params = new JMap()
    params.put('path', stringMap(this.input.params.path))
    params.put('querystring', stringMap(this.input.params.querystring))
    params.put('header', stringMap(this.input.params.header))
    return (this.paramsMap = params)
  }

  call(name: string, args: JValue[]): MethodResult {
    const [x] = args
    if (name === 'params' && args.length === 0) return this.params()
    if (name === 'getBody' && args.length === 0) return this.bodyText
    if (args.length !== 1 || typeof x !== 'string') return NO_METHOD
    if (name === 'params') {
      const params = this.params()
      for (const k of ['path', 'querystring', 'header'] as const) {
        const m = params.get(k)
        if (m instanceof JMap && m.has(x)) return m.get(x) ?? null
      }
      return ''
    }
    if (name === 'path') {
      // Reported for AWS (serverless-offline#521, whose form-urlencoded template relies on
      // it), not recorded: `$input.path('$')` of a body that is not JSON is the raw text.
      if (x.trim() === '$' && this.tryRoot() === undefined) {
        this.noteUncertain(
          "$input.path('$') of a body that is not JSON gives the raw text here, as reported for AWS (not recorded).",
        )
        return this.input.body
      }
      const r = this.lookup(x)
      return r.value === undefined ? '' : fromJsonValue(r.value)
    }
    if (name === 'json') return formatInputJson(this.lookup(x).value)
    return NO_METHOD
  }

  prop(name: string): MethodResult {
    return name === 'body' ? this.bodyText : NO_METHOD
  }
}

function ignoreNote(): void {}

/**
 * Builds `$input` for one rendering. `noteUncertain` is told when an answer models behaviour
 * that AWS has not been recorded doing.
 */
export function createInput(
  input: TemplateInput,
  noteUncertain: (message: string) => void = ignoreNote,
  meter?: Meter,
): JHost {
  return new JHost('input', new InputHost(input, noteUncertain, meter))
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

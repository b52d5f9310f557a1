/**
 * `$context.responseOverride` / `$context.requestOverride`: holders a template writes overrides
 * into (`#set($context.responseOverride.status = 400)`, `.header.Name`, `.querystring.name`,
 * `.path.name`), which API Gateway applies after rendering
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html).
 *
 * Reading them back is not documented. The Velocity 1.7 oracle has no such holders, so every
 * read gives the null-turned-"" value: the holder and anything under it print as nothing and
 * behave like "" in methods and comparisons. We do the same (uncertain for AWS).
 *
 * An indexed assignment (`#set($context.requestOverride.querystring[$name] = 'v')`) is ignored
 * by plain Velocity 1.7, but LocalStack's tests report that it takes effect on AWS; we apply it
 * (uncertain) and say so in a diagnostic.
 */
import type { HostImpl, MethodResult } from '../java-methods'
import { callStringMethod } from '../java-methods/string'
import { JHost, JMap, type JValue } from '../values'

/** One override holder: assigned values, and child holders such as `header`. */
export class OverrideHolder implements HostImpl {
  readonly values = new JMap()
  readonly host: JHost = new JHost('override', this)
  private readonly children = new Map<string, OverrideHolder>()

  constructor(childNames: readonly string[]) {
    for (const name of childNames) this.children.set(name, new OverrideHolder([]))
  }

  /** Reads behave like the empty string. */
  call(name: string, args: JValue[]): MethodResult {
    return callStringMethod('', name, args)
  }

  prop(name: string): MethodResult {
    return this.children.get(name)?.host ?? ''
  }

  render(): string {
    return ''
  }

  /** The child holder of that name (`header`, `querystring`, `path`), if this one has it. */
  child(name: string): OverrideHolder | undefined {
    return this.children.get(name)
  }

  /** `#set(holder.key = value)` / `#set(holder[key] = value)`; false for a child holder's name. */
  assign(key: JValue, value: JValue): boolean {
    if (typeof key === 'string' && this.children.has(key)) return false
    this.values.put(key, value)
    return true
  }
}

/** The holder behind a template value, when it is one. */
export function overrideHolderOf(v: JValue): OverrideHolder | undefined {
  return v instanceof JHost && v.kind === 'override' ? (v.data as OverrideHolder) : undefined
}

/**
 * The peer we compare our VTL renderer with: velocityjs, given `$input`, `$util`, `$context`
 * and `$stageVariables` as JavaScript objects — the way JavaScript API Gateway emulators wire
 * it up. Written here from the API Gateway documentation, not copied from any emulator.
 */
import { render } from 'velocityjs'
import { vtlOracleContext } from '../../app/vtl'

/** The inputs of one oracle line. */
export type VtlInputs = {
  template: string
  body?: unknown
  params?: {
    path?: Record<string, string>
    querystring?: Record<string, string>
    header?: Record<string, string>
  }
  context?: Record<string, unknown>
  stageVariables?: Record<string, string>
}

/** The default context with one level of the line's context merged over it, like the oracle. */
export function mergeContext(given: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = vtlOracleContext()
  for (const [k, v] of Object.entries(given)) {
    const old = out[k]
    const isObj = (x: unknown): x is Record<string, unknown> =>
      typeof x === 'object' && x !== null && !Array.isArray(x)
    out[k] = isObj(old) && isObj(v) ? { ...old, ...v } : v
  }
  return out
}

/** The body as text, the way the oracle passes it (a non-string is JSON-encoded). */
export const bodyText = (body: unknown): string =>
  body === undefined || body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body)

/** A JSONPath subset: `$`, `.key`, `['key']`, `[n]`, `[*]`, `.*`. */
function jsonPath(root: unknown, path: string): unknown {
  const steps = path.replace(/^\$/, '').match(/\.\*|\.[^.[]+|\[[^\]]*\]/g) ?? []
  let nodes: unknown[] = [root]
  let many = false
  for (const step of steps) {
    const next: unknown[] = []
    const key = step.startsWith('.') ? step.slice(1) : step.slice(1, -1).replace(/^['"]|['"]$/g, '')
    for (const n of nodes) {
      if (key === '*') {
        many = true
        if (n && typeof n === 'object') next.push(...Object.values(n))
      } else if (Array.isArray(n) && /^-?\d+$/.test(key)) {
        const i = Number(key)
        const v = n[i < 0 ? n.length + i : i]
        if (v !== undefined) next.push(v)
      } else if (n && typeof n === 'object' && Object.hasOwn(n, key)) {
        next.push((n as Record<string, unknown>)[key])
      }
    }
    nodes = next
  }
  return many ? nodes : nodes.length > 0 ? nodes[0] : ''
}

function createInput(body: string, params: Required<NonNullable<VtlInputs['params']>>) {
  const parsed = (): unknown => (body.trim() === '' ? {} : JSON.parse(body))
  return {
    body,
    json: (path: string) => JSON.stringify(jsonPath(parsed(), path)),
    path: (path: string) => jsonPath(parsed(), path),
    params: (name?: string) =>
      name === undefined
        ? params
        : (params.path[name] ?? params.querystring[name] ?? params.header[name] ?? ''),
  }
}

const util = {
  escapeJavaScript: (s: string) => JSON.stringify(String(s)).slice(1, -1).replace(/'/g, "\\'"),
  parseJson: (s: string) => JSON.parse(s),
  urlEncode: (s: string) => encodeURIComponent(s),
  urlDecode: (s: string) => decodeURIComponent(s),
  base64Encode: (s: string) => Buffer.from(String(s)).toString('base64'),
  base64Decode: (s: string) => Buffer.from(String(s), 'base64').toString(),
}

/** The velocityjs context (`$input`, `$util`, `$context`, `$stageVariables`) of one line. */
export function velocityjsContext(line: VtlInputs): Record<string, unknown> {
  const params = {
    path: line.params?.path ?? {},
    querystring: line.params?.querystring ?? {},
    header: line.params?.header ?? {},
  }
  return {
    input: createInput(bodyText(line.body), params),
    util,
    context: mergeContext(line.context),
    stageVariables: { ...line.stageVariables },
  }
}

/** Renders `template` with velocityjs in a context built by `velocityjsContext`. */
export function renderVelocityjs(template: string, context: Record<string, unknown>): string {
  return render(template, context, {}, { escape: false })
}

/** Renders one oracle line with velocityjs. Throws when velocityjs throws. */
export function renderWithVelocityjs(line: VtlInputs): string {
  return renderVelocityjs(line.template, velocityjsContext(line))
}

/**
 * Helpers every exporter shares: the Lambda invocation URI split, the resource path's segments,
 * stable ordering of maps, and the checks that say what a text format cannot carry.
 */
import type { Setup } from '../../model'

/** API Gateway's Lambda invocation URI: `arn:<p>:apigateway:<region>:lambda:path/2015-03-31/functions/<fn>/invocations`. */
const LAMBDA_URI =
  /^arn:(aws[a-z-]*):apigateway:([a-z0-9-]+):lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/s

export type LambdaUri = {
  /** Text before the function ARN, e.g. `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/`. */
  prefix: string
  functionArn: string
  suffix: '/invocations'
}

/** Splits a Lambda invocation URI around the function ARN; `undefined` for any other URI. */
export function splitLambdaUri(uri: string | undefined): LambdaUri | undefined {
  if (uri === undefined) return undefined
  const m = LAMBDA_URI.exec(uri)
  if (!m) return undefined
  const functionArn = m[3] ?? ''
  // A function ARN with `${` would be read back as a substitution: keep such URIs literal.
  if (functionArn.includes('${') || functionArn.includes('%{')) return undefined
  return {
    prefix: `arn:${m[1]}:apigateway:${m[2]}:lambda:path/2015-03-31/functions/`,
    functionArn,
    suffix: '/invocations',
  }
}

/** Path segments of a resource path: `/pets/{id}` → `['pets', '{id}']`; `/` → `[]`. */
export function splitResourcePath(resourcePath: string): string[] {
  return resourcePath.split('/').filter((s) => s !== '')
}

/** Entries of an optional map in insertion order (JSON order), never touching prototypes. */
export function entriesOf<T>(map: Record<string, T> | undefined): [string, T][] {
  return map ? Object.entries(map) : []
}

/** An object with the given entries (one implementation, shared with the importers). */
export { objectFrom } from '../import/common'

/** True when the map has at least one entry. */
export function hasEntries(map: Record<string, unknown> | undefined): boolean {
  return map !== undefined && Object.keys(map).length > 0
}

/** A lone UTF-16 surrogate: not a Unicode character, so UTF-8 text files cannot carry it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Every string in the setup (keys and values), with a dotted path for messages. */
export function* walkStrings(value: unknown, path = 'setup'): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [path, value]
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* walkStrings(value[i], `${path}.${i}`)
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield [`${path} (key)`, k]
      yield* walkStrings(v, `${path}.${k}`)
    }
  }
}

/** Fields whose text a UTF-8 file cannot hold (lone surrogates), and, if asked, NUL characters. */
export function checkTextLimits(setup: Setup, options: { nul?: boolean } = {}): string[] {
  const out: string[] = []
  for (const [path, s] of walkStrings(setup)) {
    if (LONE_SURROGATE.test(s))
      out.push(`${path}: a lone UTF-16 surrogate is not valid Unicode text`)
    if (options.nul && s.includes('\u0000')) {
      out.push(`${path}: a NUL character cannot be passed as a command-line argument`)
    }
  }
  return out
}

/** Parts of a scenario that describe one test call, not a deployment. */
export const NOT_DEPLOYMENT = [
  'request (the client request is a test input, not part of a deployment)',
  'lambda (the function outcome is simulated; the function itself is referenced, not described)',
]

/** Map keys CloudFormation reads as an intrinsic function when they are a map's only key. */
function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')
}

/**
 * Maps of the setup (templates, parameters, stage variables) whose only key CloudFormation
 * would take for an intrinsic function, e.g. a request template for the content type `Ref`.
 */
export function checkIntrinsicLookalikes(value: unknown, path = 'setup'): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return []
  const keys = Object.keys(value)
  const out: string[] = []
  if (keys.length === 1 && isIntrinsicKey(keys[0] ?? '')) {
    out.push(`${path}: its only key ${keys[0]} reads as a CloudFormation intrinsic function`)
  }
  for (const [k, v] of Object.entries(value))
    out.push(...checkIntrinsicLookalikes(v, `${path}.${k}`))
  return out
}

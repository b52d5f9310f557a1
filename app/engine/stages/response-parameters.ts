/**
 * Method response header mappings of a custom integration response (from static values, the
 * integration response's headers or its JSON body).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
import type { Diagnostic, Json, MethodResponse } from '../../model'
import { formatEditorId } from '../../model'
import { REMAPPED_RESPONSE_HEADERS, SUPPRESSED_RESPONSE_HEADERS } from '../defaults'
import { lastHeader } from '../headers'
import type { HeaderPair } from '../headers'
import { tryParseJson } from '../json-text'
import type { InvokeResult, RunContext } from '../trace'
import { diagnostic } from '../trace'

type Invoked = Extract<InvokeResult, { kind: 'response' }>

/** Splits `a.b[0]['c d']` into steps. */
export function parsePathSteps(path: string): (string | number)[] {
  const steps: (string | number)[] = []
  const re = /([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/g
  let m: RegExpExecArray | null
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) steps.push(m[1])
    else if (m[2] !== undefined) steps.push(Number(m[2]))
    else steps.push(m[3] ?? m[4] ?? '')
  }
  return steps
}

/**
 * Walks a JSON path. A string met on the way is parsed as JSON: API Gateway deserialises a
 * Lambda error's body for header mappings (`integration.response.body.errorMessage.httpStatus`).
 */
export function walkJson(root: Json, steps: readonly (string | number)[]): Json | undefined {
  let current: Json | undefined = root
  for (const step of steps) {
    if (typeof current === 'string') current = tryParseJson(current)?.value
    if (current === null || current === undefined || typeof current !== 'object') return undefined
    current = Array.isArray(current)
      ? typeof step === 'number'
        ? current[step]
        : undefined
      : (current as { [k: string]: Json })[String(step)]
  }
  return current
}

/** A mapped value as header text: objects are emitted as JSON. */
function asText(value: Json | undefined): string | undefined {
  if (value === undefined || value === null) return undefined
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Resolves one integration-response mapping expression. */
export function resolveResponseSource(
  ctx: RunContext,
  invoke: Invoked,
  source: string,
  context: { [key: string]: Json },
): string | undefined {
  if (source.length >= 2 && source.startsWith("'") && source.endsWith("'"))
    return source.slice(1, -1)
  let m = /^integration\.response\.header\.(.+)$/.exec(source)
  if (m) return lastHeader(invoke.responseHeaders, m[1]!)
  m = /^integration\.response\.multivalueheader\.(.+)$/.exec(source)
  if (m) {
    const lower = m[1]!.toLowerCase()
    const values = invoke.responseHeaders
      .filter(([n]) => n.toLowerCase() === lower)
      .map(([, v]) => v)
    return values.length ? values.join(',') : undefined
  }
  if (source === 'integration.response.body') return invoke.payloadText
  m = /^integration\.response\.body\.(.+)$/.exec(source)
  if (m) {
    const parsed = tryParseJson(invoke.payloadText)
    return parsed
      ? asText(walkJson(parsed.value, parsePathSteps(m[1]!.replace(/^\$\.?/, ''))))
      : undefined
  }
  m = /^stageVariables\.(.+)$/.exec(source)
  if (m) return ctx.scenario.setup.stageVariables?.[m[1]!]
  m = /^context\.(.+)$/.exec(source)
  if (m) return asText(walkJson(context, parsePathSteps(m[1]!)))
  return undefined
}

/** The mapped headers, in mapping order, with AWS's renaming applied. */
export function mapResponseParameters(
  ctx: RunContext,
  invoke: Invoked,
  mappings: Record<string, string> | undefined,
  methodResponse: MethodResponse | undefined,
  key: string,
  context: { [key: string]: Json },
): { headers: HeaderPair[]; notes: string[]; diagnostics: Diagnostic[] } {
  const headers: HeaderPair[] = []
  const notes: string[] = []
  const diagnostics: Diagnostic[] = []
  if (!mappings || typeof mappings !== 'object') return { headers, notes, diagnostics }
  const declared = Object.keys(methodResponse?.responseParameters ?? {}).map((k) => k.toLowerCase())
  for (const target of Object.keys(mappings)) {
    const source = String(mappings[target])
    const editor = formatEditorId({ kind: 'response-parameter', status: key, target })
    const m = /^method\.response\.header\.(.+)$/.exec(target)
    if (!m) {
      diagnostics.push(
        diagnostic(
          editor,
          'error',
          'mapping.target',
          `${target} is not a method.response.header.<Name> target.`,
        ),
      )
      continue
    }
    const name = m[1]!
    if (!declared.includes(target.toLowerCase())) {
      notes.push(
        `${target} is not declared on method response ${key}: AWS rejects such a mapping when it is saved; ignored here.`,
      )
      diagnostics.push(
        diagnostic(
          editor,
          'error',
          'mapping.undeclared',
          `Header ${name} is not declared on method response ${key}.`,
          `Add "${target}" to the method response's responseParameters.`,
        ),
      )
      continue
    }
    const value = resolveResponseSource(ctx, invoke, source, context)
    if (value === undefined) {
      notes.push(`${source} has no value: header ${name} is not set.`)
      continue
    }
    const lower = name.toLowerCase()
    if (SUPPRESSED_RESPONSE_HEADERS.has(lower)) {
      notes.push(`Mapped header ${name} is not sent (API Gateway drops or replaces it).`)
    } else if (REMAPPED_RESPONSE_HEADERS.has(lower)) {
      headers.push(['x-amzn-Remapped-' + name, value])
      notes.push(`Header ${name} is sent as x-amzn-Remapped-${name}.`)
    } else {
      headers.push([name, value])
      notes.push(`${name} ← ${source}.`)
    }
  }
  return { headers, notes, diagnostics }
}

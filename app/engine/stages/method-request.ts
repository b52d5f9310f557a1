/**
 * Stage 1: route the client request to the method (path rules as the proxy event shows them; an
 * unmatched route is a MISSING_AUTHENTICATION_TOKEN 403).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
import { DROPPED_REQUEST_HEADERS } from '../defaults'
import { flattenHeaders, formatJavaMap } from '../headers'
import type { HeaderPair } from '../headers'
import type { RoutedRequest, RunContext, StageResult } from '../trace'
import { diagnostic, headersJson, traceEntry } from '../trace'

/** Form-decodes one query-string component: `+` is a space, `%XX` bytes are UTF-8. */
export function formDecode(text: string): string {
  const spaced = text.replace(/\+/g, ' ')
  if (!spaced.includes('%')) return spaced
  try {
    return decodeURIComponent(spaced)
  } catch {
    // A stray `%` stays as typed; decode only the well-formed runs.
    return spaced.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run
      }
    })
  }
}

/** Splits a raw query string into decoded name/value pairs, in order. */
export function parseQuery(query: string | undefined): [string, string][] {
  const pairs: [string, string][] = []
  if (typeof query !== 'string' || query === '') return pairs
  for (const part of query.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const name = formDecode(eq >= 0 ? part.slice(0, eq) : part)
    const value = eq >= 0 ? formDecode(part.slice(eq + 1)) : ''
    pairs.push([name, value])
  }
  return pairs
}

/**
 * Matches a request path against a resource path. Returns the path parameters, or undefined.
 * A trailing slash is ignored and never part of a `{proxy+}` value (`proxy-event-*` cases).
 */
export function matchResourcePath(
  resourcePath: string,
  path: string,
): Record<string, string> | undefined {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
  const wanted = resourcePath === '/' ? [] : resourcePath.split('/').slice(1)
  const given = trimmed === '/' || trimmed === '' ? [] : trimmed.split('/').slice(1)
  const params: Record<string, string> = {}
  for (let i = 0; i < wanted.length; i++) {
    const seg = wanted[i]!
    const greedy = /^\{([^{}]+)\+\}$/.exec(seg)
    if (greedy && i === wanted.length - 1) {
      const rest = given.slice(i).join('/')
      if (rest === '') return undefined
      params[greedy[1]!] = rest
      return params
    }
    const actual = given[i]
    if (actual === undefined) return undefined
    const named = /^\{([^{}+]+)\}$/.exec(seg)
    if (named) {
      if (actual === '') return undefined
      params[named[1]!] = actual
    } else if (seg !== actual) return undefined
  }
  return given.length === wanted.length ? params : undefined
}

/** Names of required `method.request.*` parameters the request does not carry. */
export function missingRequiredParameters(
  required: Record<string, boolean> | undefined,
  routed: RoutedRequest,
): string[] {
  const missing: string[] = []
  for (const key of Object.keys(required ?? {})) {
    if (required?.[key] !== true) continue
    const m =
      /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/.exec(
        key,
      )
    if (!m) continue
    const name = m[2]!
    const present =
      m[1] === 'path'
        ? name in routed.pathParams
        : m[1]!.endsWith('querystring')
          ? name in routed.querySingle
          : routed.headers.some(([n]) => n.toLowerCase() === name.toLowerCase())
    if (!present) missing.push(name)
  }
  return missing
}

/** Routes the request; an unmatched path or verb is MISSING_AUTHENTICATION_TOKEN (403). */
export function routeMethodRequest(ctx: RunContext): StageResult<RoutedRequest> {
  const { request, setup } = ctx.scenario
  const method = setup.method
  const typedPath = typeof request.path === 'string' && request.path !== '' ? request.path : '/'
  // A path typed with its query (`/x?a=1`) is split the way the URL would be.
  const qIndex = typedPath.indexOf('?')
  const rawPath = qIndex >= 0 ? typedPath.slice(0, qIndex) || '/' : typedPath
  const rawQuery = qIndex >= 0 && !request.query ? typedPath.slice(qIndex + 1) : request.query
  const slashed = rawPath.startsWith('/') ? rawPath : '/' + rawPath
  // `//x` right after the stage is collapsed for routing and the event's `path`; inner `//` stays.
  const path = slashed.replace(/^\/{2,}/, '/')
  const httpMethod = String(request.method ?? 'GET')
  const resourcePath = String(method.resourcePath ?? '/')
  const params = matchResourcePath(resourcePath, path)
  const verbOk =
    method.httpMethod === 'ANY' ||
    String(method.httpMethod).toUpperCase() === httpMethod.toUpperCase()
  const input = { method: httpMethod, path: rawPath, query: request.query ?? '' }
  if (!params || !verbOk) {
    const why = !params
      ? `path ${path} does not match the resource ${resourcePath}`
      : `the method is ${method.httpMethod}, not ${httpMethod}`
    return {
      output: undefined,
      failure: {
        type: 'MISSING_AUTHENTICATION_TOKEN',
        status: 403,
        message: 'Missing Authentication Token',
        literalBody: false,
      },
      trace: traceEntry('method-request', 'failed', `No method matches ${httpMethod} ${path}`, {
        input,
        notes: [
          `Routing failed: ${why}.`,
          'API Gateway answers an unknown resource or verb with MISSING_AUTHENTICATION_TOKEN (403), not 404.',
        ],
        diagnostics: [
          diagnostic(
            'request.path',
            'info',
            'route.no-match',
            `${httpMethod} ${path} matches no method (${method.httpMethod} ${resourcePath}).`,
          ),
        ],
      }),
    }
  }

  const querySingle: Record<string, string> = {}
  const queryMulti: Record<string, string[]> = {}
  const queryPairs = parseQuery(rawQuery)
  for (const [name, value] of queryPairs) {
    querySingle[name] = value
    ;(queryMulti[name] ??= []).push(value)
  }
  const headers = flattenHeaders(request.headers)
  const forwardedHeaders: HeaderPair[] = headers.filter(
    ([n]) => !DROPPED_REQUEST_HEADERS.has(n.toLowerCase()),
  )
  const body = typeof request.body === 'string' && request.body !== '' ? request.body : undefined
  const routed: RoutedRequest = {
    httpMethod,
    resourcePath,
    path,
    stagePath: '/' + ctx.stage + rawPath,
    pathParams: params,
    querySingle,
    queryMulti,
    hasQuery: queryPairs.length > 0,
    headers,
    forwardedHeaders,
    body,
  }

  const log = ctx.log
  log.add(`HTTP Method: ${httpMethod}, Resource Path: ${path}`)
  log.value('Method request path', formatJavaMap(Object.entries(params)))
  log.value('Method request query string', formatJavaMap(Object.entries(querySingle)))
  log.value('Method request headers', formatJavaMap(headers))
  log.value('Method request body before transformations', body ?? '')

  const missing = missingRequiredParameters(method.requestParameters, routed)
  if (method.requestValidatorId && missing.length > 0) {
    return {
      output: routed,
      failure: {
        type: 'BAD_REQUEST_PARAMETERS',
        status: 400,
        message: `Missing required request parameters: [${missing.join(', ')}]`,
        literalBody: false,
      },
      trace: traceEntry('method-request', 'failed', 'Required request parameters missing: 400', {
        input,
        notes: [
          `The method has a request validator and requires ${missing.join(', ')}, which the request lacks.`,
          'Assumed: the validator checks request parameters (validators are not part of the scenario).',
        ],
      }),
    }
  }

  const notes = [`${httpMethod} ${path} matched ${method.httpMethod} ${resourcePath}.`]
  if (missing.length > 0)
    notes.push(
      `Required parameter(s) ${missing.join(', ')} are missing, but without a request validator API Gateway does not check them.`,
    )
  if (path !== slashed) notes.push('The `//` right after the stage is collapsed for routing.')
  const dropped = headers.length - forwardedHeaders.length
  if (dropped > 0)
    notes.push(
      `${dropped} hop-by-hop header(s) (Connection, Content-Length, Expect, TE, ...) are not forwarded to Lambda.`,
    )
  return {
    output: routed,
    trace: traceEntry('method-request', 'ok', `${httpMethod} ${resourcePath}`, {
      input,
      output: {
        path,
        pathParameters: params,
        queryStringParameters: querySingle,
        headers: headersJson(headers),
      },
      notes,
    }),
  }
}

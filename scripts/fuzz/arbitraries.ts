/**
 * fast-check generators for the lab's inputs: scenarios, mapping templates, selection patterns
 * and payloads. They mix realistic shapes (what people paste) with hostile text (script tags,
 * prototype keys, lone surrogates, line terminators Java and JavaScript disagree on).
 */
import fc from 'fast-check'
import type {
  GatewayResponse,
  IntegrationResponse,
  Json,
  LambdaOutcome,
  Scenario,
} from '../../app/model'
import { INVOKE_FAILURES } from '../../app/engine'

/** Strings that probe escaping, prototypes and Unicode handling. */
export const HOSTILE_STRINGS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '${7*7}',
  '$class',
  '$input.getClass().forName("java.lang.Runtime")',
  '\u0000',
  '\ud800',
  '\udc00x',
  '\u2028\u2029\u0085',
  '\r\n',
  '😀',
  'é',
  '%00%2F%zz',
  '{"a":',
  '[[[[[[[[',
] as const

/** Short text from a small alphabet plus the hostile strings, so collisions are likely. */
export const text = (maxLength = 24): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  )

/** Object keys, prototype-pollution names included. */
export const key = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString') },
  )

/** Record with arbitrary (possibly hostile) keys. Built with defineProperty-free literals. */
export const dict = <T>(value: fc.Arbitrary<T>, maxKeys = 4): fc.Arbitrary<Record<string, T>> =>
  fc.dictionary(key(), value, { maxKeys, noNullPrototype: false })

/** Any JSON value, with hostile keys. */
export const json = (): fc.Arbitrary<Json> =>
  fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      text(),
      fc.array(tie('value'), { maxLength: 4 }),
      dict(tie('value')),
    ),
  })).value

const STATUS = fc.constantFrom('200', '201', '204', '301', '400', '403', '404', '500', '502', '99')
const CONTENT_TYPES = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/xml',
  'text/html',
  '*/*',
)
const METHODS = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'ANY', 'PATCH', 'get', '')
const RESOURCE_PATHS = fc.constantFrom('/', '/lambda', '/pets/{id}', '/{proxy+}', '/a/{b}/c', '')

/** VTL-ish templates: realistic snippets, joined, plus raw random text. */
export const template = (): fc.Arbitrary<string> => {
  const pieces = fc.constantFrom(
    '$input.body',
    "$input.json('$')",
    "$input.path('$.errorMessage')",
    "$input.params('id')",
    '$input.params()',
    '$context.requestId',
    '$context.error.message',
    '$stageVariables.name',
    '$util.escapeJavaScript($input.body)',
    '$util.urlEncode($input.body)',
    '$util.base64Encode($input.body)',
    "$util.parseJson($input.body).get('a')",
    '#set($x = "a")$x.length()',
    '#set($m = {"k": 1})$m.keySet()',
    '#foreach($i in [1..3])$i#end',
    '#foreach($i in [1..100000000])x#end',
    '#if($input.body == "")empty#{else}full#end',
    '#macro(m $a)[$a]#end#m(1)',
    '#foreach( $i in [1,2] )$i#end',
    "#foreach($i in $input.path('$')\t)$i#end",
    '#define( $loop )L#end$loop',
    '#macro( m $a )[$a]#end#m( 1 )#m(2\n)',
    '#if( $x )a#elseif( $y\n)b#{else}c#end',
    '#set( $a = 1 )$a',
    '#macro(r)#r()#end#r()',
    '$context.responseOverride.status',
    '#set($context.responseOverride.status = 418)',
    '#set($context.responseOverride.header.X-A = "v")',
    '$input.getClass()',
    '$x.constructor.constructor("return this")()',
    '#set($a = $a + $a)',
    '#end',
    '#if(',
    '${',
    '##',
    '#*',
    '"',
    '\n',
  )
  return fc.oneof(
    { weight: 3, arbitrary: fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')) },
    { weight: 1, arbitrary: text(40) },
  )
}

/** Blanks Velocity accepts between directive arguments and before their closing `)`. */
const BLANK = fc.constantFrom(' ', '\t', '\n', '  ', ' \n', '\r\n', '\t ')

/**
 * Well-formed templates built from directive shapes with slots inside their argument lists.
 * `tight` fills every slot with its minimal text (nothing, or one space where a separator is
 * needed); `spaced` fills them with random blanks. Velocity gives both the same meaning.
 */
export const spacedTemplate = (): fc.Arbitrary<{ tight: string; spaced: string }> => {
  // `_` is an optional blank, `+` a required one.
  const shapes = fc.constantFrom(
    '#foreach(_$i+in+[1, 2]_)[$i]#end',
    '#foreach(_$i+in+[1_.._3]_)$i#end',
    '#foreach(_$k+in+$input.params().keySet()_)$k;#end',
    '#set(_$a_=_[1, 2]_)$a#set(_$b_=_{"k":_1}_)$b.k',
    '#if(_true_)T#elseif(_false_)F#end#if(_!false_)N#{else}Y#end',
    '#define(_$d_)D$x#end#set(_$x = 1_)$d',
    '#macro(_m+$a+$b_)[$a|$b]#end#m(_1+"two"_)#{m}(_[3]+4_)',
    '#macro(_w+$a_)<$bodyContent$a>#end#@w(_"q"_)body#end',
    '#macro(_n_)none#end#n(_)',
    '#foreach(_$i+in+[1, 2, 3]_)$i#if(_$i == 2_)#break(_$foreach_)#end#end',
    '#evaluate(_"#set($e = 5)$e"_)#include(_)',
    '#set(_$s = "abc"_)$s.substring(_1_)$s.replace(_"a",_"z"_)',
  )
  return shapes.chain((shape) => {
    const slots = shape.split(/([_+])/)
    const holes = slots.filter((p) => p === '_' || p === '+').length
    return fc
      .array(fc.option(BLANK, { nil: undefined }), { minLength: holes, maxLength: holes })
      .map((fill) => {
        let tight = ''
        let spaced = ''
        let h = 0
        for (const part of slots) {
          if (part !== '_' && part !== '+') {
            tight += part
            spaced += part
            continue
          }
          const blank = fill[h++]
          tight += part === '+' ? ' ' : ''
          spaced += blank ?? (part === '+' ? ' ' : '')
        }
        return { tight, spaced }
      })
  })
}

/** Selection patterns: realistic ones, hostile ones and random text. */
export const selectionPattern = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        '.*',
        '.*Dummy.*',
        '.*Bad Request.*',
        '(?s).*error.*',
        '\\d{3}',
        '(?i)not found',
        '\\QDummy.\\E.*',
        '[^x]++',
        '(?>a|ab)c',
        '\\p{Lu}.*',
        '[a-z&&[^aeiou]]+',
        '\\Aa\\z',
        '(',
        '[',
        '*',
        'a{2,1}',
        '(?<n>x)\\k<n>',
      ),
    },
    { weight: 1, arbitrary: text(16) },
  )

const integrationResponse = (statusCode: string): fc.Arbitrary<IntegrationResponse> =>
  fc.record(
    {
      statusCode: fc.constant(statusCode),
      selectionPattern: selectionPattern(),
      responseTemplates: dict(template(), 2),
      responseParameters: dict(
        fc.constantFrom(
          "'static'",
          'integration.response.body',
          'integration.response.body.errorType',
          'integration.response.header.X',
          'nonsense',
        ),
        2,
      ),
    },
    { requiredKeys: ['statusCode'] },
  )

const integrationResponses = (): fc.Arbitrary<Record<string, IntegrationResponse>> =>
  fc
    .uniqueArray(STATUS, { maxLength: 4 })
    .chain((codes) =>
      fc
        .tuple(...codes.map((c) => integrationResponse(c)))
        .map((rs) => Object.fromEntries(rs.map((r) => [r.statusCode, r]))),
    )

const gatewayResponse = (): fc.Arbitrary<GatewayResponse> =>
  fc.record(
    {
      statusCode: STATUS,
      responseParameters: dict(fc.constantFrom("'x'", 'method.request.header.h', 'bad'), 2),
      responseTemplates: dict(template(), 2),
    },
    { requiredKeys: [] },
  )

/** What the function gives back, every kind. */
export const lambdaOutcome = (): fc.Arbitrary<LambdaOutcome> =>
  fc.oneof(
    fc.record({ kind: fc.constant('result' as const), payload: json() }),
    fc.record({
      kind: fc.constant('result' as const),
      payload: fc.record({
        statusCode: fc.oneof(fc.integer({ min: 0, max: 700 }), text(4)),
        headers: dict(text(8), 3),
        multiValueHeaders: dict(fc.array(text(8), { maxLength: 3 }), 2),
        body: fc.oneof(text(), json()),
        isBase64Encoded: fc.oneof(fc.boolean(), text(4)),
      }),
    }),
    fc.record({ kind: fc.constant('result' as const), payloadRaw: text() }),
    fc.record({
      kind: fc.constant('error' as const),
      functionError: fc.constantFrom('Unhandled', 'Handled'),
      payload: fc.oneof(fc.record({ errorMessage: text(), errorType: text(8) }), json()),
    }),
    fc.constant({ kind: 'echo' as const }),
    fc.constant({ kind: 'proxyEcho' as const }),
    fc.record({
      kind: fc.constant('invokeFailure' as const),
      failure: fc.constantFrom(...INVOKE_FAILURES),
    }),
  )

/** A whole scenario: every field may be realistic, empty or hostile. */
export const scenario = (): fc.Arbitrary<Scenario> =>
  fc.record({
    setup: fc.record(
      {
        stageName: fc.oneof(fc.constant('test'), text(8)),
        stageVariables: dict(text(8), 3),
        method: fc.record(
          {
            httpMethod: METHODS,
            resourcePath: RESOURCE_PATHS,
            requestParameters: dict(fc.boolean(), 2),
            methodResponses: fc
              .uniqueArray(STATUS, { maxLength: 3 })
              .map((codes) => Object.fromEntries(codes.map((c) => [c, { statusCode: c }]))),
            methodIntegration: fc.record(
              {
                type: fc.constantFrom('AWS_PROXY' as const, 'AWS' as const),
                httpMethod: fc.constantFrom('POST', 'GET'),
                requestTemplates: fc.dictionary(CONTENT_TYPES, template(), { maxKeys: 2 }),
                requestParameters: dict(
                  fc.constantFrom("'v'", 'method.request.querystring.q', 'method.request.path.id'),
                  2,
                ),
                passthroughBehavior: fc.constantFrom(
                  'WHEN_NO_MATCH' as const,
                  'WHEN_NO_TEMPLATES' as const,
                  'NEVER' as const,
                ),
                integrationResponses: integrationResponses(),
              },
              { requiredKeys: ['type'] },
            ),
          },
          { requiredKeys: ['httpMethod', 'resourcePath', 'methodIntegration'] },
        ),
        gatewayResponses: fc.dictionary(
          fc.constantFrom('DEFAULT_4XX', 'DEFAULT_5XX', 'BAD_REQUEST_BODY', '__proto__'),
          gatewayResponse(),
          { maxKeys: 2 },
        ),
        binaryMediaTypes: fc.array(fc.constantFrom('image/png', '*/*', 'application/json')),
      },
      { requiredKeys: ['method'] },
    ),
    request: fc.record(
      {
        method: METHODS,
        path: fc.oneof(
          fc.constantFrom('/', '/lambda', '/pets/42', '/pets/%2F', '//a//', '/a/b/c'),
          text(12),
        ),
        query: fc.oneof(fc.constantFrom('a=1&a=2', '=', '&&', '%zz'), text(12)),
        headers: dict(fc.oneof(text(12), fc.array(text(6), { maxLength: 3 })), 4),
        body: fc.oneof(
          text(),
          json().map((j) => JSON.stringify(j)),
        ),
      },
      { requiredKeys: ['method', 'path'] },
    ),
    lambda: lambdaOutcome(),
  })

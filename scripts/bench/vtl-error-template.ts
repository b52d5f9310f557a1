/**
 * Issue 5's budget: one render of the error-mapping templates the API Gateway Developer Guide
 * shows in "Handle Lambda errors in API Gateway" (handle-errors-in-lambda-integration), ours
 * (≤ 50 µs median) against velocityjs on the same template and the same Lambda error payload.
 * The templates are written here in our own words with the same shape as the guide's examples.
 */
import type { Json } from '../../app/model'
import { renderTemplate } from '../../app/vtl'
import type { TemplateInput } from '../../app/vtl'
import { median, sampleMicros } from './timing'
import { bodyText, mergeContext, renderVelocityjs, velocityjsContext } from './velocityjs-peer'
import type { VtlInputs } from './velocityjs-peer'

/** A Node.js function's error, as the response template receives it (`$input` = the payload). */
const STANDARD_ERROR = {
  errorMessage: 'Malformed input ...',
  errorType: 'Error',
  stackTrace: [
    'Error: Malformed input ...',
    '    at Runtime.handler (file:///var/task/index.mjs:3:11)',
  ],
}

/** A function that throws a JSON string as its message, to be parsed in the template. */
const JSON_ERROR = {
  errorMessage: JSON.stringify({
    errorType: 'InternalServerError',
    httpStatus: 500,
    trace: { function: 'abc123', line: 123, file: 'abc.js' },
  }),
  errorType: 'Error',
  stackTrace: ['Error: {"errorType":…}', '    at Runtime.handler (file:///var/task/index.mjs:9:9)'],
}

/** The two shapes of the guide: copy fields of a standard error; parse a JSON errorMessage. */
export const ERROR_TEMPLATES: readonly (VtlInputs & { name: string })[] = [
  {
    name: 'standard Lambda error',
    template: [
      '{',
      '  "errorMessage" : "$input.path(\'$.errorMessage\')",',
      '  "errorType" : "$input.path(\'$.errorType\')",',
      '  "requestId" : "$context.requestId"',
      '}',
    ].join('\n'),
    body: STANDARD_ERROR,
  },
  {
    name: 'custom Lambda error (JSON errorMessage)',
    template: [
      "#set ($error = $util.parseJson($input.path('$.errorMessage')))",
      '{',
      '  "type" : "$error.errorType",',
      '  "status" : $error.httpStatus,',
      '  "where" : "$error.trace.file line $error.trace.line",',
      '  "request-id" : "$context.requestId"',
      '}',
    ].join('\n'),
    body: JSON_ERROR,
  },
]

/** One template: both renderers' median µs and output, and whether the outputs agree. */
export type ErrorTemplateRow = {
  name: string
  ours: { medianMicros: number; output: string }
  velocityjs: { medianMicros: number; output: string }
  sameOutput: boolean
}

const SAMPLES = 3000
const WARMUP = 500

function timeMedian(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn()
  return median(sampleMicros(fn, SAMPLES))
}

/** Renders each template with both renderers; inputs are built once, outside the timing. */
export function benchErrorTemplates(): ErrorTemplateRow[] {
  return ERROR_TEMPLATES.map((t) => {
    const input: TemplateInput = {
      body: bodyText(t.body),
      params: { path: {}, querystring: {}, header: {} },
      context: mergeContext({}) as { [key: string]: Json },
      stageVariables: {},
    }
    const oursOnce = () => {
      const r = renderTemplate(t.template, input, { source: 'template' })
      return r.ok ? r.output : `(error: ${r.errorKind})`
    }
    const context = velocityjsContext(t)
    const peerOnce = () => {
      try {
        return renderVelocityjs(t.template, context)
      } catch (e) {
        return `(error: ${String(e)})`
      }
    }
    const ours = { medianMicros: timeMedian(oursOnce), output: oursOnce() }
    const velocityjs = { medianMicros: timeMedian(peerOnce), output: peerOnce() }
    return { name: t.name, ours, velocityjs, sameOutput: ours.output === velocityjs.output }
  })
}

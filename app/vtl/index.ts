/**
 * API Gateway's Velocity (VTL) mapping templates: the public surface of `app/vtl/`.
 * Pipeline: lexer.ts → parser.ts (AST, cached by text) → evaluator.ts, all behind this file.
 * Also the one builder of `$context` and of the proxy event's `requestContext` (the engine
 * supplies the request's ids, time and route), and the VTL oracle's default `$context`.
 */
import type { Diagnostic, EditorId, Json, Meter } from '../model'
import { runTemplate } from './render'

/** The data a template can see, as plain JSON (the renderer builds `$input`, `$util`, `$context`). */
export type TemplateInput = {
  /** `$input.body`: the payload as text. */
  body: string
  /** `$input.params()`: path, query-string and header parameters (single values). */
  params: {
    path: Record<string, string>
    querystring: Record<string, string>
    header: Record<string, string>
  }
  /** `$context`: the context variables (nested objects for `identity`, `error`, ...). */
  context: { [key: string]: Json }
  /** `$stageVariables`. */
  stageVariables: Record<string, string>
}

/** Values a template assigned to `$context.responseOverride.*` / `$context.requestOverride.*`. */
export type TemplateOverrides = {
  /** `$context.responseOverride.status`, as the text that was set. */
  responseStatus?: string
  /** `$context.responseOverride.header.<Name>`. */
  responseHeaders: Record<string, string>
  /** `$context.requestOverride.header.<Name>`. */
  requestHeaders: Record<string, string>
  /** `$context.requestOverride.querystring.<name>`. */
  requestQuerystring: Record<string, string>
  /** `$context.requestOverride.path.<name>`. */
  requestPath: Record<string, string>
}

/** Limits on one rendering, as the renderer reads them from the meter. */
export type VtlLimits = {
  /** `#foreach` iterations per loop (API Gateway: 1000; the meter's `template-iterations`). */
  maxIterations: number
  /** Evaluation steps per render. */
  maxSteps: number
  /** Macro / nesting depth. */
  maxDepth: number
  /** Output characters. */
  maxOutput: number
}

/** Options of one rendering. */
export type RenderOptions = {
  /** Editor the template text lives in (used as the diagnostics' `source`). */
  source: EditorId
  /**
   * Counts the render's steps, loop iterations and output against its limits, and charges work
   * to its budgets (default: a fresh meter with the default limits).
   */
  meter?: Meter
}

/** Outcome of rendering a template. */
export type RenderResult =
  | { ok: true; output: string; overrides: TemplateOverrides; diagnostics: Diagnostic[] }
  | {
      ok: false
      /** `syntax`: ParseErrorException before rendering; `runtime`: failed while rendering; `limit`: a limit was hit. */
      errorKind: 'syntax' | 'runtime' | 'limit'
      diagnostics: Diagnostic[]
    }

/** Renders `template` the way API Gateway's Velocity would. Never throws. */
export function renderTemplate(
  template: string,
  input: TemplateInput,
  options: RenderOptions,
): RenderResult {
  return runTemplate(template, input, options)
}

export {
  formatRequestTime,
  proxyRequestContext,
  templateContext,
  vtlOracleContext,
} from './builtins/context-fields'
export type { ContextError, ContextOptions } from './builtins/context-fields'
/** Standard padded base64 of bytes, shared with the engine's binary bodies. */
export { encodeBase64Bytes } from './builtins/util-functions'

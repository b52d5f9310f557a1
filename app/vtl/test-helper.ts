/**
 * Test helper for the VTL feature tests: render with defaults and compare the output.
 */
import { expect } from 'vitest'
import { renderTemplate, type RenderResult, type TemplateInput } from './index'

/** A TemplateInput with empty defaults, overridden by `over`. */
export function makeInput(over: Partial<TemplateInput> = {}): TemplateInput {
  return {
    body: '',
    params: { path: {}, querystring: {}, header: {} },
    context: {},
    stageVariables: {},
    ...over,
  }
}

/** Renders `src` and returns the whole result. */
export function render(src: string, input: Partial<TemplateInput> = {}): RenderResult {
  return renderTemplate(src, makeInput(input), { source: 'test' })
}

/** Asserts that `src` renders to exactly `expected`. */
export function expectRender(src: string, input: Partial<TemplateInput>, expected: string): void {
  const r = render(src, input)
  expect(r.ok ? r.output : r.diagnostics).toEqual(expected)
}

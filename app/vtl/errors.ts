/**
 * Typed errors thrown inside `app/vtl/`; `index.ts` turns them into Diagnostics, so nothing
 * outside the module ever sees an exception.
 *
 * Diagnostic codes (stable):
 * - syntax (Velocity's ParseErrorException): `vtl.parse`, `vtl.lexical`, `vtl.string-literal`,
 *   `vtl.directive-arg`, `vtl.macro`
 * - runtime: `vtl.method-exception` (a Java method threw), `vtl.index`, `vtl.macro-depth`
 *   (Velocity's 20 nested macro calls), `vtl.resource-not-found` (#parse/#include),
 *   `vtl.parse-include`, `vtl.define`, `vtl.break`, `vtl.foreach`, `vtl.regex-untranslatable`
 * - limit (ours, not AWS's): `vtl.limit.steps`, `vtl.limit.output`, `vtl.limit.size`,
 *   `vtl.limit.range`, `vtl.limit.depth`, `vtl.limit.nesting`
 * - `vtl.internal`: a bug in the interpreter (reported, never thrown)
 */
import type { Span } from '../model'

/** What Velocity reports as a ParseErrorException (found before rendering starts). */
export class VtlSyntaxError extends Error {
  constructor(
    message: string,
    readonly span: Span,
    readonly code = 'vtl.parse',
    readonly hint?: string,
  ) {
    super(message)
  }
}

/** A failure while rendering (MethodInvocationException, VelocityException, ...). */
export class VtlRuntimeError extends Error {
  constructor(
    message: string,
    readonly span: Span,
    readonly code = 'vtl.runtime',
    /** The Java exception class Velocity would report, for information. */
    readonly javaClass = 'org.apache.velocity.exception.MethodInvocationException',
    readonly hint?: string,
  ) {
    super(message)
  }
}

/** One of our own interpreter limits (steps, depth, output size, range size) was hit. */
export class VtlLimitError extends Error {
  constructor(
    message: string,
    readonly span: Span,
    readonly code: string,
    readonly hint?: string,
  ) {
    super(message)
  }
}

/** A Java exception raised by a whitelisted method; the evaluator wraps it with a span. */
export class JavaException extends Error {
  constructor(
    /** Java class name, e.g. `java.lang.StringIndexOutOfBoundsException`. */
    readonly javaClass: string,
    message: string,
  ) {
    super(message)
  }
}

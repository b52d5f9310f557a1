/**
 * Our VTL renderer against velocityjs on the Velocity-oracle corpus: how many lines each gets
 * right, and how fast each renders the lines both can render.
 */
import type { Json } from '../../app/model'
import { renderTemplate } from '../../app/vtl'
import { readJsonLines, type Corpus } from './corpus'
import { medianPassMillis } from './timing'
import { bodyText, mergeContext, renderWithVelocityjs } from './velocityjs-peer'
import type { VtlInputs } from './velocityjs-peer'

/** One oracle line (see conformance/vtl/README.md). */
type VtlLine = VtlInputs & { output?: string; error?: string; errorClass?: string }

/** Results for one renderer. */
export type VtlScore = { right: number; total: number; passMillis: number }

/** Both renderers over the whole corpus. */
export type VtlBench = {
  corpus: Corpus['name']
  lines: number
  timedLines: number
  ours: VtlScore
  velocityjs: VtlScore
}

/** What a renderer answered: text, or an error of a kind. */
type Answer = { output: string } | { error: 'syntax' | 'runtime' }

function ours(line: VtlLine): Answer {
  const r = renderTemplate(
    line.template,
    {
      body: bodyText(line.body),
      params: {
        path: { ...line.params?.path },
        querystring: { ...line.params?.querystring },
        header: { ...line.params?.header },
      },
      context: mergeContext(line.context) as { [key: string]: Json },
      stageVariables: { ...line.stageVariables },
    },
    { source: 'template' },
  )
  if (r.ok) return { output: r.output }
  return { error: r.errorKind === 'syntax' ? 'syntax' : 'runtime' }
}

function velocityjs(line: VtlLine): Answer {
  try {
    return { output: renderWithVelocityjs(line) }
  } catch (e) {
    // velocityjs reports parse errors as exceptions whose message says so.
    return { error: /parse|expecting|lexical/i.test(String(e)) ? 'syntax' : 'runtime' }
  }
}

function isRight(line: VtlLine, answer: Answer): boolean {
  if (line.output !== undefined) return 'output' in answer && answer.output === line.output
  const syntax = (line.errorClass ?? line.error ?? '').includes('ParseErrorException')
  return 'error' in answer && answer.error === (syntax ? 'syntax' : 'runtime')
}

function score(lines: VtlLine[], timed: VtlLine[], render: (l: VtlLine) => Answer): VtlScore {
  const right = lines.filter((l) => isRight(l, render(l))).length
  return { right, total: lines.length, passMillis: medianPassMillis(() => timed.forEach(render)) }
}

/** Runs both renderers over every line of `corpus`; times them on the lines with an output. */
export function benchVtl(corpus: Corpus): VtlBench {
  const lines = readJsonLines<VtlLine>(corpus.dir)
  const timed = lines.filter((l) => l.output !== undefined)
  return {
    corpus: corpus.name,
    lines: lines.length,
    timedLines: timed.length,
    ours: score(lines, timed, ours),
    velocityjs: score(lines, timed, velocityjs),
  }
}

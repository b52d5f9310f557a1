import type { StageName } from '../../model'
import { readStageDoc } from './stage-docs'

/** The stage's one-line "why" and its Developer Guide link (opened only on click). */
export function StageWhy(props: { stage: StageName; proxy: boolean }) {
  const doc = readStageDoc(props.stage, props.proxy)
  return (
    <p className="stage-why" data-testid={`trace.why.${props.stage}`}>
      <span>Why: {doc.why}</span>{' '}
      <a href={doc.url} target="_blank" rel="noopener noreferrer">
        Developer Guide: {doc.topic}
      </a>
    </p>
  )
}

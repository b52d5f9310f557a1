import { memo, useState } from 'react'
import { formatEditorId, type EditorRef } from '../../model'
import { renameRecordKey } from '../../state/scenario-edit'
import { BoundEditor } from '../editors/BoundEditor'
import { CommitInput } from './CommitInput'

/** The owner of a set of templates: the integration request, a rule, or a gateway response. */
export type TemplateOwner =
  | { kind: 'request-template' }
  | { kind: 'response-template'; status: string }
  | { kind: 'gateway-template'; responseType: string }

/** Content type → VTL template, with add, rename and remove (memoised: give it a stable onChange). */
export const TemplateMapEditor = memo(function TemplateMapEditor(props: {
  templates: Record<string, string> | undefined
  /** Whose templates these are; each template's editor is this owner's template for its type. */
  owner: TemplateOwner
  /** Test id prefix; each template editor's test id is `<prefix>.<contentType>`. */
  testIdPrefix: string
  label: string
  onChange: (next: Record<string, string> | undefined) => void
}) {
  const templates = props.templates ?? {}
  const entries = Object.entries(templates)
  const [seed, setSeed] = useState(0)
  const write = (next: Record<string, string>) =>
    props.onChange(Object.keys(next).length === 0 ? undefined : next)
  const addTemplate = () => {
    const contentType = ['application/json', 'text/plain', 'application/xml'].find(
      (c) => !(c in templates),
    )
    if (contentType) write({ ...templates, [contentType]: '' })
  }
  return (
    <div className="template-map">
      {entries.length === 0 && <p className="hint">No {props.label.toLowerCase()}.</p>}
      {entries.map(([contentType, text]) => (
        <div className="template-entry" key={contentType}>
          <div className="field-row">
            <CommitInput
              label="Content type"
              testId={`${props.testIdPrefix}.${contentType}.content-type`}
              value={contentType}
              onCommit={(next) => {
                write(renameRecordKey(templates, contentType, next.trim() || contentType))
                setSeed((n) => n + 1)
              }}
            />
            <button
              type="button"
              className="quiet"
              aria-label={`Remove ${contentType} template`}
              onClick={() => {
                const { [contentType]: _removed, ...rest } = templates
                write(rest)
              }}
            >
              Remove
            </button>
          </div>
          <BoundEditor
            editorId={formatEditorId({ ...props.owner, contentType } as EditorRef)}
            testId={`${props.testIdPrefix}.${contentType}`}
            ariaLabel={`${props.label}: ${contentType}`}
            language="vtl"
            localSeed={seed}
            minLines={3}
            maxLines={14}
            value={text}
            onChange={(next) => write({ ...templates, [contentType]: next })}
          />
        </div>
      ))}
      <button type="button" className="quiet" onClick={addTemplate}>
        Add template
      </button>
    </div>
  )
})

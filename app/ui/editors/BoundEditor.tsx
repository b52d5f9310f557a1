import { memo } from 'react'
import type { EditorId } from '../../model'
import { selectLoadId, useEditorDiagnostics } from '../../state/selectors'
import { useAppStore } from '../../state/store'
import type { CodeEditorProps } from './editor-props'
import { LazyCodeEditor } from './LazyCodeEditor'

/** Props of an editor bound to one EditorId of the scenario. */
export type BoundEditorProps = Omit<CodeEditorProps, 'diagnostics' | 'loadId'> & {
  /** The EditorId whose diagnostics become this editor's markers. */
  editorId: EditorId
  /** Added to the store's loadId, for editors a panel reseeds on its own. */
  localSeed?: number
}

/** A code editor that receives the diagnostics of its EditorId and reseeds on external loads. */
export const BoundEditor = memo(function BoundEditor({
  editorId,
  localSeed = 0,
  ...rest
}: BoundEditorProps) {
  const diagnostics = useEditorDiagnostics(editorId)
  const loadId = useAppStore(selectLoadId)
  return <LazyCodeEditor {...rest} diagnostics={diagnostics} loadId={loadId * 10000 + localSeed} />
})

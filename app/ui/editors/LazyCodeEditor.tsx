import {
  Component,
  lazy,
  Suspense,
  useId,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react'
import type { CodeEditorProps } from './editor-props'
import { DiagnosticList } from './DiagnosticList'
import { HUGE_TEXT, HugeText } from './HugeText'
import { PlainEditor } from './PlainEditor'

/*
 * The Monaco editor is loaded lazily so the shell paints and works before it arrives. The glob
 * form of `import('./CodeEditor')` lets the page build and run (with the plain fallback) while the
 * Monaco layer is absent.
 */
const loaders = import.meta.glob<{ default: ComponentType<CodeEditorProps> }>('./CodeEditor.tsx')
const loadCodeEditor = loaders['./CodeEditor.tsx']
const CodeEditor = loadCodeEditor ? lazy(loadCodeEditor) : undefined

type BoundaryProps = { fallback: ReactNode; children: ReactNode }

/** If Monaco fails to load or crashes, keep editing with the plain editor. */
class EditorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}

/**
 * A code editor: Monaco when loaded, a plain textarea with the same value/onChange until then.
 * A huge text is summarised until the person asks to edit it (see HugeText).
 */
export function LazyCodeEditor(props: CodeEditorProps) {
  const listId = useId()
  const [editHuge, setEditHuge] = useState(false)
  const fallback = <PlainEditor {...props} describedBy={listId} />
  return (
    <>
      {props.value.length > HUGE_TEXT && !editHuge ? (
        <HugeText
          testId={props.testId}
          ariaLabel={props.ariaLabel}
          value={props.value}
          onEdit={() => setEditHuge(true)}
        />
      ) : CodeEditor ? (
        <EditorBoundary fallback={fallback}>
          <Suspense fallback={fallback}>
            <CodeEditor {...props} />
          </Suspense>
        </EditorBoundary>
      ) : (
        fallback
      )}
      <DiagnosticList
        id={listId}
        testId={`${props.testId}.diagnostics`}
        diagnostics={props.diagnostics}
      />
    </>
  )
}

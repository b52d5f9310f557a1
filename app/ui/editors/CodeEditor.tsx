import { useEffect, useRef, useState } from 'react'
import { MARKER_OWNER, toMarkerData } from '../monaco/markers'
import { createModelUri, ensureMonacoSetup, monaco } from '../monaco/setup'
import { setVtlStageVariableNames } from '../monaco/vtl-language'
import { useAppStore } from '../../state/store'
import type { CodeEditorProps } from './editor-props'
import { queueEditorTask } from './editor-tasks'

const LANGUAGE_IDS: Record<CodeEditorProps['language'], string> = {
  json: 'json',
  vtl: 'vtl',
  'java-regex': 'java-regex',
  plaintext: 'plaintext',
}

/**
 * Texts longer than this (characters) are edited as plain text: Monaco's JSON language service
 * answers every edit of a large document from its worker with folding ranges, symbols and
 * diagnostics that the page then applies on its own thread, tens of milliseconds per keystroke
 * for a few hundred kilobytes. The simulation still checks the JSON and reports where it breaks.
 */
const LARGE_TEXT = 100_000

/** Space above and below the text, in pixels (Monaco's `padding` option). */
const PADDING = 4

function clampHeight(
  editor: monaco.editor.IStandaloneCodeEditor,
  minLines: number,
  maxLines: number,
): number {
  const lineHeight = editor.getOption(monaco.editor.EditorOption.lineHeight)
  const min = minLines * lineHeight + 2 * PADDING
  const max = Math.max(min, maxLines * lineHeight + 2 * PADDING)
  return Math.min(max, Math.max(min, editor.getContentHeight()))
}

/**
 * Replaces `current` (the model's text) by `next` with one edit of only the part that differs,
 * as an undo step of its own. `setValue` would flush the whole model: every view line, the
 * cursor and the tokens are rebuilt at once, which for an editor reseeded from another field
 * (the error payload while its errorMessage is typed) cost more than the keystroke itself.
 */
function replaceChangedText(model: monaco.editor.ITextModel, current: string, next: string): void {
  const shorter = Math.min(current.length, next.length)
  let start = 0
  while (start < shorter && current.charCodeAt(start) === next.charCodeAt(start)) start++
  let end = 0
  while (
    end < shorter - start &&
    current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  )
    end++
  const range = monaco.Range.fromPositions(
    model.getPositionAt(start),
    model.getPositionAt(current.length - end),
  )
  model.pushStackElement()
  model.pushEditOperations(
    null,
    [{ range, text: next.slice(start, next.length - end) }],
    () => null,
  )
  model.pushStackElement()
}

/**
 * A Monaco editor for one text field. Uncontrolled: it takes `value` when it mounts and whenever
 * `loadId` changes, and reports every edit through `onChange`; other `value` changes are the echo
 * of its own edits and are ignored, so the cursor is never disturbed.
 */
export default function CodeEditor(props: CodeEditorProps) {
  const { testId, ariaLabel, value, onChange, language, diagnostics, jsonSchema, loadId } = props
  const singleLine = props.singleLine ?? false
  const minLines = props.minLines ?? (singleLine ? 1 : 3)
  const maxLines = singleLine ? 1 : (props.maxLines ?? 24)

  const containerRef = useRef<HTMLDivElement>(null)
  // Set once the editor exists (it is created in a task of its own, see editor-tasks.ts).
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  const modelRef = useRef<monaco.editor.ITextModel | null>(null)
  const valueRef = useRef(value)
  const onChangeRef = useRef(onChange)
  const loadIdRef = useRef(loadId)
  // True while the editor itself writes `value` into the model, so that is not reported back.
  const seedingRef = useRef(false)

  useEffect(() => {
    valueRef.current = value
    onChangeRef.current = onChange
  })

  // The editor itself: created once, in a task of its own; disposed on unmount, in a later task.
  useEffect(() => {
    const container = containerRef.current
    if (!container) return
    let created: monaco.editor.IStandaloneCodeEditor | undefined
    let changes: monaco.IDisposable | undefined
    const cancel = queueEditorTask(() => {
      ensureMonacoSetup()
      const next = monaco.editor.create(container, {
        model: null,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 13,
        padding: { top: PADDING, bottom: PADDING },
        // Tab moves focus out of the editor, so keyboard users are never trapped in it.
        tabFocusMode: true,
        // The classic textarea input: it carries `ariaLabel`, and EditContext is still experimental.
        editContext: false,
        // No clickable links: the page must never navigate or load anything from another origin.
        links: false,
        wordBasedSuggestions: 'off',
        fixedOverflowWidgets: true,
        renderLineHighlightOnlyWhenFocus: true,
        overviewRulerLanes: 0,
        hideCursorInOverviewRuler: true,
        scrollbar: { alwaysConsumeMouseWheel: false },
      })
      changes = next.onDidChangeModelContent(() => {
        if (seedingRef.current) return
        const text = next.getValue()
        valueRef.current = text
        onChangeRef.current(text)
      })
      created = next
      editorRef.current = next
      setEditor(next)
    })
    return () => {
      cancel()
      changes?.dispose()
      editorRef.current = null
      const gone = created
      if (gone) queueEditorTask(() => gone.dispose())
    }
  }, [])

  const { placeholder } = props
  useEffect(() => {
    editor?.updateOptions({ ariaLabel, placeholder })
  }, [editor, ariaLabel, placeholder])

  // One model per language and schema (the schema is chosen by the model's URI); a large text
  // is plain text, and gets a new model when it crosses the limit.
  const large = value.length > LARGE_TEXT
  useEffect(() => {
    if (!editor) return
    const model = monaco.editor.createModel(
      valueRef.current,
      large ? 'plaintext' : LANGUAGE_IDS[language],
      createModelUri(testId, language === 'json' && !large ? jsonSchema : undefined),
    )
    modelRef.current = model
    editor.setModel(model)
    return () => {
      // Markers are kept by URI, not by model: clear ours so they do not outlive the model.
      monaco.editor.setModelMarkers(model, MARKER_OWNER, [])
      modelRef.current = null
      if (editorRef.current === editor) {
        if (editor.getModel() === model) editor.setModel(null)
        model.dispose()
      } else {
        // The editor is going too: its model goes after it, in the same queue.
        queueEditorTask(() => model.dispose())
      }
    }
  }, [editor, language, jsonSchema, testId, large])

  // An external load (share link, import, preset) replaces the text.
  useEffect(() => {
    const model = modelRef.current
    if (loadIdRef.current === loadId) return
    loadIdRef.current = loadId
    if (!model) return
    const current = model.getValue()
    if (current === value) return
    seedingRef.current = true
    try {
      replaceChangedText(model, current, value)
    } finally {
      seedingRef.current = false
    }
  }, [loadId, value])

  // `$stageVariables.` completes to the scenario's stage variables.
  const stageVariables = useAppStore((s) => s.scenario.setup.stageVariables)
  useEffect(() => {
    if (language === 'vtl') setVtlStageVariableNames(Object.keys(stageVariables ?? {}))
  }, [language, stageVariables])

  // Markers are a projection of the latest diagnostics.
  useEffect(() => {
    const model = modelRef.current
    if (!model) return
    monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkerData(diagnostics, model))
  }, [editor, diagnostics, language, jsonSchema, testId])

  // Height follows the content between minLines and maxLines.
  useEffect(() => {
    const container = containerRef.current
    if (!editor || !container) return
    // Only the container's height is set here: `automaticLayout` lays the editor out in the next
    // frame. Laying it out at once (and reading the container's width) forced a synchronous style,
    // layout and render of the page inside whatever task changed the text, which for an editor
    // reseeded from another field was the keystroke's own task.
    const resize = () => {
      const height = clampHeight(editor, minLines, maxLines)
      if (container.style.height === `${height}px`) return
      container.style.height = `${height}px`
    }
    resize()
    editor.updateOptions({
      lineNumbers: singleLine ? 'off' : 'on',
      // One line scrolls sideways rather than wrapping out of sight.
      wordWrap: singleLine ? 'off' : 'on',
      folding: !singleLine,
      glyphMargin: false,
      lineDecorationsWidth: singleLine ? 4 : 10,
      lineNumbersMinChars: singleLine ? 0 : 3,
      scrollbar: { vertical: singleLine ? 'hidden' : 'auto', horizontal: 'hidden' },
      renderLineHighlight: singleLine ? 'none' : 'line',
    })
    const sizes = editor.onDidContentSizeChange(resize)
    return () => sizes.dispose()
  }, [editor, minLines, maxLines, singleLine])

  // A single-line field: Enter (with or without modifiers) never adds a line, but still accepts
  // a suggestion when the suggest widget is open.
  useEffect(() => {
    if (!editor || !singleLine) return
    const key = editor.createContextKey<boolean>('apiGatewayLabSingleLine', true)
    const { KeyCode, KeyMod } = monaco
    const swallowEnter = editor.addAction({
      id: `api-gateway-lab.single-line-enter.${editor.getId()}`,
      label: 'Keep the field on one line',
      keybindings: [KeyCode.Enter, KeyMod.Shift | KeyCode.Enter, KeyMod.CtrlCmd | KeyCode.Enter],
      precondition: 'apiGatewayLabSingleLine && !suggestWidgetVisible',
      run: () => undefined,
    })
    // Pasted line breaks become spaces, so the field keeps one line.
    const paste = editor.onDidPaste(({ range }) => {
      const model = editor.getModel()
      const pasted = model?.getValueInRange(range) ?? ''
      if (!/[\r\n]/.test(pasted)) return
      const text = pasted.replace(/\r\n|[\r\n]/g, ' ')
      editor.executeEdits('single-line', [{ range, text }])
    })
    return () => {
      if (editorRef.current === editor) key.set(false)
      swallowEnter.dispose()
      paste.dispose()
    }
  }, [editor, singleLine])

  // Until Monaco has measured its lines, reserve roughly the minimum height to avoid a jump.
  return (
    <div
      ref={containerRef}
      className="code-editor"
      data-testid={testId}
      style={{ height: minLines * 18 + 2 * PADDING }}
    />
  )
}

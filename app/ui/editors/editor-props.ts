import type { Diagnostic } from '../../model'

/** The props of the Monaco `CodeEditor` and of its plain fallback (the shared editor contract). */
export type CodeEditorProps = {
  testId: string
  ariaLabel: string
  value: string
  onChange: (value: string) => void
  language: 'json' | 'vtl' | 'java-regex' | 'plaintext'
  /** Already filtered to this editor. */
  diagnostics: Diagnostic[]
  jsonSchema?: 'proxy-result' | 'lambda-error' | 'scenario'
  minLines?: number
  maxLines?: number
  singleLine?: boolean
  /** Shown, muted, while the text is empty. */
  placeholder?: string
  /** Bumped to reseed the (uncontrolled) editor with `value`. */
  loadId: number
}

/**
 * The `vtl` language for mapping-template editors: registers the highlighting and editing rules
 * of `vtl-monarch.ts`, and completion and hover fed by the pure data in `vtl-docs.ts` /
 * `vtl-lookup.ts`.
 */
import * as monaco from 'monaco-editor/editor/editor.api'
import type { VtlDocEntry } from './vtl-docs'
import { VTL_CONFIGURATION, VTL_MONARCH } from './vtl-monarch'
import { completeVtl, hoverVtl, lastSegment } from './vtl-lookup'

/** The Monaco language id of API Gateway mapping templates. */
export const VTL_LANGUAGE_ID = 'vtl'

let stageVariableNames: readonly string[] = []

/** The stage variable names `$stageVariables.` completes to (the page sets them from the scenario). */
export function setVtlStageVariableNames(names: readonly string[]): void {
  stageVariableNames = [...names]
}

function completionKind(entry: VtlDocEntry): monaco.languages.CompletionItemKind {
  const kinds = monaco.languages.CompletionItemKind
  if (entry.kind === 'method') return kinds.Method
  if (entry.kind === 'namespace') return kinds.Module
  if (entry.kind === 'directive') return kinds.Keyword
  return kinds.Property
}

function toMarkdown(entry: VtlDocEntry): monaco.IMarkdownString {
  return { value: `\`${entry.signature}\`\n\n${entry.doc}` }
}

function provideCompletionItems(
  model: monaco.editor.ITextModel,
  position: monaco.Position,
): monaco.languages.CompletionList {
  const before = model.getValueInRange({
    startLineNumber: position.lineNumber,
    startColumn: 1,
    endLineNumber: position.lineNumber,
    endColumn: position.column,
  })
  const answer = completeVtl(before, stageVariableNames)
  if (!answer) return { suggestions: [] }
  const range = {
    startLineNumber: position.lineNumber,
    startColumn: position.column - answer.replaceLength,
    endLineNumber: position.lineNumber,
    endColumn: position.column,
  }
  const suggestions = answer.items.map((entry, index) => {
    const label = lastSegment(entry.path).replace(/^#/, '')
    return {
      label,
      kind: completionKind(entry),
      detail: entry.signature,
      documentation: { value: entry.doc },
      insertText: entry.insert ?? label,
      insertTextRules: entry.insert
        ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet
        : undefined,
      // Keep the documentation's order (most useful first) instead of alphabetical.
      sortText: String(index).padStart(3, '0'),
      range,
    }
  })
  return { suggestions }
}

function provideHover(
  model: monaco.editor.ITextModel,
  position: monaco.Position,
): monaco.languages.Hover | null {
  const line = model.getLineContent(position.lineNumber)
  const hover = hoverVtl(line, position.column - 1)
  if (!hover) return null
  return {
    range: {
      startLineNumber: position.lineNumber,
      startColumn: hover.start + 1,
      endLineNumber: position.lineNumber,
      endColumn: hover.end + 1,
    },
    contents: [toMarkdown(hover.entry)],
  }
}

/** Registers the `vtl` language once. */
export function registerVtlLanguage(): void {
  if (monaco.languages.getLanguages().some((language) => language.id === VTL_LANGUAGE_ID)) return
  monaco.languages.register({ id: VTL_LANGUAGE_ID, aliases: ['Velocity (API Gateway)', 'vtl'] })
  monaco.languages.setMonarchTokensProvider(VTL_LANGUAGE_ID, VTL_MONARCH)
  monaco.languages.setLanguageConfiguration(VTL_LANGUAGE_ID, VTL_CONFIGURATION)
  monaco.languages.registerCompletionItemProvider(VTL_LANGUAGE_ID, {
    triggerCharacters: ['$', '.', '#', '{'],
    provideCompletionItems,
  })
  monaco.languages.registerHoverProvider(VTL_LANGUAGE_ID, { provideHover })
}

/**
 * The `vtl` language for mapping-template editors: Monarch highlighting of Velocity 1.7 over the
 * JSON (or other) text it produces, bracket and auto-closing rules, and completion and hover fed
 * by the pure data in `vtl-docs.ts` / `vtl-lookup.ts`.
 */
import * as monaco from 'monaco-editor/editor/editor.api'
import type { VtlDocEntry } from './vtl-docs'
import { completeVtl, hoverVtl, lastSegment } from './vtl-lookup'

/** The Monaco language id of API Gateway mapping templates. */
export const VTL_LANGUAGE_ID = 'vtl'

const IDENT = /[a-zA-Z][\w-]*/.source

/**
 * Velocity tokens. Template text outside directives and references is left unstyled, since it is
 * whatever the template emits (JSON, XML, plain text).
 */
export const VTL_MONARCH: monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.vtl',
  brackets: [
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
    { open: '[', close: ']', token: 'delimiter.bracket' },
    { open: '{', close: '}', token: 'delimiter.curly' },
  ],
  tokenizer: {
    root: [{ include: '@vtl' }, [/[^#$\\]+/, ''], [/[#$\\]/, '']],
    vtl: [
      [/##.*$/, 'comment'],
      [/#\*/, 'comment', '@blockComment'],
      [/#\[\[/, 'string.unparsed', '@unparsed'],
      // A backslash before a directive or reference makes Velocity print it literally.
      [new RegExp(`\\\\+(?=[#$])(?:#\\{?${IDENT}\\}?|\\$!?\\{?${IDENT}\\}?)`), 'string.escape'],
      [
        /(#\{?(?:if|elseif|foreach|set|define|macro)\}?)(\s*)(\()/,
        ['keyword', '', { token: 'delimiter.parenthesis', next: '@args' }],
      ],
      [/#\{(?:else|end|break|stop)\}/, 'keyword'],
      [/#(?:else|end|break|stop)(?![\w-])/, 'keyword'],
      [
        new RegExp(`(#\\{?${IDENT}\\}?)(\\s*)(\\()`),
        ['type', '', { token: 'delimiter.parenthesis', next: '@args' }],
      ],
      [/\$!?\{/, 'variable', '@bracedReference'],
      [new RegExp(`\\$!?${IDENT}`), 'variable', '@reference'],
    ],
    blockComment: [
      [/\*#/, 'comment', '@pop'],
      [/[^*]+/, 'comment'],
      [/\*/, 'comment'],
    ],
    unparsed: [
      [/\]\]#/, 'string.unparsed', '@pop'],
      [/[^\]]+/, 'string.unparsed'],
      [/\]/, 'string.unparsed'],
    ],
    // What may follow `$name`: `.property`, `.method(args)`, `[index]`; anything else ends it.
    reference: [
      [
        new RegExp(`(\\.)(${IDENT})(\\()`),
        ['delimiter', 'variable.predefined', { token: 'delimiter.parenthesis', next: '@args' }],
      ],
      [new RegExp(`(\\.)(${IDENT})`), ['delimiter', 'variable']],
      [/\[/, { token: 'delimiter.bracket', next: '@index' }],
      [/(?:)/, '', '@pop'],
    ],
    bracedReference: [
      [/\}/, 'variable', '@pop'],
      [
        new RegExp(`(\\.)(${IDENT})(\\()`),
        ['delimiter', 'variable.predefined', { token: 'delimiter.parenthesis', next: '@args' }],
      ],
      [new RegExp(`(\\.?)(${IDENT})`), ['delimiter', 'variable']],
      [/\[/, { token: 'delimiter.bracket', next: '@index' }],
      [/\s+/, ''],
      [/[^}]/, 'invalid'],
    ],
    index: [[/\]/, 'delimiter.bracket', '@pop'], { include: '@expression' }],
    args: [
      [/\)/, 'delimiter.parenthesis', '@pop'],
      [/\(/, 'delimiter.parenthesis', '@push'],
      { include: '@expression' },
      [/[\]}]/, 'invalid'],
    ],
    expression: [
      [/\s+/, ''],
      [/"/, 'string', '@doubleString'],
      [/'/, 'string', '@singleString'],
      [/-?\d+(?:\.\d+)?/, 'number'],
      [/\b(?:true|false|null|in|and|or|not|eq|ne|lt|gt|le|ge)\b/, 'keyword'],
      [/\$!?\{/, 'variable', '@bracedReference'],
      [new RegExp(`\\$!?${IDENT}`), 'variable', '@reference'],
      [/\.\./, 'operator'],
      [/[=!<>]=?|&&|\|\||[+\-*/%]/, 'operator'],
      [/[[{]/, 'delimiter.bracket', '@literal'],
      [/[,:]/, 'delimiter'],
      [/[a-zA-Z_]\w*/, 'identifier'],
      [/[^)\]}]/, 'invalid'],
    ],
    // A list `[1, 2]`, a range `[1..3]` or a map `{"a": 1}` inside an expression.
    literal: [[/[\]}]/, 'delimiter.bracket', '@pop'], { include: '@expression' }],
    doubleString: [
      [/[^"\\$]+/, 'string'],
      [/""/, 'string.escape'],
      [/\\./, 'string.escape'],
      [/\$!?\{/, 'variable', '@bracedReference'],
      [new RegExp(`\\$!?${IDENT}`), 'variable', '@reference'],
      [/\$/, 'string'],
      [/\\$/, 'string'],
      [/"/, 'string', '@pop'],
    ],
    singleString: [
      [/[^']+/, 'string'],
      [/''/, 'string.escape'],
      [/'/, 'string', '@pop'],
    ],
  },
}

/** Comments, brackets and auto-closing pairs for templates. */
export const VTL_CONFIGURATION: monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '##', blockComment: ['#*', '*#'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string', 'comment'] },
    { open: '#*', close: ' *#', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
  // `#set($x = 1)` is one word for double-click selection purposes only up to the punctuation.
  wordPattern: /(-?\d*\.\d\w*)|([^`~!@%^&*()=+[{\]}\\|;:'",.<>/?\s$#]+)/g,
  indentationRules: {
    increaseIndentPattern: /^\s*#\{?(?:if|elseif|else|foreach|define|macro)\b.*$|[{[]\s*$/,
    decreaseIndentPattern: /^\s*(?:#\{?(?:end|else|elseif)\b|[}\]])/,
  },
}

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

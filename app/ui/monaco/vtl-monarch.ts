/**
 * Velocity (API Gateway mapping template) highlighting and editing rules for Monaco. Pure data
 * (type-only Monaco import), so the tokenizer is unit-tested in Node with Monaco's own Monarch
 * lexer; `vtl-language.ts` registers it.
 */
import type * as monaco from 'monaco-editor/editor/editor.api'

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

/**
 * Highlighting and bracket rules of `java.util.regex.Pattern` syntax for selection-pattern
 * editors: groups, classes with `&&` intersections, quantifiers with lazy/possessive suffixes,
 * escapes, `\Q…\E` quoting and embedded flags. Pure data (type-only Monaco import), unit-tested
 * in Node with Monaco's own Monarch lexer; `java-regex-language.ts` registers it.
 */
import type * as monaco from 'monaco-editor/editor/editor.api'

/**
 * Java's embeddable flags (CASE_INSENSITIVE, UNIX_LINES, MULTILINE, DOTALL, UNICODE_CASE, COMMENTS,
 * UNICODE_CHARACTER_CLASS), on and/or off: `i`, `-m`, `s-m`.
 */
const FLAGS = '(?:[idmsuxU]+(?:-[idmsuxU]*)?|-[idmsuxU]+)'

/** Tokens; colours come from the built-in `vs` / `vs-dark` rules for these token names. */
export const JAVA_REGEX_MONARCH: monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.java-regex',
  tokenizer: {
    root: [
      { include: '@escapes' },
      [new RegExp(`\\(\\?${FLAGS}\\)`), 'keyword.flow'],
      [new RegExp(`\\(\\?${FLAGS}:`), 'keyword.flow'],
      [/\(\?(?:[:=!>]|<[=!]|<[a-zA-Z][a-zA-Z0-9]*>)/, 'keyword'],
      [/[()]/, 'keyword'],
      [/\|/, 'keyword'],
      [/(?:[*+?]|\{\d+(?:,\d*)?\})[?+]?/, 'number'],
      [/[$^.]/, 'variable.predefined'],
      [/\[\^?/, 'constant', '@characterClass'],
      [/[^\\()[|*+?{$^.]+/, ''],
      [/./, ''],
    ],
    characterClass: [
      { include: '@escapes' },
      [/\[\^?/, 'constant', '@push'],
      [/&&/, 'constant'],
      [/\]/, 'constant', '@pop'],
      [/-/, 'delimiter'],
      [/[^\\[\]&-]+/, ''],
      [/&/, ''],
    ],
    escapes: [
      [/\\Q/, 'regexp', '@quoted'],
      [/\\[pP](?:\{\^?[\w=]+\}|[A-Za-z])/, 'type'],
      [/\\[dDsSwWhHvVRX]/, 'type'],
      [/\\b\{g\}|\\[bBAGZz]/, 'variable.predefined'],
      [/\\k<[a-zA-Z][a-zA-Z0-9]*>|\\[1-9]/, 'variable'],
      [
        /\\(?:x\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|0[0-7]{1,3}|c[@-_?]|N\{[^}]+\}|[tnrfae])/,
        'regexp',
      ],
      // Java rejects a backslash before any other letter.
      [/\\[a-zA-Z]/, 'invalid'],
      [/\\./, 'regexp'],
      [/\\$/, 'invalid'],
    ],
    quoted: [
      [/\\E/, 'regexp', '@pop'],
      [/(?:[^\\]|\\(?!E))+/, 'string'],
    ],
  },
}

/** Brackets and auto-closing pairs for patterns. */
export const JAVA_REGEX_CONFIGURATION: monaco.languages.LanguageConfiguration = {
  brackets: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
  ],
}

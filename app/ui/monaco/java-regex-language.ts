/**
 * The `java-regex` language for selection-pattern editors: Monarch highlighting of
 * `java.util.regex.Pattern` syntax (groups, classes with `&&` intersections, quantifiers with
 * lazy/possessive suffixes, escapes, `\Q…\E` quoting and embedded flags). Validation is not done
 * here: the engine's regex module reports syntax errors as diagnostics, shown as markers.
 */
import * as monaco from 'monaco-editor/editor/editor.api'

/** The Monaco language id of Java regular expressions. */
export const JAVA_REGEX_LANGUAGE_ID = 'java-regex'

/** Java's embeddable flags: CASE_INSENSITIVE, UNIX_LINES, MULTILINE, DOTALL, UNICODE_CASE, COMMENTS, UNICODE_CHARACTER_CLASS. */
const FLAGS = '[idmsuxU]*'

/** Tokens; colours come from the built-in `vs` / `vs-dark` rules for these token names. */
export const JAVA_REGEX_MONARCH: monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.java-regex',
  tokenizer: {
    root: [
      { include: '@escapes' },
      [new RegExp(`\\(\\?${FLAGS}(?:-${FLAGS})?\\)`), 'keyword.flow'],
      [new RegExp(`\\(\\?${FLAGS}(?:-${FLAGS})?:`), 'keyword.flow'],
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

/** Registers the `java-regex` language once. */
export function registerJavaRegexLanguage(): void {
  const known = monaco.languages.getLanguages().some((l) => l.id === JAVA_REGEX_LANGUAGE_ID)
  if (known) return
  monaco.languages.register({ id: JAVA_REGEX_LANGUAGE_ID, aliases: ['Java regex'] })
  monaco.languages.setMonarchTokensProvider(JAVA_REGEX_LANGUAGE_ID, JAVA_REGEX_MONARCH)
  monaco.languages.setLanguageConfiguration(JAVA_REGEX_LANGUAGE_ID, JAVA_REGEX_CONFIGURATION)
}

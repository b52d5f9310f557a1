/**
 * The `java-regex` language for selection-pattern editors (rules in `java-regex-monarch.ts`).
 * Validation is not done here: the engine's regex module reports syntax errors as diagnostics,
 * which the editor shows as markers.
 */
import * as monaco from 'monaco-editor/editor/editor.api'
import { JAVA_REGEX_CONFIGURATION, JAVA_REGEX_MONARCH } from './java-regex-monarch'

/** The Monaco language id of Java regular expressions. */
export const JAVA_REGEX_LANGUAGE_ID = 'java-regex'

/** Registers the `java-regex` language once. */
export function registerJavaRegexLanguage(): void {
  const known = monaco.languages.getLanguages().some((l) => l.id === JAVA_REGEX_LANGUAGE_ID)
  if (known) return
  monaco.languages.register({ id: JAVA_REGEX_LANGUAGE_ID, aliases: ['Java regex'] })
  monaco.languages.setMonarchTokensProvider(JAVA_REGEX_LANGUAGE_ID, JAVA_REGEX_MONARCH)
  monaco.languages.setLanguageConfiguration(JAVA_REGEX_LANGUAGE_ID, JAVA_REGEX_CONFIGURATION)
}

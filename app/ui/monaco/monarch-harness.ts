/**
 * Runs a Monarch definition through Monaco's own Monarch compiler and lexer in Node, for the
 * tokenizer unit tests (never imported by app code). Those two modules need no DOM; the services
 * the lexer asks for are stubbed with what plain `tokenize` uses.
 */
import type * as monaco from 'monaco-editor/editor/editor.api'
// @ts-expect-error Monaco ships no typings for its internal Monarch modules.
import { compile } from 'monaco-editor/editor/standalone/common/monarch/monarchCompile.js'
// @ts-expect-error Monaco ships no typings for its internal Monarch modules.
import { MonarchTokenizer } from 'monaco-editor/editor/standalone/common/monarch/monarchLexer.js'

/** A token: its text and its type without the language postfix (`keyword`, not `keyword.vtl`). */
export type TestToken = [text: string, type: string]

type LineTokenizer = {
  getInitialState(): unknown
  tokenize(
    line: string,
    hasEOL: boolean,
    state: unknown,
  ): { tokens: Array<{ offset: number; type: string }>; endState: unknown }
}

/** Tokenizes `text` line by line (state carried across lines); one token list per line. */
export function tokenizeWith(
  languageId: string,
  definition: monaco.languages.IMonarchLanguage,
  text: string,
): TestToken[][] {
  const configuration = {
    getValue: () => 20_000,
    onDidChangeConfiguration: () => ({ dispose() {} }),
  }
  const lexer: unknown = compile(languageId, definition)
  const tokenizer = new MonarchTokenizer({}, {}, languageId, lexer, configuration) as LineTokenizer
  let state = tokenizer.getInitialState()
  const lines = text.split('\n')
  return lines.map((line, index) => {
    const result = tokenizer.tokenize(line, index < lines.length - 1, state)
    state = result.endState
    const postfix = typeof definition.tokenPostfix === 'string' ? definition.tokenPostfix : ''
    return result.tokens
      .map((token, i): TestToken => {
        const end = result.tokens[i + 1]?.offset ?? line.length
        const type =
          postfix && token.type.endsWith(postfix)
            ? token.type.slice(0, -postfix.length)
            : token.type
        return [line.slice(token.offset, end), type]
      })
      .filter(([tokenText]) => tokenText.length > 0)
  })
}

/** The tokens of a one-line text, dropping whitespace-only and unstyled (`''`/`source`) tokens. */
export function styledTokens(
  languageId: string,
  definition: monaco.languages.IMonarchLanguage,
  line: string,
): TestToken[] {
  return (tokenizeWith(languageId, definition, line)[0] ?? []).filter(
    ([text, type]) => text.trim() !== '' && type !== '' && type !== 'source',
  )
}

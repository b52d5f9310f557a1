/**
 * The JSON language: Monaco's own JSON worker and language-feature adapters, connected here
 * instead of through `monaco-editor/languages/features/json/register`. In 0.57 that contribution
 * reaches its worker through a module that imports every editor contribution (code lens, colour
 * picker, inline completions, sticky scroll, …), about 130 KB gzip the lab does not use; the
 * adapters and the worker are the same either way.
 */
import * as monaco from 'monaco-editor/editor/editor.api'
import type {
  DiagnosticsOptions,
  IJSONWorker,
} from 'monaco-editor/languages/features/json/register'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'
// @ts-expect-error Monaco ships no typings for its language-feature adapters.
import * as lsp from 'monaco-editor/languages/features/common/lspLanguageFeatures.js'
// @ts-expect-error Monaco ships no typings for the JSON tokenizer.
import { createTokenizationSupport } from 'monaco-editor/languages/features/json/tokenization.js'

/** One JSON schema, inline (never fetched). */
export type InlineJsonSchema = { uri: string; fileMatch: string[]; schema: object }

type WorkerAccessor = (...resources: monaco.Uri[]) => Promise<IJSONWorker>

type Adapters = {
  DiagnosticsAdapter: new (
    languageId: string,
    worker: WorkerAccessor,
    onConfigChange: monaco.IEvent<unknown>,
  ) => monaco.IDisposable
  CompletionAdapter: new (
    worker: WorkerAccessor,
    triggerCharacters: string[],
  ) => monaco.languages.CompletionItemProvider
  HoverAdapter: new (worker: WorkerAccessor) => monaco.languages.HoverProvider
  FoldingRangeAdapter: new (worker: WorkerAccessor) => monaco.languages.FoldingRangeProvider
}

const LANGUAGE_ID = 'json'

/** Brackets and quotes for JSON text. */
const CONFIGURATION: monaco.languages.LanguageConfiguration = {
  wordPattern: /(-?\d*\.\d\w*)|([^[{\]}:",\s]+)/g,
  brackets: [
    ['{', '}'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}', notIn: ['string'] },
    { open: '[', close: ']', notIn: ['string'] },
    { open: '"', close: '"', notIn: ['string'] },
  ],
}

/** Starts the JSON worker on first use and keeps it for the page's lifetime. */
function createWorkerAccessor(options: DiagnosticsOptions): WorkerAccessor {
  let client: monaco.editor.MonacoWebWorker<IJSONWorker> | undefined
  return async (...resources) => {
    if (!client) {
      const worker = new JsonWorker()
      // The worker's first message is ignored, its second carries the language settings.
      worker.postMessage('ignore')
      worker.postMessage({
        languageSettings: options,
        languageId: LANGUAGE_ID,
        enableSchemaRequest: false,
      })
      client = monaco.editor.createWebWorker<IJSONWorker>({ worker })
    }
    const proxy = await client.getProxy()
    await client.withSyncedResources(resources)
    return proxy
  }
}

/**
 * Registers the `json` language with strict JSON syntax and the given inline schemas: tokens,
 * diagnostics, schema-driven completion and hover, and folding (the lab needs no colours,
 * symbols, formatting or selection ranges).
 */
export function registerJsonLanguage(schemas: InlineJsonSchema[]): void {
  if (monaco.languages.getLanguages().some((language) => language.id === LANGUAGE_ID)) return
  const options: DiagnosticsOptions = {
    validate: true,
    allowComments: false,
    comments: 'error',
    trailingCommas: 'error',
    enableSchemaRequest: false,
    schemaRequest: 'ignore',
    schemaValidation: 'warning',
    schemas,
  }
  const adapters = lsp as Adapters
  const worker = createWorkerAccessor(options)
  const noConfigChanges = new monaco.Emitter<unknown>().event
  monaco.languages.register({
    id: LANGUAGE_ID,
    extensions: ['.json'],
    aliases: ['JSON', 'json'],
    mimetypes: ['application/json'],
  })
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, CONFIGURATION)
  monaco.languages.setTokensProvider(
    LANGUAGE_ID,
    (createTokenizationSupport as (supportComments: boolean) => monaco.languages.TokensProvider)(
      false,
    ),
  )
  monaco.languages.registerCompletionItemProvider(
    LANGUAGE_ID,
    new adapters.CompletionAdapter(worker, [' ', ':', '"']),
  )
  monaco.languages.registerHoverProvider(LANGUAGE_ID, new adapters.HoverAdapter(worker))
  monaco.languages.registerFoldingRangeProvider(
    LANGUAGE_ID,
    new adapters.FoldingRangeAdapter(worker),
  )
  new adapters.DiagnosticsAdapter(LANGUAGE_ID, worker, noConfigChanges)
}

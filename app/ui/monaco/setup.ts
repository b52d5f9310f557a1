/**
 * Loads Monaco once, lean: the editor core (`editor.api`), the few editor features the lab uses,
 * and the JSON language, with both web workers bundled locally (the page never requests another
 * origin). Registers the VTL and Java-regex languages and the JSON schemas, and keeps the editor
 * theme in step with `<html data-theme>`. Only `CodeEditor.tsx` imports this, and that component
 * is itself loaded lazily, so none of it is in the initial bundle.
 */
import * as monaco from 'monaco-editor/editor/editor.api'
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/cursorUndo/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/gotoError/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/indentation/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/placeholderText/register'
import 'monaco-editor/features/snippet/register'
import 'monaco-editor/features/suggest/register'
import 'monaco-editor/features/toggleTabFocusMode/register'
import 'monaco-editor/features/wordHighlighter/register'
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import { JSON_SCHEMAS } from './json-schemas'
import type { JsonSchemaId } from './json-schemas'
import { registerJavaRegexLanguage } from './java-regex-language'
import { registerJsonLanguage } from './json-language'
import { registerVtlLanguage } from './vtl-language'

export { monaco }

export type { JsonSchemaId }

/**
 * A unique model URI for one editor. A schema's `fileMatch` is `*.<schema id>.json`, so the URI
 * alone ties the model to its schema.
 */
export function createModelUri(testId: string, jsonSchema?: JsonSchemaId): monaco.Uri {
  modelCount += 1
  const name = testId.replace(/[^\w.-]+/g, '-') || 'editor'
  const suffix = jsonSchema ? `.${jsonSchema}.json` : ''
  return monaco.Uri.parse(`inmemory://api-gateway-lab/${modelCount}-${name}${suffix}`)
}

let modelCount = 0
let installed = false

function installWorkers(): void {
  self.MonacoEnvironment = {
    // The JSON worker is started by `json-language.ts` itself; any other is the editor's.
    getWorker: () => new EditorWorker(),
  }
}

/** The schema's own `$id` when it has one, so the worker sees a single name for it. */
function schemaUri(id: string, schema: object): string {
  const declared = (schema as { $id?: unknown }).$id
  return typeof declared === 'string' ? declared : `inmemory://api-gateway-lab/schemas/${id}.json`
}

function installJsonLanguage(): void {
  registerJsonLanguage(
    Object.entries(JSON_SCHEMAS).map(([id, schema]) => ({
      uri: schemaUri(id, schema),
      fileMatch: [`*.${id}.json`],
      schema,
    })),
  )
}

function currentTheme(): 'vs' | 'vs-dark' {
  const attribute = document.documentElement.getAttribute('data-theme')
  if (attribute === 'dark') return 'vs-dark'
  if (attribute === 'light') return 'vs'
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs'
}

function followPageTheme(): void {
  const apply = () => monaco.editor.setTheme(currentTheme())
  apply()
  new MutationObserver(apply).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  })
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', apply)
}

/** Sets Monaco up once; every editor calls this before creating itself. */
export function ensureMonacoSetup(): typeof monaco {
  if (installed) return monaco
  installed = true
  installWorkers()
  installJsonLanguage()
  registerVtlLanguage()
  registerJavaRegexLanguage()
  followPageTheme()
  return monaco
}

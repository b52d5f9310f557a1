import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const CORE = [
  'app/model/**',
  'app/vtl/**',
  'app/regex/**',
  'app/lint/**',
  'app/engine/**',
  'app/share/**',
  'app/formats/**',
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/.results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['app/ui/**/*.tsx', 'app/ui/**/*.ts', 'app/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The pure core runs in Node and in a Web Worker: no UI, no host globals, no hidden inputs.
    files: CORE,
    ignores: ['**/*.test.ts', '**/oracle/cli.ts', '**/conformance/cli.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'zustand',
                'zustand/*',
                'monaco-editor',
                'monaco-editor/*',
              ],
              message: 'The pure core must not depend on UI libraries.',
            },
            {
              group: ['**/state', '**/state/*', '**/ui', '**/ui/*'],
              message: 'The pure core must not import app/state or app/ui.',
            },
            {
              group: ['node:*', 'fs', 'path'],
              message: 'The pure core runs in a browser worker too.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'navigator',
        'location',
        'self',
        'globalThis',
        'process',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Inject the clock through env.' },
        { object: 'Math', property: 'random', message: 'Inject ids through env.' },
      ],
    },
  },
)

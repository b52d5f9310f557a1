/**
 * Real configuration formats: import (text → methods → scenario) and the adapter contract.
 * The export side lives in `./export` and is loaded on its own.
 */
export type * from './types'
export type { HclParse, ImportOptions } from './import'
export {
  MAX_TEXT_LENGTH,
  SERVERLESS_DEFAULT_STATUS_CODES,
  createHclParser,
  defaultLambdaOutcome,
  importText,
  isOwnScenarioJson,
} from './import'

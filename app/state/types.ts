import type { Diagnostic } from '../model'
import type { InputsSlice } from './slices/inputs'
import type { OutputSlice } from './slices/output'
import type { UiSlice } from './slices/ui'

/** The whole store: the slices combined. */
export type AppState = InputsSlice & UiSlice & OutputSlice

/** How one integration response's selection pattern fares against the current subject. */
export type RuleCheck = {
  /** `default`: empty pattern; `stopped`: exceeded the time budget and was not evaluated. */
  outcome: 'matched' | 'not-matched' | 'invalid' | 'untranslatable' | 'stopped' | 'default'
  /** The string the pattern was matched against. */
  subject: string
  explanation?: string
  diagnostics: Diagnostic[]
}

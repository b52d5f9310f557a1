/** The UI slice: preferences and page chrome, kept beside the scenario, never inside it. */
import type { StateCreator } from 'zustand'
import type { AppState } from '../types'

/** Colour theme: follow the system, or forced. */
export type ThemePreference = 'system' | 'light' | 'dark'

/** A dismissible message at the top of the page. */
export type Banner = {
  kind: 'error' | 'info'
  message: string
}

/** The UI slice's state and actions. */
export type UiSlice = {
  theme: ThemePreference
  /** How the client response body is shown. */
  bodyView: 'pretty' | 'raw'
  banner: Banner | null
  /** Other errorMessages to try, separated by lines holding only `---`. */
  trialMessages: string
  setTrialMessages: (text: string) => void
  setTheme: (theme: ThemePreference) => void
  setBodyView: (view: 'pretty' | 'raw') => void
  showBanner: (banner: Banner) => void
  dismissBanner: () => void
}

/** Creates the UI slice. */
export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  theme: 'system',
  bodyView: 'pretty',
  banner: null,
  trialMessages: '',
  setTrialMessages: (trialMessages) => set({ trialMessages }),
  setTheme: (theme) => set({ theme }),
  setBodyView: (bodyView) => set({ bodyView }),
  showBanner: (banner) => set({ banner }),
  dismissBanner: () => set({ banner: null }),
})

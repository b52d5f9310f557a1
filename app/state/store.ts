/** The one bound store, combined from slices (the zustand slices pattern). */
import { create } from 'zustand'
import { createInputsSlice } from './slices/inputs'
import { createLessonSlice } from './slices/lesson'
import { createOutputSlice } from './slices/output'
import { createUiSlice } from './slices/ui'
import type { AppState } from './types'

/** Creates a fresh store (the app uses one; tests make their own). */
export function createAppStore() {
  return create<AppState>()((...a) => ({
    ...createInputsSlice(...a),
    ...createUiSlice(...a),
    ...createOutputSlice(...a),
    ...createLessonSlice(...a),
  }))
}

/** The app's store. */
export const useAppStore = createAppStore()

/** The store's type, for code that receives a store. */
export type AppStore = ReturnType<typeof createAppStore>

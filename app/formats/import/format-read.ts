/** What each format's reader returns before `importText` wraps it. */
import type { FormatId, ImportedScenario, NotImported } from '../types'

export type MethodEntry = {
  id: string
  httpMethod: string
  resourcePath: string | undefined
  /** Builds the scenario on demand, so listing a large file stays fast. */
  build: () => ImportedScenario
}

export type FormatRead = {
  format: FormatId
  methods: MethodEntry[]
  notImported: NotImported[]
}

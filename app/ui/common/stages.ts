import type { StageName } from '../../model'

/** Display names of the pipeline stages, in order. */
export const STAGE_LABELS: Record<StageName, string> = {
  'method-request': 'Method request',
  'integration-request': 'Integration request',
  lambda: 'Lambda',
  'integration-response': 'Integration response',
  'method-response': 'Method response',
  'gateway-response': 'Gateway response',
}

/** Pretty JSON when the text is JSON, else the text unchanged. */
export function prettifyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

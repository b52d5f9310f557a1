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

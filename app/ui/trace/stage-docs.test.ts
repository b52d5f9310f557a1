import { describe, expect, it } from 'vitest'
import type { StageName } from '../../model'
import { readStageDoc } from './stage-docs'

const STAGES: StageName[] = [
  'method-request',
  'integration-request',
  'lambda',
  'integration-response',
  'method-response',
  'gateway-response',
]

describe('stage explanations', () => {
  it('give every stage one line and a Developer Guide page, for both integrations', () => {
    for (const proxy of [true, false])
      for (const stage of STAGES) {
        const doc = readStageDoc(stage, proxy)
        expect(doc.url).toMatch(
          /^https:\/\/docs\.aws\.amazon\.com\/apigateway\/latest\/developerguide\/[a-z-]+\.html$/i,
        )
        expect(doc.why).not.toContain('\n')
        expect(doc.why.length).toBeLessThan(200)
      }
  })

  it('tell proxy and custom apart where they differ', () => {
    expect(readStageDoc('integration-response', true).why).toContain('502')
    expect(readStageDoc('integration-response', false).why).toContain('selection pattern')
  })
})

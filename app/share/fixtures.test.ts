import { describe, expect, it } from 'vitest'
import type { Scenario } from '../model'
import { decodeShareState } from './index'

/**
 * Links made by released share formats. These strings are FROZEN: never regenerate them. If a
 * test here fails, an old link in someone's bookmarks or chat history has stopped working.
 */
const V1_LINK = [
  'v1.eNqlVNtu00AQ_ZVoVamlip1LWy6WeAhtoEikrWhKIzWomtiTeIm9u-yuU6IqEp_BG898Bz_EJzC7dm7AA2r95J3',
  'LmTNnZveemRgFaC5ZRP9oC-V_LEzwDHJkEbNoLKuXpg8UCaMMjQtCMSN3gjO2qLMcbSoTZ06tVb3qxN50-5Sr0chCx',
  '3gBNiVjI4N8lAA5yqz3aJQUpkRtN5sVA1uYY5k4Cs5GNQ7_4XI2X8AjXIAm0ha1hyrRw6UzTBES1OEg6GotddCfK0I',
  'YQ2ZwsVi18FZYnGiwXAqHYX0Q61xfUpmt1i7OL11vheZ0AC0iuDMRKD4Bi3cwjwoTIBgbtKKy3UhR9412s3UUNA-Cg',
  '1ZjXIjYlTGNZXYVuM5stQ8Oj54-e_6i2WpHy_hoLBpczGTsSRrf_ueCptTHXGVU3TcPSmW8DGl8Mq4Zdj9kPBmyqDZ',
  'kO1yowobK6WX2dnmy-2TIFk5kBcbYVMtikr7CFGZcakq9Pu2e3Z6d3_Y6_eNTqsjXKj1-egYz9J3RftDsHNVw_6TI8',
  '3kN3aTC_ceNeJPtOnQkk3no8X0UMVy6_kPHHI2h-_CHmDbd290pMXtlQCWr--qs2owtwU66rztX7_q3R4OBOz6Iwk4',
  'sqcEvtqwcVo5Lq7mYlMVXK7LWbHU5He2tS0mBeu5US14ett3We009k04coyKQvynV2SDoFZmly3DDHMqIfXR1K1TKn',
  'XLhinqO5F9usx8U2a9ECiLJMPGU5pkE_5psiklRG1tRC8OwFsP454_ar-_fvlLaepgRK2H9sxVP-xpiMt4QI6JUEEe',
  '62Cn65y0BPSWNfgMJTrsK',
].join('')

const V1_SCENARIO: Scenario = {
  setup: {
    stageName: 'test',
    stageVariables: { env: 'dev' },
    method: {
      httpMethod: 'GET',
      resourcePath: '/lambda',
      methodResponses: {
        '200': { statusCode: '200' },
        '400': {
          statusCode: '400',
          responseParameters: { 'method.response.header.X-Error-Type': false },
        },
      },
      methodIntegration: {
        type: 'AWS',
        httpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations',
        requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
        passthroughBehavior: 'WHEN_NO_MATCH',
        integrationResponses: {
          '200': { statusCode: '200' },
          '400': {
            statusCode: '400',
            selectionPattern: '.*Dummy error.*',
            responseParameters: {
              'method.response.header.X-Error-Type': 'integration.response.body.errorType',
            },
            responseTemplates: {
              'application/json': '{"message": "$input.path(\'$.errorMessage\')"}',
            },
          },
        },
      },
    },
    gatewayResponses: {
      DEFAULT_5XX: {
        responseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
      },
    },
  },
  request: {
    method: 'GET',
    path: '/lambda',
    query: 'id=42',
    headers: { Accept: 'application/json', 'X-Multi': ['a', 'b'] },
  },
  lambda: {
    kind: 'error',
    functionError: 'Unhandled',
    payload: { errorMessage: 'Dummy error ... café 😀', errorType: 'Error', stackTrace: [] },
  },
}

describe('frozen share links keep decoding', () => {
  it('v1 (first release) decodes to the same scenario and ui', () => {
    expect(decodeShareState('#' + V1_LINK)).toEqual({
      ok: true,
      version: 1,
      value: { scenario: V1_SCENARIO, ui: { theme: 'dark' } },
    })
  })
})

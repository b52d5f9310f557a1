/**
 * One plain-words line per trace stage on why it exists, and the Developer Guide page that
 * describes it. The links are ordinary anchors: nothing is fetched until someone follows one.
 */
import type { StageName } from '../../model'

const GUIDE = 'https://docs.aws.amazon.com/apigateway/latest/developerguide/'

/** What a stage explanation holds. */
export type StageDoc = {
  /** One line: why API Gateway does this, in plain words. */
  why: string
  /** The Developer Guide page about it. */
  url: string
  /** The page's subject, for the link text. */
  topic: string
}

/** The explanation of `stage` for a proxy (`AWS_PROXY`) or custom (`AWS`) integration. */
export function readStageDoc(stage: StageName, proxy: boolean): StageDoc {
  switch (stage) {
    case 'method-request':
      return {
        why: 'API Gateway first finds the resource and method the request is for and checks what the method requires, before anything reaches the function.',
        url: `${GUIDE}api-gateway-method-settings-method-request.html`,
        topic: 'method requests',
      }
    case 'integration-request':
      return proxy
        ? {
            why: 'With Lambda proxy, the whole HTTP request becomes one fixed-shape event; nothing is mapped.',
            url: `${GUIDE}set-up-lambda-proxy-integrations.html`,
            topic: 'Lambda proxy integrations',
          }
        : {
            why: 'With a custom integration, a mapping template (or passthrough) decides what payload the function receives.',
            url: `${GUIDE}set-up-lambda-custom-integrations.html`,
            topic: 'Lambda custom integrations',
          }
    case 'lambda':
      return {
        why: 'API Gateway invokes the function; a thrown error still comes back from Invoke as status 200, flagged with X-Amz-Function-Error.',
        url: `${GUIDE}handle-errors-in-lambda-integration.html`,
        topic: 'Lambda errors',
      }
    case 'integration-response':
      return proxy
        ? {
            why: 'With Lambda proxy, the result must be {statusCode, headers, body}: it becomes the HTTP response, and a thrown error or any other shape becomes a 502.',
            url: `${GUIDE}set-up-lambda-proxy-integrations.html`,
            topic: 'the proxy output format',
          }
        : {
            why: 'A custom integration picks an integration response by matching the whole errorMessage against each selection pattern; with no match, the default response is used.',
            url: `${GUIDE}api-gateway-integration-settings-integration-response.html`,
            topic: 'integration responses',
          }
    case 'method-response':
      return {
        why: 'The status sent must be declared as a method response, which also lists the headers the client may get.',
        url: `${GUIDE}api-gateway-method-settings-method-response.html`,
        topic: 'method responses',
      }
    case 'gateway-response':
      return {
        why: 'When API Gateway answers by itself (an error before or after the function), a gateway response sets the status and body.',
        url: `${GUIDE}api-gateway-gatewayResponse-definition.html`,
        topic: 'gateway responses',
      }
  }
}

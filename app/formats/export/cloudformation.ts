/**
 * CloudFormation (YAML with short tags, or JSON) and SAM. CloudFormation writes plain resources:
 * the RestApi, one AWS::ApiGateway::Resource per path segment, the Method with its Integration,
 * GatewayResponses, a Deployment and a Stage, and the Lambda permission. SAM writes one
 * AWS::Serverless::Api whose DefinitionBody is the OpenAPI document (SAM then creates the
 * deployment and stage itself, with the stage variables given as `Variables`).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-method.html
 */
import type { Json, Setup } from '../../model'
import {
  checkIntrinsicLookalikes,
  entriesOf,
  hasEntries,
  objectFrom,
  splitLambdaUri,
  splitResourcePath,
} from './common'
import { buildOpenApiDocument } from './openapi'

/** The template parameter that names the function. */
export const FUNCTION_PARAMETER = 'LambdaFunctionArn'

const ref = (name: string): Json => ({ Ref: name })
const getAtt = (name: string, attribute: string): Json => ({ 'Fn::GetAtt': [name, attribute] })
const sub = (text: string): Json => ({ 'Fn::Sub': text })

/** Letters and digits of a text, for logical ids. */
function alnum(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '')
}

/** The uri as a template value, and the Parameters entry when the function became a parameter. */
function templateUri(setup: Setup): { uri: Json | undefined; parameters: Record<string, Json> } {
  const uri = setup.method.methodIntegration.uri
  const lambda = splitLambdaUri(uri)
  if (!lambda) return { uri, parameters: {} }
  return {
    // `${` in Fn::Sub text is a substitution; the prefix is an ARN and cannot contain one.
    uri: sub(`${lambda.prefix}\${${FUNCTION_PARAMETER}}${lambda.suffix}`),
    parameters: {
      [FUNCTION_PARAMETER]: {
        Type: 'String',
        Description: 'ARN of the Lambda function the method invokes',
        Default: lambda.functionArn,
      },
    },
  }
}

/** The CloudFormation template as a JSON value (long-form intrinsics) and what it cannot hold. */
export function buildCloudFormationTemplate(setup: Setup): {
  template: Record<string, Json>
  cannotHold: string[]
} {
  const cannotHold = checkIntrinsicLookalikes(setup)
  const method = setup.method
  const integration = method.methodIntegration
  const { uri, parameters } = templateUri(setup)
  const resources: [string, Json][] = []

  const api: Record<string, Json> = { Name: 'api-gateway-lab' }
  if (setup.binaryMediaTypes && setup.binaryMediaTypes.length > 0)
    api.BinaryMediaTypes = [...setup.binaryMediaTypes]
  resources.push(['Api', { Type: 'AWS::ApiGateway::RestApi', Properties: api }])

  let parent: Json = getAtt('Api', 'RootResourceId')
  splitResourcePath(method.resourcePath).forEach((segment, index) => {
    const id = `Resource${index + 1}${alnum(segment)}`
    resources.push([
      id,
      {
        Type: 'AWS::ApiGateway::Resource',
        Properties: { RestApiId: ref('Api'), ParentId: parent, PathPart: segment },
      },
    ])
    parent = ref(id)
  })

  const cfnIntegration: Record<string, Json> = { Type: integration.type }
  if (integration.httpMethod !== undefined)
    cfnIntegration.IntegrationHttpMethod = integration.httpMethod
  if (uri !== undefined) cfnIntegration.Uri = uri
  if (hasEntries(integration.requestTemplates))
    cfnIntegration.RequestTemplates = objectFrom(entriesOf(integration.requestTemplates))
  if (hasEntries(integration.requestParameters))
    cfnIntegration.RequestParameters = objectFrom(entriesOf(integration.requestParameters))
  if (integration.passthroughBehavior !== undefined)
    cfnIntegration.PassthroughBehavior = integration.passthroughBehavior
  if (integration.contentHandling !== undefined)
    cfnIntegration.ContentHandling = integration.contentHandling
  if (integration.timeoutInMillis !== undefined)
    cfnIntegration.TimeoutInMillis = integration.timeoutInMillis
  const integrationResponses = entriesOf(integration.integrationResponses).map(([, r]) => {
    const out: Record<string, Json> = { StatusCode: r.statusCode }
    if (r.selectionPattern !== undefined && r.selectionPattern !== '')
      out.SelectionPattern = r.selectionPattern
    if (hasEntries(r.responseParameters))
      out.ResponseParameters = objectFrom(entriesOf(r.responseParameters))
    if (hasEntries(r.responseTemplates))
      out.ResponseTemplates = objectFrom(entriesOf(r.responseTemplates))
    if (r.contentHandling !== undefined) out.ContentHandling = r.contentHandling
    return out
  })
  if (integrationResponses.length > 0) cfnIntegration.IntegrationResponses = integrationResponses

  const methodProperties: Record<string, Json> = {
    RestApiId: ref('Api'),
    ResourceId: parent,
    HttpMethod: method.httpMethod,
    AuthorizationType: 'NONE',
  }
  if (hasEntries(method.requestParameters))
    methodProperties.RequestParameters = objectFrom(entriesOf(method.requestParameters))
  if (method.requestValidatorId !== undefined) {
    cannotHold.push(
      'setup.method.requestValidatorId (a template refers to a validator it defines, not to an id)',
    )
  }
  const methodResponses = entriesOf(method.methodResponses).map(([, r]) => {
    const out: Record<string, Json> = { StatusCode: r.statusCode }
    if (hasEntries(r.responseParameters))
      out.ResponseParameters = objectFrom(entriesOf(r.responseParameters))
    if (hasEntries(r.responseModels)) out.ResponseModels = objectFrom(entriesOf(r.responseModels))
    return out
  })
  if (methodResponses.length > 0) methodProperties.MethodResponses = methodResponses
  methodProperties.Integration = cfnIntegration
  resources.push(['Method', { Type: 'AWS::ApiGateway::Method', Properties: methodProperties }])

  const dependsOn: Json[] = ['Method']
  const usedIds = new Set<string>()
  for (const [type, r] of entriesOf(setup.gatewayResponses)) {
    let id = `GatewayResponse${alnum(type)}`
    for (let n = 2; usedIds.has(id); n++) id = `GatewayResponse${alnum(type)}${n}`
    usedIds.add(id)
    const properties: Record<string, Json> = { RestApiId: ref('Api'), ResponseType: type }
    if (r.statusCode !== undefined) properties.StatusCode = r.statusCode
    if (hasEntries(r.responseParameters))
      properties.ResponseParameters = objectFrom(entriesOf(r.responseParameters))
    if (hasEntries(r.responseTemplates))
      properties.ResponseTemplates = objectFrom(entriesOf(r.responseTemplates))
    resources.push([id, { Type: 'AWS::ApiGateway::GatewayResponse', Properties: properties }])
    dependsOn.push(id)
  }

  resources.push([
    'Deployment',
    {
      Type: 'AWS::ApiGateway::Deployment',
      DependsOn: dependsOn,
      Properties: { RestApiId: ref('Api') },
    },
  ])
  const stage: Record<string, Json> = {
    RestApiId: ref('Api'),
    DeploymentId: ref('Deployment'),
    StageName: setup.stageName ?? 'test',
  }
  if (hasEntries(setup.stageVariables))
    stage.Variables = objectFrom(entriesOf(setup.stageVariables))
  resources.push(['Stage', { Type: 'AWS::ApiGateway::Stage', Properties: stage }])

  if (FUNCTION_PARAMETER in parameters) resources.push(lambdaPermission())

  const template: Record<string, Json> = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'API Gateway Lab export: one REST API method in front of a Lambda function',
  }
  if (hasEntries(parameters)) template.Parameters = parameters
  template.Resources = objectFrom(resources)
  return { template, cannotHold }
}

/** The SAM template: an AWS::Serverless::Api whose DefinitionBody is the OpenAPI document. */
export function buildSamTemplate(setup: Setup): {
  template: Record<string, Json>
  cannotHold: string[]
} {
  const { uri, parameters } = templateUri(setup)
  const { document, cannotHold } = buildOpenApiDocument(setup, uri === undefined ? {} : { uri })
  const stageCannotHold = cannotHold.filter((c) => !c.startsWith('setup.stageVariables'))
  // SAM makes the stage from StageName; the OpenAPI servers entry would only repeat it.
  delete document.servers
  const properties: Record<string, Json> = {
    StageName: setup.stageName ?? 'test',
    // Without it, SAM 1.x also creates a stage named "Stage" beside StageName.
    OpenApiVersion: '3.0.1',
    DefinitionBody: document,
  }
  if (hasEntries(setup.stageVariables))
    properties.Variables = objectFrom(entriesOf(setup.stageVariables))
  const resources: [string, Json][] = [
    ['Api', { Type: 'AWS::Serverless::Api', Properties: properties }],
  ]
  if (FUNCTION_PARAMETER in parameters) resources.push(lambdaPermission())
  const template: Record<string, Json> = {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: 'API Gateway Lab export: one REST API method in front of a Lambda function',
  }
  if (hasEntries(parameters)) template.Parameters = parameters
  template.Resources = objectFrom(resources)
  return { template, cannotHold: [...checkIntrinsicLookalikes(setup), ...stageCannotHold] }
}

/** Lets API Gateway invoke the function given as the template parameter. */
function lambdaPermission(): [string, Json] {
  return [
    'LambdaPermission',
    {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        FunctionName: ref(FUNCTION_PARAMETER),
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: sub(
          'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*',
        ),
      },
    },
  ]
}

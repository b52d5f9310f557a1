/**
 * Where each runtime error shape in runtime-errors.ts comes from: the runtime interface client
 * source or AWS documentation that gives its keys, spelling and serialiser. Kept apart from
 * runtime-errors.ts so the page does not carry these references at start.
 */
export const RUNTIME_ERROR_SOURCES = {
  python:
    'aws-lambda-python-runtime-interface-client: bootstrap.py make_error (keys errorMessage, errorType, requestId, stackTrace) serialised by simplejson with its default ", " / ": " separators; traceback.format_list lines',
  pythonHandler:
    "aws-lambda-python-runtime-interface-client: bootstrap.py _get_handler (\"Handler '<name>' missing on module '<module>'\", Runtime.HandlerNotFound), reported at init without a request id",
  nodejs:
    'aws-lambda-nodejs-runtime-interface-client: Errors.js toRapidResponse ({errorType, errorMessage, trace: error.stack split on newlines}) serialised by JSON.stringify',
  nodejsHandler:
    'aws-lambda-nodejs-runtime-interface-client: UserFunction.js ("<module>.<handler> is undefined or not exported", Runtime.HandlerNotFound)',
  java: 'aws-lambda-java-libs: runtime interface client LambdaErrorConverter.fromThrowable (errorMessage, errorType = class name, stackTrace = StackTraceElement.toString()) serialised by the compact, non-HTML-escaping Gson of GsonFactory; a "cause" appears only for wrapped exceptions (documented example in https://docs.aws.amazon.com/lambda/latest/dg/java-exceptions.html)',
  javaHandler:
    'message from https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-deployment.html ("Class not found: function.Handler"); no stackTrace for faults met while loading the handler (aws-lambda-java-libs LambdaErrorConverter.fromUserFault); the errorType is inferred',
  dotnetHandler:
    "message from https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-deployment.html (\"Unable to load type 'Function.Handler' from assembly 'Function'.\"), written by Amazon.Lambda.RuntimeSupport LambdaJsonExceptionWriter; the errorType is inferred",
  rubyHandler:
    'message from https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-deployment.html ("undefined method `handler\' for #<LambdaHandler:0x000055b76ccebf98>"); errorType "Init<Class>" from aws-lambda-ruby-runtime-interface-client lambda_errors.rb (LambdaRuntimeInitError)',
  dotnet:
    'aws-lambda-dotnet: Amazon.Lambda.RuntimeSupport LambdaJsonExceptionWriter (errorType = exception type name, errorMessage, stackTrace; two-space indent, one key per line, trailing newline)',
  go: 'aws-lambda-go: lambda/errors.go lambdaErrorResponse (errorType = the Go type name, "errorString" for errors.New; no stackTrace) serialised by encoding/json (escapes <, > and &)',
  ruby: 'aws-lambda-ruby-runtime-interface-client: lambda_errors.rb to_lambda_response (errorMessage, errorType "Function<Class>", stackTrace) serialised by to_json',
  timeout:
    'Lambda itself: {"errorType":"Sandbox.Timedout","errorMessage":"RequestId: <id> Error: Task timed out after N.00 seconds"} (AWS-validated LocalStack snapshot tests/aws/services/lambda_/test_lambda.snapshot.json, 2025)',
  runtimeExit:
    'Lambda itself: {"errorType":"Runtime.ExitError","errorMessage":"RequestId: <id> Error: Runtime exited with error: exit status 1"} (real error payloads quoted in public code, e.g. a Step Functions Cause with "Runtime exited with error: signal: killed"; the exit reason varies)',
  responseTooLarge:
    'Lambda itself: Function.ResponseSizeTooLarge with "Response payload size exceeded maximum allowed payload size (6291556 bytes)." (real API Gateway access logs quoted in DataBiosphere/azul#8192; Lambda quotas page)',
} as const

/** A key of RUNTIME_ERROR_SOURCES. */
export type RuntimeErrorSource = keyof typeof RUNTIME_ERROR_SOURCES

/**
 * What Lambda itself adds to a function's environment (region, credentials, function name, …). The local
 * runtime adds the same to the environment the spec gives (infra/environment.ts), and the cold-start test
 * of the synthesized bundles does too, with dummy credentials.
 */
export function lambdaRuntimeEnvironment(
  functionName: string,
  options: { region?: string; accessKeyId?: string; memoryMb?: number } = {},
): Record<string, string> {
  const region = options.region ?? 'eu-west-1';
  return {
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_ACCESS_KEY_ID: options.accessKeyId ?? 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'local-session-token',
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(options.memoryMb ?? 256),
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    TZ: ':UTC',
  };
}

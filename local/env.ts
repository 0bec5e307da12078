import { createServer } from 'node:net';

/**
 * Environment of the local runtime, set before any handler (or Powertools) is loaded: the same variables
 * the CDK app gives the functions in AWS, pointed at the local servers.
 */
export async function localEnvironment(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 3000);
  const sesPort = Number(env.SES_PORT ?? 8005);
  const dynamoPort = env.DYNAMODB_PORT ? Number(env.DYNAMODB_PORT) : await freePort();
  const defaults: Record<string, string> = {
    STAGE: 'local',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: 'plp-local',
    EVENT_BUS_NAME: 'plp-local',
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${dynamoPort}`,
    SES_ENDPOINT: `http://127.0.0.1:${sesPort}`,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    EMAIL_FROM: 'PLP Alert <no-reply@plp-alert.local>',
    // Local only: in AWS the pepper is a Secrets Manager secret (MEMBER_PEPPER_SECRET_ARN).
    MEMBER_PEPPER: 'local-pepper-not-a-secret',
    POWERTOOLS_SERVICE_NAME: 'plp-alert',
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    LOG_LEVEL: 'WARN',
  };
  const external = Boolean(env.DYNAMODB_ENDPOINT);
  for (const [k, v] of Object.entries(defaults)) env[k] ??= v;
  return {
    port,
    sesPort,
    dynamoPort,
    /** An endpoint given from outside (tests) is used as is; otherwise DynamoDB Local is started. */
    startDynamo: !external,
    inMemory: env.PLP_LOCAL_IN_MEMORY === '1',
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

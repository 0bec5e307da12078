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
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${dynamoPort}`,
    AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${sesPort}`,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    EMAIL_FROM: 'PLP Alert <no-reply@plp-alert.local>',
    MEMBER_PEPPER_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:000000000000:secret:plp-local-member-pepper',
    // API.md: PLP_RATE_LIMITS=off switches the per-client-address limits off (a stage setting).
    CLIENT_LIMITS: env.PLP_RATE_LIMITS === 'off' ? 'off' : 'on',
    POWERTOOLS_SERVICE_NAME: 'plp-alert',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    LOG_LEVEL: 'WARN',
  };
  const external = Boolean(env.AWS_ENDPOINT_URL_DYNAMODB);
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

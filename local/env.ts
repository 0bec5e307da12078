import { createServer } from 'node:net';

/**
 * Settings of the local runtime, from its own environment (PORT, SES_PORT, DYNAMODB_PORT, TABLE_NAME,
 * PLP_RATE_LIMITS, PLP_LOCAL_IN_MEMORY, AWS_ENDPOINT_URL_DYNAMODB for an external DynamoDB Local, LOG_LEVEL).
 * The functions never see this process's environment: each runs with its spec's (local/stack.ts).
 */
export async function localEnvironment(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 3000);
  const sesPort = Number(env.SES_PORT ?? 8005);
  const external = env.AWS_ENDPOINT_URL_DYNAMODB;
  const dynamoPort = env.DYNAMODB_PORT ? Number(env.DYNAMODB_PORT) : await freePort();
  // The runtime's own SDK clients (table creation, demo seed) talk to local servers: any credentials do.
  for (const [k, v] of Object.entries({
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_METRICS_DISABLED: 'true',
  }))
    env[k] ??= v;
  return {
    port,
    sesPort,
    dynamoPort,
    dynamoEndpoint: external ?? `http://127.0.0.1:${dynamoPort}`,
    /** An endpoint given from outside (tests) is used as is; otherwise DynamoDB Local is started. */
    startDynamo: !external,
    inMemory: env.PLP_LOCAL_IN_MEMORY === '1',
    tableName: env.TABLE_NAME ?? 'plp-local',
    publicBaseUrl: `http://127.0.0.1:${port}`,
    /** API.md: PLP_RATE_LIMITS=off switches the per-client-address limits off (the stage setting CLIENT_LIMITS). */
    clientLimits: env.PLP_RATE_LIMITS !== 'off',
    logLevel: env.LOG_LEVEL ?? 'WARN',
  };
}
export type LocalConfig = Awaited<ReturnType<typeof localEnvironment>>;

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

/**
 * `npm start`: the whole system on this machine. Each function runs in its own worker thread with the
 * environment its spec gives it (local/stack.ts); this process only reads its own settings.
 */
import { localEnvironment } from './env.ts';

const config = await localEnvironment();
const { JavaMissingError } = await import('./dynamodb-local.ts');
const { startLocalStack } = await import('./stack.ts');

let stack: Awaited<ReturnType<typeof startLocalStack>>;
try {
  stack = await startLocalStack(config);
} catch (error) {
  if (error instanceof JavaMissingError) {
    console.error(`\n${error.message}\n`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`\nA port is already in use (${(error as Error).message}). Set PORT / SES_PORT to free ports.\n`);
  } else {
    console.error('\nThe local stack could not start:', error);
  }
  process.exit(1);
}

const u = stack.baseUrl;
console.log(`
PLP Alert — local stack is up${stack.seeded ? ' (demo data seeded)' : ' (demo data already present)'}

  HTTP API        ${u}                 try: curl '${u}/public/plps?postcode=1082'
  OpenAPI         ${u}/openapi.json
  Web pages       ${u}/
  Dev token       POST ${u}/dev/token  {"sub":"admin-demo","email":"admin@demo.plp","groups":["region_admin"]}
  SMS outbox      GET  ${u}/dev/outbox/sms      inbound: POST ${u}/dev/sms/inbound {"from","body"}
  Events          GET  ${u}/dev/events          schedules: POST ${u}/dev/schedules/{name}/run
  E-mail (SES)    ${stack.sesUrl}/   (JSON: /store)
  DynamoDB Local  ${stack.endpoint}   table ${stack.tableName}${config.inMemory ? ' (in memory)' : ' (data in .local/dynamodb)'}

  Demo users: admin-demo (region_admin), officer-demo (police), coordinator-demo (coordinator)
  Ctrl-C stops everything.
`);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

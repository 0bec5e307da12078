import type { Server } from 'node:http';
import path from 'node:path';
import * as sesModule from 'aws-ses-v2-local';
import { documentClient } from '../shared/adapters/dynamodb/client.ts';
import { dynamoDirectoryStore } from '../shared/adapters/dynamodb/directory-store.ts';
import { localHub } from '../shared/adapters/local/hub.ts';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local.ts';
import type { localEnvironment } from './env.ts';
import { localEventBus } from './event-bus.ts';
import { repoRoot } from './invoke.ts';
import { localIssuer } from './jwt.ts';
import { seedDemo } from './seed.ts';
import { createLocalServer } from './server.ts';
import { smsOutbox } from './sms-outbox.ts';

type Config = Awaited<ReturnType<typeof localEnvironment>>;

/** Starts DynamoDB Local, aws-ses-v2-local, the in-process adapters and the HTTP API; seeds the demo data. */
export async function startLocalStack(config: Config) {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB as string;
    if (config.startDynamo) {
      const dynamo = await startDynamoDbLocal({
        port: config.dynamoPort,
        dbPath: config.inMemory ? undefined : path.join(repoRoot, '.local', 'dynamodb'),
      });
      stops.push(dynamo.stop);
    }
    const tableName = process.env.TABLE_NAME as string;
    await ensureTable(endpoint, tableName);

    // aws-ses-v2-local is CommonJS: its server is the default export.
    const sesLocal =
      ((sesModule as { default: unknown }).default as { default?: typeof sesModule.default }).default ??
      sesModule.default;
    const ses = await sesLocal({ host: '127.0.0.1', port: config.sesPort });
    stops.push(() => closeServer(ses));

    const bus = localEventBus();
    const outbox = smsOutbox();
    localHub.publish = bus.publish;
    localHub.sms = { send: async (to, body) => ({ messageId: outbox.send(to, body) }) };
    const pepper = process.env.MEMBER_PEPPER ?? 'local-pepper-not-a-secret';
    localHub.secrets = { get: async () => pepper };

    const baseUrl = process.env.PUBLIC_BASE_URL as string;
    const issuer = await localIssuer(`${baseUrl}/dev`);
    const store = dynamoDirectoryStore(documentClient(endpoint), tableName);
    const seeded = await seedDemo({ store, publish: bus.publish, now: () => new Date() });
    await bus.drain();

    const server = createLocalServer({ issuer, bus, outbox });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, '127.0.0.1', resolve);
    });
    stops.push(() => closeServer(server));
    return { baseUrl, endpoint, tableName, seeded: seeded.created, bus, outbox, issuer, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

import path from 'node:path';
import { functionEntries } from '../functions/manifest.ts';
import { documentClient } from '../shared/adapters/dynamodb/client.ts';
import { dynamoDirectoryStore } from '../shared/adapters/dynamodb/directory-store.ts';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local.ts';
import type { LocalConfig } from './env.ts';
import { localIssuer } from './jwt.ts';
import { localResources, localRuntime } from './runtime.ts';
import { seedDemo } from './seed.ts';
import { createLocalServer } from './server.ts';
import { closeServer, startSesLocal } from './ses-local.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..');

/**
 * `npm start`: DynamoDB Local, aws-ses-v2-local, the functions of functions/index.ts in the local runtime
 * (local/runtime.ts: each gets only what its spec declares, as in AWS) and the HTTP API; seeds the demo data.
 */
export async function startLocalStack(config: LocalConfig) {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const endpoint = config.dynamoEndpoint;
    if (config.startDynamo) {
      const dynamo = await startDynamoDbLocal({
        port: config.dynamoPort,
        dbPath: config.inMemory ? undefined : path.join(repoRoot, '.local', 'dynamodb'),
      });
      stops.push(dynamo.stop);
    }
    const { tableName, publicBaseUrl } = config;
    await ensureTable(endpoint, tableName);
    const ses = await startSesLocal(config.sesPort);
    stops.push(ses.stop);

    const resources = localResources(config);
    const runtime = await localRuntime({
      specs: functionEntries(),
      resources,
      dynamoEndpoint: endpoint,
      sesUrl: ses.url,
    });
    stops.push(runtime.stop);
    const { bus, queues, outbox } = runtime;

    const issuer = await localIssuer(`${publicBaseUrl}/dev`);
    const store = dynamoDirectoryStore(documentClient(endpoint), tableName);
    const seeded = await seedDemo({ store, publish: bus.publish, now: () => new Date() });
    await bus.drain();

    const server = createLocalServer({ issuer, bus, queues, outbox, invoke: runtime.invoke });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, '127.0.0.1', resolve);
    });
    stops.push(() => closeServer(server));
    return {
      baseUrl: publicBaseUrl,
      sesUrl: ses.url,
      endpoint,
      tableName,
      seeded: seeded.created,
      bus,
      outbox,
      issuer,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../local/dynamodb-local.ts';
import { freePort } from '../../local/env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The local stack started for e2e tests, as `npm start` runs it. */
    baseUrl: string;
    sesUrl: string;
    /** The local stack's table in that DynamoDB Local. */
    e2eTableName: string;
  }
}

const E2E_TABLE = 'plp-e2e';

/** The e2e project: one DynamoDB Local (in memory) and one local stack (a child process, like `npm start`). */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const [port, sesPort] = [await freePort(), await freePort()];
  const root = path.resolve(import.meta.dirname, '../..');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      SES_PORT: String(sesPort),
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      TABLE_NAME: E2E_TABLE,
      // Per-client-address limits off (API.md): every e2e request comes from 127.0.0.1. The per-contact limits stay.
      PLP_RATE_LIMITS: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Generous: `npm test` starts this while the other projects synthesize, bundle and start Java on 2 cores.
  const deadline = Date.now() + 240_000;
  const giveUp = async (why: string) => {
    child.kill('SIGKILL');
    await dynamo.stop();
    throw new Error(`${why}:\n${output}`);
  };
  for (;;) {
    if (child.exitCode !== null) await giveUp('local stack exited');
    if (
      await fetch(`${baseUrl}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) await giveUp('local stack did not answer in 240 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('sesUrl', `http://127.0.0.1:${sesPort}`);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('e2eTableName', E2E_TABLE);

  return async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
    await dynamo.stop();
  };
}

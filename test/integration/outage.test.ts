import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import findPlps from '../../functions/directory/find-plps.fn.ts';
import healthReady from '../../functions/platform/health-ready.fn.ts';
import health from '../../functions/platform/health.fn.ts';
import { ensureTable } from '../../local/dynamodb-local.ts';
import { freePort } from '../../local/env.ts';
import { localResources, localRuntime, type LocalRuntime } from '../../local/runtime.ts';

/**
 * With the table down, the API says so: 503 problem+json with retry-after on the routes that need it and on
 * /health/ready, while /health (liveness) still answers. The same functions answer 200 when the table is up.
 */
const specs = [
  ['health', health],
  ['healthReady', healthReady],
  ['findPlps', findPlps],
] as const;
const get = (path: string, query?: Record<string, string>) => ({
  version: '2.0',
  routeKey: `GET ${path}`,
  rawPath: path,
  rawQueryString: new URLSearchParams(query).toString(),
  headers: {},
  ...(query ? { queryStringParameters: query } : {}),
  requestContext: { http: { method: 'GET', path, sourceIp: '127.0.0.1' }, requestId: 'r', routeKey: `GET ${path}` },
  isBase64Encoded: false,
});
type Answer = { statusCode: number; headers?: Record<string, string>; body?: string };

const tableName = `outage-it-${Date.now()}`;
const resources = localResources({
  tableName,
  publicBaseUrl: 'http://127.0.0.1:3000',
  clientLimits: true,
  logLevel: 'ERROR',
});
let down: LocalRuntime;
let up: LocalRuntime;

beforeAll(async () => {
  // Nothing listens there: the table is "down".
  down = await localRuntime({
    specs,
    resources,
    dynamoEndpoint: `http://127.0.0.1:${await freePort()}`,
    sesUrl: 'http://127.0.0.1:9',
  });
  const dynamoEndpoint = inject('dynamoEndpoint');
  await ensureTable(dynamoEndpoint, tableName);
  up = await localRuntime({ specs, resources, dynamoEndpoint, sesUrl: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  await down?.stop();
  await up?.stop();
});

describe('dependency outage', () => {
  it('answers 503 with retry-after on a route that needs the table, and on /health/ready', async () => {
    for (const [name, event] of [
      ['findPlps', get('/public/plps', { postcode: '1082' })],
      ['healthReady', get('/health/ready')],
    ] as const) {
      const res = (await down.invoke(name, event)) as Answer;
      expect(res.statusCode, name).toBe(503);
      expect(res.headers?.['content-type']).toBe('application/problem+json');
      expect(Number(res.headers?.['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(res.body ?? '{}')).toMatchObject({ status: 503 });
    }
  });

  it('keeps /health as liveness: it answers while the table is down', async () => {
    expect(((await down.invoke('health', get('/health'))) as Answer).statusCode).toBe(200);
  });

  it('answers 200 on the same routes when the table is up', async () => {
    expect(((await up.invoke('healthReady', get('/health/ready'))) as Answer).statusCode).toBe(200);
    expect(((await up.invoke('findPlps', get('/public/plps', { postcode: '1082' }))) as Answer).statusCode).toBe(200);
  });
});

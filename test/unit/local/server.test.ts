import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionEntries } from '../../../functions/manifest.ts';
import { localEventBus } from '../../../local/event-bus.ts';
import { localIssuer } from '../../../local/jwt.ts';
import { localQueues } from '../../../local/queues.ts';
import { createLocalServer } from '../../../local/server.ts';
import { smsOutbox } from '../../../local/sms-outbox.ts';

/** The local router's own answers, before any function runs (no function is invoked here). */
let base: string;
let close: () => void;
const invoked: string[] = [];

beforeAll(async () => {
  const invoke = async (name: string) => {
    invoked.push(name);
    return { statusCode: 200, body: '{}' };
  };
  const specs = functionEntries();
  const server = createLocalServer({
    issuer: await localIssuer('http://127.0.0.1/dev'),
    bus: localEventBus({ invoke, specs }),
    queues: localQueues({ invoke, specs }),
    outbox: smsOutbox(),
    invoke,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

/** A raw GET (fetch refuses some of what a client may send). */
const get = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; type?: string; body: string }>((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('local router', () => {
  it('answers 400 problem+json for a path id with a malformed % escape, without invoking anything', async () => {
    const res = await get('/admin/plps/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({
      type: 'https://plp-alert.be/problems/invalid-path',
      status: 400,
      detail: expect.stringMatching(/% escape/),
    });
    expect(invoked).toEqual([]);
  });

  it('answers 431 problem+json for oversized headers', async () => {
    const res = await get('/health', { 'x-filler': 'x'.repeat(20_000) });
    expect(res.status).toBe(431);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({
      type: 'https://plp-alert.be/problems/header-too-large',
      status: 431,
      title: 'Headers too large',
    });
  });

  it('answers its own problems in the language Accept-Language asks for', async () => {
    const res = await get('/admin/plps/%E0%A4%A', { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' });
    expect(JSON.parse(res.body)).toMatchObject({ title: 'Ongeldig pad', detail: expect.stringMatching(/%-escape/) });
  });
});

describe('dev routes of the local queues', () => {
  it('lists dead letters without their bodies and redrives a queue, answering how many moved', async () => {
    const listed = await fetch(`${base}/dev/queues`);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ deadLetters: [] });
    const moved = await fetch(`${base}/dev/queues/welcomes/redrive`, { method: 'POST' });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toEqual({ moved: 0 });
    expect((await fetch(`${base}/dev/queues/welcomes/redrive`)).status).toBe(404);
  });
});

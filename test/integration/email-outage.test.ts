import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import requestEnrolment from '../../functions/enrolment/request-enrolment.fn.ts';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoDirectoryStore } from '../../shared/adapters/dynamodb/directory-store.ts';
import { ensureTable } from '../../local/dynamodb-local.ts';
import { localResources, localRuntime, type LocalRuntime } from '../../local/runtime.ts';
import { seedDemo } from '../../local/seed.ts';

/**
 * With the mail server down (nothing listens where SES should be), an enrolment whose code goes by e-mail
 * answers 503 with retry-after, keeps nothing personal in the table, and does not count against the
 * resident: asking again (more often than the per-contact limit allows) still gets 503, never 429.
 */
const tableName = `email-outage-it-${Date.now()}`;
let runtime: LocalRuntime;
let plpId: string;

type Answer = { statusCode: number; headers?: Record<string, string>; body?: string };
const post = (body: unknown) => ({
  version: '2.0',
  routeKey: 'POST /public/enrolments',
  rawPath: '/public/enrolments',
  rawQueryString: '',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
  requestContext: {
    http: { method: 'POST', path: '/public/enrolments', sourceIp: '127.0.0.9' },
    requestId: 'r',
    routeKey: 'POST /public/enrolments',
  },
  isBase64Encoded: false,
});

beforeAll(async () => {
  const dynamoEndpoint = inject('dynamoEndpoint');
  await ensureTable(dynamoEndpoint, tableName);
  const store = dynamoDirectoryStore(documentClient(dynamoEndpoint), tableName);
  await seedDemo({ store, publish: async () => {}, now: () => new Date() });
  plpId = (await store.plpIdByCode('BERCHEM-CENTRE'))!;
  runtime = await localRuntime({
    specs: [['requestEnrolment', requestEnrolment]],
    resources: localResources({
      tableName,
      publicBaseUrl: 'http://127.0.0.1:3000',
      clientLimits: true,
      logLevel: 'ERROR',
    }),
    dynamoEndpoint,
    sesUrl: 'http://127.0.0.1:9', // the mail server is down
  });
});
afterAll(async () => runtime?.stop());

describe('e-mail outage', () => {
  it('answers 503, stores nothing personal and counts nothing against the contact', async () => {
    const email = `outage-${Date.now()}@example.be`;
    const body = {
      plpId,
      name: 'Outage Resident',
      address: { street: 'Rue de la Gare', number: '12', postcode: '1082' },
      email,
      language: 'fr',
      channels: ['email'],
      consent: true,
    };
    // Five attempts: more than the per-contact limit (3 an hour) would let through if failures counted.
    for (let i = 0; i < 5; i++) {
      const res = (await runtime.invoke('requestEnrolment', post(body))) as Answer;
      expect(res.statusCode, `attempt ${i + 1}`).toBe(503);
      expect(Number(res.headers?.['retry-after'])).toBeGreaterThan(0);
    }
    const items = (await documentClient(inject('dynamoEndpoint')).send(new ScanCommand({ TableName: tableName })))
      .Items;
    const json = JSON.stringify(items);
    expect(json).not.toContain(email);
    expect(json).not.toContain('Outage Resident');
    expect(items?.filter((i) => String(i.PK).startsWith('ENROLMENT#'))).toEqual([]);
  });
});

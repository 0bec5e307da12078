import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { emailsTo, launchedPlp, newEmail, newMobile, smsTo, type TestPlp } from '../support/enrolment.ts';
import { call, tokenFor } from '../support/http.ts';
import { scanAll } from '../support/table.ts';

let plp: TestPlp;
beforeAll(async () => {
  const admin = await tokenFor('region-prop-e2e', ['region_admin'], 'region.prop@e2e.test');
  plp = await launchedPlp(admin, { requiresApproval: false, streets: ['Rue Haute'] });
});

/** Each field valid, nearly valid or anything; VALID markers become fresh contacts at run time. */
const field = {
  plpId: fc.oneof(fc.constant('VALID'), fc.string({ maxLength: 80 }), fc.integer()),
  name: fc.oneof(fc.constant('Marie'), fc.string({ maxLength: 200 }), fc.constant(null)),
  address: fc.oneof(
    fc.constant('VALID'),
    fc.constant('OUTSIDE'),
    fc.record({ street: fc.string(), number: fc.string(), postcode: fc.string() }),
    fc.anything(),
  ),
  phone: fc.oneof(fc.constant('VALID'), fc.constant('+33612345678'), fc.string({ maxLength: 40 })),
  email: fc.oneof(fc.constant('VALID'), fc.string({ maxLength: 60 }), fc.constant('a@b')),
  language: fc.oneof(fc.constantFrom('fr', 'nl', 'de', 'en'), fc.string({ maxLength: 5 })),
  channels: fc.oneof(fc.constant(['sms']), fc.constant(['email']), fc.array(fc.string({ maxLength: 6 }))),
  consent: fc.oneof(fc.constant(true), fc.anything()),
  extra: fc.anything(),
};

describe('POST /public/enrolments with arbitrary bodies (property, over HTTP)', () => {
  it('never answers 5xx, and a refused body sends and stores nothing', async () => {
    const refusedContacts: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.record(field, { requiredKeys: [] }), async (draft) => {
        const phone = newMobile();
        const email = newEmail('prop');
        const body: Record<string, unknown> = { ...draft };
        if (body.plpId === 'VALID') body.plpId = plp.plpId;
        if (body.phone === 'VALID') body.phone = phone;
        if (body.email === 'VALID') body.email = email;
        if (body.address === 'VALID') body.address = { street: 'rue haute', number: '1', postcode: plp.postcode };
        if (body.address === 'OUTSIDE') body.address = { street: 'Rue Basse', number: '1', postcode: plp.postcode };
        if (!('extra' in draft)) delete body.extra;

        const res = await call('POST', '/public/enrolments', { body });
        expect(res.status).toBeLessThan(500);
        if (res.status === 202) return;
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(await smsTo(phone)).toEqual([]);
        expect(await emailsTo(email)).toEqual([]);
        refusedContacts.push(phone, email);
      }),
      { numRuns: 60 },
    );
    // The e2e stack's table (test/global-setup.ts) holds none of the refused contacts.
    const items = await scanAll(documentClient(inject('dynamoEndpoint')), inject('e2eTableName'));
    const stored = JSON.stringify(items);
    expect(items.length).toBeGreaterThan(0);
    expect(refusedContacts.filter((c) => stored.includes(c))).toEqual([]);
  });

  it('never answers 5xx to bodies that are not JSON objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 100 }), fc.json()), async (raw) => {
        const res = await call('POST', '/public/enrolments', { body: raw });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});

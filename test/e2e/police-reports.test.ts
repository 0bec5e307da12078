import { beforeAll, describe, expect, it } from 'vitest';
import {
  codeIn,
  enrolmentBody,
  launchedPlp,
  memberLinkSmsTo,
  newMobile,
  smsTo,
  type TestPlp,
  tokenIn,
} from '../support/enrolment.ts';
import { call, tokenFor } from '../support/http.ts';

/** The demo officer of API.md (`officer-demo`, group police), mandated here for a fresh PLP too. */
let plp: TestPlp;
let officer: string;

beforeAll(async () => {
  const admin = await tokenFor('region-police-reports-e2e', ['region_admin'], 'region.police@e2e.test');
  plp = await launchedPlp(admin, { requiresApproval: false, name: 'Police', officers: [{ sub: 'officer-demo' }] });
  officer = await tokenFor('officer-demo', ['police'], 'officer@demo.plp');
});

async function memberToken(): Promise<string> {
  const phone = newMobile();
  const { json } = await call('POST', '/public/enrolments', { body: enrolmentBody(plp, { phone }) });
  await call('POST', `/public/enrolments/${json.enrolmentId}/confirm`, {
    body: { code: codeIn((await smsTo(phone)).at(-1)) },
  });
  return tokenIn(await memberLinkSmsTo(phone));
}

describe('the police read reports over HTTP (local stack)', () => {
  it("a member's report is in the officer's list, and reading it shows a valid trail with the officer's read", async () => {
    const member = await memberToken();
    const submitted = await call('POST', '/public/me/reports', {
      token: member,
      body: {
        category: 'suspicious_vehicle',
        description: 'A grey van circled the block four times',
        observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        location: { street: 'Rue de la Gare', number: '3', postcode: plp.postcode },
      },
    });
    expect(submitted.status).toBe(201);
    const { reportId, reference } = submitted.json;

    const list = await call('GET', `/police/reports?status=submitted&plpId=${plp.plpId}`, { token: officer });
    expect(list.status).toBe(200);
    expect(list.json.items[0]).toEqual({
      reportId,
      reference,
      plpId: plp.plpId,
      category: 'suspicious_vehicle',
      description: 'A grey van circled the block four times',
      status: 'submitted',
      observedAt: expect.any(String),
      createdAt: expect.any(String),
      feedbackDueAt: expect.any(String),
    });

    const read = await call('GET', `/police/reports/${reportId}`, { token: officer });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ reportId, reference, plpId: plp.plpId, status: 'submitted' });
    expect(read.json.history.chainValid).toBe(true);
    expect(read.json.history.entries).toContainEqual(
      expect.objectContaining({ actor: 'sub:officer-demo', action: 'read' }),
    );
  });

  it('an officer of other PLPs gets 404 for the report and the PLP; a coordinator gets 403', async () => {
    const member = await memberToken();
    const { json } = await call('POST', '/public/me/reports', {
      token: member,
      body: {
        category: 'other',
        description: 'Someone tried the door of the bakery',
        observedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        location: { street: 'Rue de la Gare', postcode: plp.postcode },
      },
    });
    const stranger = await tokenFor('officer-elsewhere-e2e', ['police'], 'elsewhere@police.e2e.test');
    expect((await call('GET', `/police/reports/${json.reportId}`, { token: stranger })).status).toBe(404);
    expect((await call('GET', `/police/reports?plpId=${plp.plpId}`, { token: stranger })).status).toBe(404);
    const coordinator = await tokenFor('coordinator-demo', ['coordinator'], 'coordinator@demo.plp');
    expect((await call('GET', '/police/reports', { token: coordinator })).status).toBe(403);

    const read = await call('GET', `/police/reports/${json.reportId}`, { token: officer });
    expect(read.json.history.entries).toHaveLength(1);
  });
});

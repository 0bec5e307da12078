import { beforeAll, describe, expect, it } from 'vitest';
import {
  codeIn,
  emailsTo,
  enrolmentBody,
  eventually,
  launchedPlp,
  memberLinkEmailTo,
  memberLinkSmsTo,
  newEmail,
  newMobile,
  smsTo,
  type TestPlp,
  tokenIn,
} from '../support/enrolment.ts';
import { call, tokenFor } from '../support/http.ts';

const DESCRIPTION = 'Two people tried the door handles of parked cars, one wore a yellow cap';
const STREET = 'Rue des Tilleuls';
let plp: TestPlp;
let secondPlp: TestPlp;

beforeAll(async () => {
  const admin = await tokenFor('region-reports-e2e', ['region_admin'], 'region.reports@e2e.test');
  plp = await launchedPlp(admin, { requiresApproval: false, name: 'Tilleuls' });
  secondPlp = await launchedPlp(admin, { requiresApproval: false, name: 'Gare' });
});

const report = (token: string, over: Record<string, unknown> = {}) =>
  call('POST', '/public/me/reports', {
    token,
    body: {
      category: 'suspicious_behaviour',
      description: DESCRIPTION,
      observedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
      location: { street: STREET, number: '40', postcode: plp.postcode },
      ...over,
    },
  });

/** Enrols the phone in the PLP (no approval), confirms with the SMS code, and gives the member token. */
async function joinWithPhone(phone: string, target: TestPlp): Promise<string> {
  const { json } = await call('POST', '/public/enrolments', { body: enrolmentBody(target, { phone }) });
  await call('POST', `/public/enrolments/${json.enrolmentId}/confirm`, {
    body: { code: codeIn((await smsTo(phone)).at(-1)) },
  });
  return tokenIn(await memberLinkSmsTo(phone));
}

describe('reports over HTTP (local stack)', () => {
  it('a member reports, gets a reference, is acknowledged by SMS in French, and sees the report in their list', async () => {
    const phone = newMobile();
    const token = await joinWithPhone(phone, plp);
    const sent = (await smsTo(phone)).length;

    const res = await report(token);

    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      reportId: expect.stringMatching(/^[0-9A-Z]{26}$/),
      reference: expect.stringMatching(/^\d{5}-\d{4}-\d{6}$/),
      status: 'submitted',
      feedbackDueAt: expect.any(String),
    });
    const { reportId, reference, feedbackDueAt } = res.json;
    expect(Date.parse(feedbackDueAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const ack = (
      await eventually(
        () => smsTo(phone),
        (l) => l.length > sent,
      )
    ).slice(sent);
    expect(ack).toHaveLength(1);
    expect(ack[0]).toContain(`Signalement ${reference}`);
    expect(ack[0]).toMatch(/101 \/ 112/);
    expect(ack[0]).not.toContain('yellow');

    const list = await call('GET', '/public/me/reports', { token });
    expect(list.status).toBe(200);
    expect(list.json.items).toEqual([expect.objectContaining({ reportId, reference, status: 'submitted' })]);

    const events = await call('GET', '/dev/events');
    const published = JSON.stringify(events.json);
    expect(published).toContain(reportId);
    expect(published).not.toContain('yellow');
    expect(published).not.toContain(STREET);
  });

  it('acknowledges an e-mail-only member by e-mail in Dutch, with the reference in the subject and no report text', async () => {
    const email = newEmail('reporter');
    const { json } = await call('POST', '/public/enrolments', {
      body: enrolmentBody(plp, { email, language: 'nl', channels: ['email'] }),
    });
    await call('POST', `/public/enrolments/${json.enrolmentId}/confirm`, {
      body: { code: codeIn((await emailsTo(email)).at(-1)?.text) },
    });
    const token = tokenIn((await memberLinkEmailTo(email))?.text);

    const res = await report(token, { category: 'burglary' });

    expect(res.status).toBe(201);
    const mails = await eventually(
      () => emailsTo(email),
      (l) => l.some((m) => m.subject.includes(res.json.reference)),
    );
    const ack = mails.find((m) => m.subject.includes(res.json.reference))!;
    expect(ack.subject).toBe(`Melding ontvangen: ${res.json.reference}`);
    expect(ack.text).toMatch(/Grijp nooit zelf in\. Nood: 101 \/ 112/);
    expect(`${ack.subject}${ack.text}`).not.toContain('yellow');
  });

  it('a member of two PLPs must name one (400 plp_required), may not name another (404), and reports in the one named', async () => {
    const phone = newMobile();
    await joinWithPhone(phone, plp);
    const token = await joinWithPhone(phone, secondPlp);

    const unnamed = await report(token);
    expect(unnamed.status).toBe(400);
    expect(unnamed.json.type).toBe('https://plp-alert.be/problems/plp-required');
    expect(unnamed.json.errors).toEqual([expect.objectContaining({ path: 'plpId', code: 'plp_required' })]);

    const stranger = await report(token, { plpId: '01KQZ2A1B2C3D4E5F6G7H8J9K0' });
    expect(stranger.status).toBe(404);

    const named = await report(token, { plpId: secondPlp.plpId });
    expect(named.status).toBe(201);
    const list = await call('GET', '/public/me/reports', { token });
    expect(list.json.items.map((i: { reportId: string }) => i.reportId)).toEqual([named.json.reportId]);
  });

  it('refuses an observedAt in the future or a month ago, a bad body and a missing token', async () => {
    const token = await joinWithPhone(newMobile(), plp);
    const future = await report(token, { observedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect([future.status, future.json.errors?.[0]?.code]).toEqual([400, 'observed_in_future']);
    const old = await report(token, { observedAt: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    expect([old.status, old.json.errors?.[0]?.code]).toEqual([400, 'observed_too_old']);
    expect((await report(token, { category: 'ufo' })).status).toBe(400);
    expect((await report('not-a-token')).status).toBe(401);
    expect((await call('GET', '/public/me/reports', { token })).json.items).toEqual([]);
  });

  it('the export holds the report; erasing the member keeps the report, without them', async () => {
    const token = await joinWithPhone(newMobile(), plp);
    const filed = await report(token);
    expect(filed.status).toBe(201);
    const exported = await call('GET', '/public/me/export', { token });
    expect(exported.json.reports).toEqual([
      expect.objectContaining({ reference: filed.json.reference, description: DESCRIPTION }),
    ]);
    expect((await call('DELETE', '/public/me', { token })).status).toBe(204);
    expect((await call('GET', '/public/me/reports', { token })).status).toBe(401);
  });
});

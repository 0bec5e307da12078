import { ulid } from 'ulid';
import { launchedPlpRecord } from '../../support/plp-record.ts';
import { describe, expect, it } from 'vitest';
import { buildDetail, type EventPublisher } from '../../../events/define-event.ts';
import type { Plp } from '../../../shared/directory/model.ts';
import { hashSecret } from '../../../shared/enrolment/codes.ts';
import { eraseMe, exportMe } from '../../../shared/enrolment/members.ts';
import type { Member, Membership } from '../../../shared/enrolment/ports.ts';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../../shared/errors.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import type { EmailMessage } from '../../../shared/messaging/ports.ts';
import type { ReportDeps } from '../../../shared/reports/context.ts';
import { listMyReports } from '../../../shared/reports/list-my-reports.ts';
import type { SubmitReportInput } from '../../../shared/reports/model.ts';
import { formatReference, referenceYear } from '../../../shared/reports/reference.ts';
import { submitReport } from '../../../shared/reports/submit-report.ts';
import { fakeDirectoryStore } from '../../support/fakes/directory-store.ts';
import { fakeEnrolmentStores } from '../../support/fakes/enrolment-stores.ts';
import { fakeReportStore } from '../../support/fakes/report-store.ts';
import { fakeSmsBudgetStore } from '../../support/fakes/sms-budget-store.ts';

const PEPPER = 'test-pepper';
const HOUR_MS = 3_600_000;
const NOW = new Date('2026-11-29T17:00:00.000Z');
const DESCRIPTION = 'A grey van with a ladder stopped at number 14 three times';
const STREET = 'Rue Secrète des Témoins';

const stores = fakeEnrolmentStores();
const directory = fakeDirectoryStore();

function harness() {
  const sms: { to: string; body: string }[] = [];
  const emails: EmailMessage[] = [];
  const events: { type: string; data: Record<string, unknown>; detail: unknown }[] = [];
  const publish: EventPublisher = async (contract, data, options) => {
    const detail = buildDetail(contract, data, options); // the event must satisfy its contract
    events.push({ type: contract.detailType, data: data as Record<string, unknown>, detail });
  };
  const reports = fakeReportStore();
  const deps: ReportDeps = {
    reports,
    members: stores.members,
    directory,
    publish,
    sms: { send: async (to, body) => (sms.push({ to, body }), { messageId: `sms-${sms.length}` }) },
    email: { send: async (m) => (emails.push(m), { messageId: `email-${emails.length}` }) },
    smsBudget: {
      store: fakeSmsBudgetStore(),
      pricePerSegmentEur: 0.08,
      defaultMonthlyBudgetEur: 25,
      skipped: () => {},
    },
    pepper: async () => PEPPER,
    now: () => NOW,
  };
  return { deps, reports, sms, emails, events };
}

let plpCounter = 0;
async function newPlp(communeNis = '21003'): Promise<Plp> {
  const n = ++plpCounter;
  const code = `REPORTS-${n}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const plp: Plp = launchedPlpRecord({ communeNis, name: `Quartier ${n}`, code }, NOW);
  await directory.createPlp(plp, []);
  return plp;
}

let phoneCounter = 0;
/** An active member of these PLPs, written straight to the store; gives their token. */
async function newMember(
  plps: Plp[],
  over: Partial<Member> = { channels: ['sms'], language: 'fr' },
): Promise<{ token: string; member: Member }> {
  const token = `token-${ulid()}`;
  const member: Member = {
    memberId: ulid(),
    name: 'Marie',
    language: 'fr',
    channels: ['sms'],
    phone: `+3247${String(++phoneCounter).padStart(7, '0')}`,
    status: 'active',
    tokenHashes: [hashSecret(token, PEPPER)],
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    version: 1,
    ...over,
  };
  const memberships: Membership[] = plps.map((p) => ({
    memberId: member.memberId,
    plpId: p.plpId,
    enrolmentId: ulid(),
    address: { street: 'Rue de la Gare', number: '12', postcode: '1082' },
    consent: { textVersion: '2026-11-v1', at: NOW.toISOString(), via: 'web' },
    joinedAt: NOW.toISOString(),
  }));
  await stores.members.writeMember({
    member,
    expectedVersion: null,
    putMemberships: memberships,
    addTokens: member.tokenHashes,
  });
  return { token, member };
}

const input = (over: Partial<SubmitReportInput> = {}): SubmitReportInput => ({
  category: 'suspicious_vehicle',
  description: DESCRIPTION,
  observedAt: new Date(NOW.getTime() - HOUR_MS).toISOString(),
  location: { street: STREET, number: '14', postcode: '1082' },
  ...over,
});

describe('submitReport', () => {
  it('files the report of a member of one PLP with a reference of the commune and year, submitted, feedback due in 72 h', async () => {
    const h = harness();
    const plp = await newPlp('21004');
    const { token, member } = await newMember([plp]);

    const answer = await submitReport(token, input(), h.deps);

    expect(answer).toEqual({
      reportId: expect.stringMatching(/^[0-9A-Z]{26}$/),
      reference: formatReference('21004', referenceYear(NOW), 1),
      status: 'submitted',
      feedbackDueAt: new Date(NOW.getTime() + 72 * HOUR_MS).toISOString(),
    });
    expect(answer.reference).toBe('21004-2026-000001');
    const stored = await h.reports.getReport(answer.reportId);
    expect(stored).toMatchObject({ plpId: plp.plpId, memberId: member.memberId, description: DESCRIPTION, via: 'web' });
  });

  it('numbers the references of one commune one after the other, across its PLPs', async () => {
    const h = harness();
    const [a, b] = [await newPlp('23000'), await newPlp('23000')];
    const first = await submitReport((await newMember([a])).token, input(), h.deps);
    const second = await submitReport((await newMember([b])).token, input(), h.deps);
    expect([first.reference, second.reference]).toEqual(['23000-2026-000001', '23000-2026-000002']);
  });

  it('refuses a member of several PLPs who gives no plpId: 400 plp_required on plpId, nothing stored', async () => {
    const h = harness();
    const { token } = await newMember([await newPlp(), await newPlp()]);
    const error = await submitReport(token, input(), h.deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).kind?.slug).toBe('plp-required');
    expect((error as ValidationError).errors).toEqual([
      { path: 'plpId', kind: expect.objectContaining({ code: 'plp_required' }) },
    ]);
    expect(h.reports.all()).toEqual([]);
    expect(h.events).toEqual([]);
  });

  it('files the report of a member of several PLPs under the PLP they name', async () => {
    const h = harness();
    const [a, b] = [await newPlp(), await newPlp()];
    const { token } = await newMember([a, b]);
    const { reportId } = await submitReport(token, input({ plpId: b.plpId }), h.deps);
    expect((await h.reports.getReport(reportId))?.plpId).toBe(b.plpId);
  });

  it('answers 404 not-a-member for a PLP the member does not belong to, existing or not', async () => {
    const h = harness();
    const other = await newPlp();
    const { token } = await newMember([await newPlp()]);
    for (const plpId of [other.plpId, ulid()]) {
      const error = await submitReport(token, input({ plpId }), h.deps).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).kind?.slug).toBe('not-a-member');
    }
    expect(h.reports.all()).toEqual([]);
  });

  it('answers 401 to a token that is no member’s', async () => {
    const h = harness();
    await expect(submitReport('nobody', input(), h.deps)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it.each([
    ['4 minutes ahead (clock skew)', 4 * 60_000, undefined],
    ['30 days ago', -30 * 24 * HOUR_MS, undefined],
    ['6 minutes ahead', 6 * 60_000, 'observed_in_future'],
    ['31 days ago', -31 * 24 * HOUR_MS, 'observed_too_old'],
  ] as const)('observedAt %s → %s', async (_, offsetMs, code) => {
    const h = harness();
    const { token } = await newMember([await newPlp()]);
    const observedAt = new Date(NOW.getTime() + offsetMs).toISOString();
    const result = await submitReport(token, input({ observedAt }), h.deps).catch((e: unknown) => e);
    if (code === undefined) {
      expect(result).toMatchObject({ status: 'submitted' });
      return;
    }
    expect(result).toBeInstanceOf(ValidationError);
    expect((result as ValidationError).kind?.slug).toBe('observed-at-out-of-range');
    expect((result as ValidationError).errors[0]).toMatchObject({ path: 'observedAt', kind: { code } });
    expect(h.reports.all()).toEqual([]);
  });

  it('publishes ReportSubmitted with ids and category only: no description, place or reporter', async () => {
    const h = harness();
    const plp = await newPlp();
    const { token, member } = await newMember([plp]);
    const { reportId } = await submitReport(token, input(), h.deps);
    expect(h.events.map((e) => [e.type, e.data])).toEqual([
      ['ReportSubmitted', { reportId, plpId: plp.plpId, category: 'suspicious_vehicle', via: 'web' }],
    ]);
    const wire = JSON.stringify(h.events[0]!.detail);
    for (const secret of ['ladder', STREET, '1082', member.memberId, member.phone!]) expect(wire).not.toContain(secret);
  });

  it.each([
    ['fr', ['sms'], 'Signalement', 1, 0],
    ['nl', ['email'], 'Melding', 0, 1],
    ['de', ['sms', 'email'], 'Meldung', 1, 1],
    ['en', ['email'], 'Report', 0, 1],
  ] as const)(
    'acknowledges a %s member on %j with the reference and the 101 / 112 reminder',
    async (language, channels, word, smsCount, emailCount) => {
      const h = harness();
      const { token, member } = await newMember([await newPlp()], {
        language: language as Language,
        channels: [...channels],
        email: `member-${ulid().toLowerCase()}@example.be`,
      });
      const { reference } = await submitReport(token, input(), h.deps);
      expect(h.sms).toHaveLength(smsCount);
      expect(h.emails).toHaveLength(emailCount);
      for (const s of h.sms) {
        expect(s.to).toBe(member.phone);
        expect(s.body).toContain(word);
        expect(s.body).toContain(reference);
        expect(s.body).toMatch(/101 \/ 112/);
        expect(s.body).not.toContain(STREET);
      }
      for (const e of h.emails) {
        expect(e.to).toBe(member.email);
        expect(e.subject).toContain(reference);
        expect(e.text).toContain(reference);
        expect(e.text).toMatch(/101 \/ 112/);
        for (const secret of ['ladder', STREET]) expect(`${e.subject}${e.text}${e.html}`).not.toContain(secret);
      }
    },
  );

  it('keeps the report when the acknowledgement cannot be sent', async () => {
    const h = harness();
    h.deps.sms = { send: async () => Promise.reject(new Error('SNS down')) };
    const { token } = await newMember([await newPlp()]);
    const { reportId } = await submitReport(token, input(), h.deps);
    expect(await h.reports.getReport(reportId)).toBeDefined();
  });
});

describe('listMyReports', () => {
  it("gives the member's own reports, newest first, with reference and status", async () => {
    const h = harness();
    const plp = await newPlp();
    const { token } = await newMember([plp]);
    const other = await newMember([plp]);
    let clock = NOW.getTime();
    h.deps.now = () => new Date(clock);
    const first = await submitReport(token, input(), h.deps);
    clock += 1000;
    const second = await submitReport(token, input({ category: 'burglary' }), h.deps);
    await submitReport(other.token, input(), h.deps);

    const { items } = await listMyReports(token, h.deps);
    expect(items.map((i) => [i.reportId, i.reference, i.status])).toEqual([
      [second.reportId, second.reference, 'submitted'],
      [first.reportId, first.reference, 'submitted'],
    ]);
    expect(JSON.stringify(items)).not.toContain(DESCRIPTION);
  });
});

describe('GDPR export (GET /public/me/export) and reports', () => {
  it('holds the member’s reports, text and place included, without internal fields', async () => {
    const h = harness();
    const { token } = await newMember([await newPlp()]);
    const { reportId, reference } = await submitReport(token, input(), h.deps);
    const exported = await exportMe(token, { ...h.deps, directory, reports: h.reports });
    expect(exported.reports).toEqual([
      expect.objectContaining({ reportId, reference, description: DESCRIPTION, location: input().location }),
    ]);
    expect(exported.reports[0]).not.toHaveProperty('memberId');
    expect(exported.reports[0]).not.toHaveProperty('version');
  });
});

describe('erasure (DELETE /public/me) and reports', () => {
  it('keeps the reports for the police without the reporter', async () => {
    const h = harness();
    const { token, member } = await newMember([await newPlp()]);
    const { reportId } = await submitReport(token, input(), h.deps);
    await eraseMe(token, { ...h.deps, reports: h.reports });
    const kept = await h.reports.getReport(reportId);
    expect(kept?.description).toBe(DESCRIPTION);
    expect(kept).not.toHaveProperty('memberId');
    expect(await h.reports.reportsOfMember(member.memberId)).toEqual([]);
  });
});

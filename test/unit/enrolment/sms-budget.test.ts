import { beforeAll, describe, expect, it } from 'vitest';
import { buildDetail, type EventPublisher } from '../../../events/define-event.ts';
import type { Caller } from '../../../shared/directory/caller.ts';
import type { CreatePlpInput, Plp } from '../../../shared/directory/model.ts';
import { createCommune, createPlp, type DirectoryDeps, transitionPlp } from '../../../shared/directory/use-cases.ts';
import type { EnrolmentInput } from '../../../shared/enrolment/contact-input.ts';
import type { EnrolmentDeps } from '../../../shared/enrolment/context.ts';
import { leavePlp, sendWelcome } from '../../../shared/enrolment/members.ts';
import { handleInboundSms } from '../../../shared/enrolment/sms-inbound.ts';
import {
  confirmEnrolment,
  decideEnrolment,
  noticeAwaitingApproval,
  requestEnrolment,
} from '../../../shared/enrolment/use-cases.ts';
import type { EmailMessage } from '../../../shared/messaging/ports.ts';
import { budgetMonth, microEur, type SmsCharge } from '../../../shared/messaging/sms-budget.ts';
import { fakeDirectoryStore } from '../../support/fakes/directory-store.ts';
import { fakeEnrolmentStores } from '../../support/fakes/enrolment-stores.ts';
import { fakeSmsBudgetStore } from '../../support/fakes/sms-budget-store.ts';

// The monthly SMS budget of a PLP (docs/api.md, "SMS budget") as the use cases apply it, on in-memory fakes.

const stores = fakeEnrolmentStores();
const directory = fakeDirectoryStore();
const budgets = fakeSmsBudgetStore();
const PRICE_EUR = 0.08;
const run = Math.random().toString(36).slice(2, 8).toUpperCase();
let counter = 0;
const next = () => ++counter;
const newPhone = () => `+3247${String(next()).padStart(7, '0')}`;
const newEmail = () => `budget-${next()}-${run.toLowerCase()}@example.be`;
const newClient = () => ({ sourceIp: `10.9.${(next() >> 8) & 255}.${next() & 255}` });

function harness() {
  const sms: { to: string; body: string }[] = [];
  const emails: EmailMessage[] = [];
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const skipped: SmsCharge[] = [];
  let now = Date.now(); // stored enrolments expire by the real clock: the test's starts at it
  const publish: EventPublisher = async (contract, data, options) => {
    buildDetail(contract, data, options);
    events.push({ type: contract.detailType, data: data as Record<string, unknown> });
  };
  const deps: EnrolmentDeps = {
    ...stores,
    directory,
    publish,
    sms: { send: async (to, body) => (sms.push({ to, body }), { messageId: `sms-${sms.length}` }) },
    email: { send: async (m) => (emails.push(m), { messageId: `email-${emails.length}` }) },
    now: () => new Date(now),
    pepper: async () => 'budget-pepper',
    publicBaseUrl: 'http://localhost:3000',
    clientLimits: false,
    languages: ['fr', 'nl'],
    memberLinks: { send: async () => {} },
    smsBudget: {
      store: budgets,
      pricePerSegmentEur: PRICE_EUR,
      defaultMonthlyBudgetEur: 25,
      skipped: (c) => skipped.push(c),
    },
  };
  const month = () => budgetMonth(new Date(now));
  return { deps, sms, emails, events, skipped, month, setNow: (at: number) => (now = at) };
}
type Harness = ReturnType<typeof harness>;

const admin: Caller = { sub: 'region-admin-budget', groups: ['region_admin'] };
const directoryDeps: DirectoryDeps = { store: directory, publish: async () => {}, now: () => new Date() };
const POSTCODE = '1082';

async function newPlp(over: Partial<CreatePlpInput> = {}): Promise<Plp> {
  const n = next();
  let plp = await createPlp(
    {
      communeNis: '21003',
      name: `Budget ${n}`,
      code: `BUDGET-${run}-${n}`,
      type: 'residents',
      zone: { postcodes: [POSTCODE] },
      dispatchMode: 'direct',
      requiresApproval: false,
      coordinators: [],
      officers: [],
      ...over,
    },
    admin,
    directoryDeps,
  );
  for (const to of ['information_session', 'charter_submitted', 'charter_approved', 'launched'] as const)
    plp = await transitionPlp(
      plp.plpId,
      to === 'charter_approved' ? { to, charterReference: 'SPF/2026/1' } : { to },
      admin,
      directoryDeps,
    );
  return plp;
}

/** Fills the PLP's current month up to its budget, as earlier SMS would have. */
async function spend(plp: Plp, h: Harness) {
  const budget = microEur(plp.smsMonthlyBudgetEur ?? 25);
  const { spentMicroEur } = await budgets.smsSpent(plp.plpId, h.month());
  const rest = { plpId: plp.plpId, month: h.month(), segments: 1, costMicroEur: budget - spentMicroEur };
  expect(await budgets.chargeSms(rest, budget)).toBe(true);
}

/** The first instant of the next month in Brussels (its midnight, 22:00 or 23:00 UTC the day before). */
function nextBrusselsMonth(from: number): number {
  const [year, month] = budgetMonth(new Date(from)).split('-').map(Number) as [number, number];
  let at = Date.UTC(year, month, 1, -3); // 21:00 UTC on the last day: still this month in Brussels
  while (budgetMonth(new Date(at)) === budgetMonth(new Date(from))) at += 30 * 60_000;
  return at;
}

const codeIn = (text = '') => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

/** Enrols (every contact confirmed) up to the MemberActivated event; sendWelcome is the test's to run. */
async function activate(h: Harness, plp: Plp, over: Partial<EnrolmentInput>) {
  const input: EnrolmentInput = {
    plpId: plp.plpId,
    name: `Resident ${next()}`,
    address: { street: 'Rue de la Gare', number: '12', postcode: POSTCODE },
    phone: newPhone(),
    language: 'fr',
    channels: ['sms'],
    consent: true,
    ...over,
  };
  const { enrolmentId } = await requestEnrolment(input, newClient(), h.deps);
  const smsCode = input.phone ? codeIn(h.sms.findLast((s) => s.to === input.phone)?.body) : undefined;
  const emailCode = input.email ? codeIn(h.emails.findLast((m) => m.to === input.email)?.text) : undefined;
  if (emailCode) await confirmEnrolment(enrolmentId, { code: emailCode }, newClient(), h.deps);
  if (smsCode) await confirmEnrolment(enrolmentId, { code: smsCode }, newClient(), h.deps);
  const activated = h.events.find((e) => e.type === 'MemberActivated' && e.data.enrolmentId === enrolmentId);
  if (!activated) throw new Error('not activated');
  return { input, welcome: { memberId: String(activated.data.memberId), plpId: plp.plpId, enrolmentId } };
}

beforeAll(async () => {
  await createCommune(
    { nis: '21003', name: { fr: 'Berchem-Sainte-Agathe' }, languages: ['fr', 'nl'], policeZone: '5340' },
    admin,
    directoryDeps,
  );
});

describe('SMS budget of a PLP', () => {
  it('charges each welcome SMS to its PLP: its segments at the stage’s price, in the Brussels month', async () => {
    const h = harness();
    const plp = await newPlp({ smsMonthlyBudgetEur: 10 });
    const { input, welcome } = await activate(h, plp, {});
    await sendWelcome(welcome, h.deps);

    const sent = h.sms.filter((s) => s.to === input.phone).at(-1)!;
    expect(sent.body).toContain('/me#token=');
    const { smsSegments } = await import('../../../shared/messaging/gsm7.ts');
    const segments = smsSegments(sent.body).segments;
    // The code before it was not charged: only the welcome is.
    expect(await budgets.smsSpent(plp.plpId, h.month())).toEqual({
      spentMicroEur: segments * microEur(PRICE_EUR),
      segments,
      messages: 1,
    });
  });

  it('at its budget, a PLP sends no more welcome SMS; the welcome goes by e-mail, and codes still go', async () => {
    const h = harness();
    const plp = await newPlp({ smsMonthlyBudgetEur: 5 });
    await spend(plp, h);

    // A code is never charged: it still goes by SMS (and the e-mail's by e-mail).
    const email = newEmail();
    const { input, welcome } = await activate(h, plp, { email, channels: ['sms'] });
    expect(h.sms.filter((s) => s.to === input.phone)).toHaveLength(1); // the code
    const before = h.emails.length;

    await sendWelcome(welcome, h.deps);
    expect(h.sms.filter((s) => s.to === input.phone)).toHaveLength(1); // no welcome SMS
    const mailed = h.emails.slice(before);
    expect(mailed).toHaveLength(1);
    expect(mailed[0]).toMatchObject({ to: email });
    expect(mailed[0]!.text).toContain('/me#token=');
    // Counted and logged with ids only.
    expect(h.skipped).toEqual([expect.objectContaining({ plpId: plp.plpId, month: h.month() })]);
    expect(JSON.stringify(h.skipped)).not.toContain(input.phone!);

    // Handled once: a redelivery sends nothing more on either channel.
    await sendWelcome(welcome, h.deps);
    expect(h.emails.slice(before)).toHaveLength(1);
  });

  it('sends one e-mail, not two, to a member who chose both channels; none to one without an address', async () => {
    const h = harness();
    const plp = await newPlp({ smsMonthlyBudgetEur: 5 });
    await spend(plp, h);
    const both = await activate(h, plp, { email: newEmail(), channels: ['sms', 'email'] });
    const onlyPhone = await activate(h, plp, {});
    const sms = h.sms.length;
    const before = h.emails.length;

    await sendWelcome(both.welcome, h.deps);
    await sendWelcome(onlyPhone.welcome, h.deps);
    expect(h.sms.length).toBe(sms);
    expect(h.emails.slice(before).map((m) => m.to)).toEqual([both.input.email]);
    expect(h.skipped).toHaveLength(2);
  });

  it('starts a new month from zero: the welcome SMS goes again once the Brussels month turns', async () => {
    const h = harness();
    const plp = await newPlp({ smsMonthlyBudgetEur: 5 });
    const turn = nextBrusselsMonth(Date.now());
    h.setNow(turn - 30 * 60_000); // 23:30 on the last day of the month in Brussels
    await spend(plp, h);
    const first = await activate(h, plp, {});
    await sendWelcome(first.welcome, h.deps);
    expect(h.sms.filter((s) => s.to === first.input.phone)).toHaveLength(1); // the code only

    h.setNow(turn); // midnight: the first of the next month in Brussels
    const second = await activate(h, plp, {});
    await sendWelcome(second.welcome, h.deps);
    expect(h.sms.filter((s) => s.to === second.input.phone).at(-1)?.body).toContain('/me#token=');
    expect((await budgets.smsSpent(plp.plpId, h.month())).messages).toBe(1);
  });

  it('gives the charge back when the SMS provider fails, so the retry is not charged twice', async () => {
    const h = harness();
    const plp = await newPlp({ smsMonthlyBudgetEur: 10 });
    const { welcome } = await activate(h, plp, {});
    const down = { send: async () => Promise.reject(new Error('sms down')) };
    await expect(sendWelcome(welcome, { ...h.deps, sms: down })).rejects.toThrow('sms down');
    expect((await budgets.smsSpent(plp.plpId, h.month())).messages).toBe(0);

    await sendWelcome(welcome, h.deps);
    expect((await budgets.smsSpent(plp.plpId, h.month())).messages).toBe(1);
  });

  it('uses the stage’s default budget for a PLP that has none of its own', async () => {
    const h = harness();
    const plp = await newPlp();
    expect(plp.smsMonthlyBudgetEur).toBeUndefined();
    await spend(plp, h);
    const { welcome } = await activate(h, plp, {});
    await sendWelcome(welcome, h.deps);
    expect(h.skipped).toEqual([expect.objectContaining({ plpId: plp.plpId })]);
  });

  it('charges the reply to STOP (the member leaves) and skips it over budget; leaving by link mails it', async () => {
    const h = harness();
    const plp = await newPlp({ smsMonthlyBudgetEur: 5 });
    const texted = await activate(h, plp, {});
    await sendWelcome(texted.welcome, h.deps);
    const linked = await activate(h, plp, { email: newEmail(), channels: ['sms'] });
    await sendWelcome(linked.welcome, h.deps);
    const token = /\/me#token=([\w-]+)/.exec(h.sms.findLast((s) => s.to === linked.input.phone)!.body)![1]!;
    await spend(plp, h);
    const sms = h.sms.length;
    const before = h.emails.length;

    await handleInboundSms({ from: texted.input.phone!, body: 'STOP', messageId: `m-${next()}` }, h.deps);
    await leavePlp(token, plp.plpId, h.deps);

    expect(h.sms.length).toBe(sms); // neither reply went by SMS
    expect(h.emails.slice(before).map((m) => m.to)).toEqual([linked.input.email]); // the link's leaver is mailed
    expect(h.skipped.map((c) => c.plpId)).toEqual([plp.plpId, plp.plpId]);
  });

  it('over budget, tells a resident waiting for approval and a rejected one by e-mail instead of SMS', async () => {
    const h = harness();
    const coordinatorEmail = newEmail();
    const plp = await newPlp({
      smsMonthlyBudgetEur: 5,
      requiresApproval: true,
      coordinators: [{ email: coordinatorEmail, name: 'Anne', language: 'fr' }],
    });
    const coordinator: Caller = { sub: `coord-${run}`, email: coordinatorEmail, groups: ['coordinator'] };
    await spend(plp, h);
    const phone = newPhone();
    const email = newEmail();
    const { enrolmentId } = await requestEnrolment(
      {
        plpId: plp.plpId,
        name: 'Jan',
        address: { street: 'Rue de la Gare', number: '3', postcode: POSTCODE },
        phone,
        email,
        language: 'nl',
        channels: ['sms'],
        consent: true,
      },
      newClient(),
      h.deps,
    );
    const emailCode = codeIn(h.emails.findLast((m) => m.to === email)?.text);
    await confirmEnrolment(enrolmentId, { code: emailCode }, newClient(), h.deps);
    const smsCode = codeIn(h.sms.findLast((s) => s.to === phone)?.body);
    expect(await confirmEnrolment(enrolmentId, { code: smsCode }, newClient(), h.deps)).toMatchObject({
      status: 'pending_approval',
    });
    const sms = h.sms.length;
    const before = h.emails.length;

    await noticeAwaitingApproval({ enrolmentId, awaitsApproval: true }, h.deps);
    await decideEnrolment(enrolmentId, { decision: 'rejected' }, coordinator, h.deps);

    expect(h.sms.length).toBe(sms);
    expect(h.emails.slice(before).map((m) => m.to)).toEqual([email, email]);
    expect(h.skipped.map((c) => c.plpId)).toEqual([plp.plpId, plp.plpId]);
  });
});

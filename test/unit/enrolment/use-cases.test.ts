import { beforeAll, describe, expect, it } from 'vitest';
import { buildDetail, type EventPublisher } from '../../../events/define-event.ts';
import type { Caller } from '../../../shared/directory/caller.ts';
import type { CreatePlpInput, Plp } from '../../../shared/directory/model.ts';
import { createCommune, createPlp, type DirectoryDeps, transitionPlp } from '../../../shared/directory/use-cases.ts';
import { contactHash, type EnrolmentDeps, limitKeyOf } from '../../../shared/enrolment/context.ts';
import {
  confirmContactChange,
  eraseMe,
  exportMe,
  getMe,
  listMembersForCoordinator,
  requestContactChange,
  deliverMemberLink,
  requestMemberLink,
  sendWelcome,
  updateMe,
} from '../../../shared/enrolment/members.ts';
import type { EnrolmentInput } from '../../../shared/enrolment/contact-input.ts';
import { handleInboundSms } from '../../../shared/enrolment/sms-inbound.ts';
import {
  confirmEnrolment,
  decideEnrolment,
  listEnrolmentsForCoordinator,
  noticeAwaitingApproval,
  requestEnrolment,
} from '../../../shared/enrolment/use-cases.ts';
import {
  ConflictError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from '../../../shared/errors.ts';
import { smsText } from '../../../shared/i18n/messages.ts';
import { awaitingApprovalMessage } from '../../../shared/i18n/messages/awaiting-approval.ts';
import { helpMessage } from '../../../shared/i18n/messages/help.ts';
import { smsOptedOutMessage } from '../../../shared/i18n/messages/sms-opted-out.ts';
import { smsStoppedMessage } from '../../../shared/i18n/messages/sms-stopped.ts';
import { unknownPlpCodeMessage } from '../../../shared/i18n/messages/unknown-plp-code.ts';
import type { EmailMessage } from '../../../shared/messaging/ports.ts';
import { fakeDirectoryStore } from '../../support/fakes/directory-store.ts';
import { fakeEnrolmentStores } from '../../support/fakes/enrolment-stores.ts';
import { fakeReportStore } from '../../support/fakes/report-store.ts';

// ---------------------------------------------------------------------------------------------------------
// Setup: in-memory stores for this file (test/support/fakes, proven by the same contract suites as the
// DynamoDB adapters), recording fakes for the bus and the providers.
// ---------------------------------------------------------------------------------------------------------

const stores = fakeEnrolmentStores();
const store = { ...stores.enrolments, ...stores.members };
const directory = fakeDirectoryStore();

const PEPPER = 'test-pepper';
const BASE_URL = 'http://localhost:3000';
const MINUTE_MS = 60_000;
const run = Math.random().toString(36).slice(2, 8).toUpperCase();
let counter = 0;
const next = () => ++counter;

/** A Belgian mobile number and an e-mail address nobody else in this file uses. */
const newPhone = () => `+3247${String(next()).padStart(7, '0')}`;
const newEmail = () => `resident-${next()}-${run.toLowerCase()}@example.be`;
/** A client address of its own, so that per-client limits never interfere between tests. */
const newClient = () => {
  const n = next();
  return { sourceIp: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
};

type Sms = { to: string; body: string };
type Published = { type: string; data: Record<string, unknown> };

/** Deps with a clock under the test's control and everything sent or published recorded. */
function harness() {
  const sms: Sms[] = [];
  const emails: EmailMessage[] = [];
  const events: Published[] = [];
  const queued: { contact: string }[] = [];
  let now = Date.now();
  const publish: EventPublisher = async (contract, data, options) => {
    buildDetail(contract, data, options); // the event must satisfy its contract
    events.push({ type: contract.detailType, data: data as Record<string, unknown> });
  };
  const deps: EnrolmentDeps = {
    enrolments: stores.enrolments,
    members: stores.members,
    limits: stores.limits,
    once: stores.once,
    directory,
    publish,
    sms: {
      send: async (to, body) => {
        sms.push({ to, body });
        return { messageId: `sms-${sms.length}` };
      },
    },
    email: {
      send: async (m) => {
        emails.push(m);
        return { messageId: `email-${emails.length}` };
      },
    },
    now: () => new Date(now),
    pepper: async () => PEPPER,
    publicBaseUrl: BASE_URL,
    clientLimits: true,
    languages: ['fr', 'nl'],
    // The member-links queue, delivered at once to its worker (the local runtime and SQS do it a moment later).
    memberLinks: {
      send: async (requests) => {
        queued.push(...requests);
        for (const r of requests) await deliverMemberLink(r, deps);
      },
    },
  };
  return {
    deps,
    queued,
    sms,
    emails,
    events,
    advance: (ms: number) => (now += ms),
    eventsOf: (type: string) => events.filter((e) => e.type === type).map((e) => e.data),
    clear: () => {
      sms.length = 0;
      emails.length = 0;
      events.length = 0;
    },
  };
}
type Harness = ReturnType<typeof harness>;

const admin: Caller = { sub: 'region-admin-it', groups: ['region_admin'] };
const directoryDeps: DirectoryDeps = { store: directory, publish: async () => {}, now: () => new Date() };
const NIS = '21003';
const POSTCODE = '1082';

type TestPlp = { plp: Plp; coordinator: Caller };

/** A PLP with its own coordinator, moved through its life cycle to launched (unless told otherwise). */
async function newPlp(over: Partial<CreatePlpInput> = {}, launched = true): Promise<TestPlp> {
  const n = next();
  const coordinatorEmail = `coord-${n}-${run.toLowerCase()}@example.be`;
  let plp = await createPlp(
    {
      communeNis: NIS,
      name: `Quartier ${n}`,
      code: `IT-${run}-${n}`,
      type: 'residents',
      zone: { postcodes: [POSTCODE] },
      dispatchMode: 'direct',
      requiresApproval: false,
      languages: ['fr', 'nl'],
      coordinators: [{ email: coordinatorEmail, name: `Coordinator ${n}`, language: 'fr' }],
      officers: [],
      ...over,
    },
    admin,
    directoryDeps,
  );
  if (launched) {
    for (const to of ['information_session', 'charter_submitted', 'charter_approved', 'launched'] as const)
      plp = await transitionPlp(
        plp.plpId,
        to === 'charter_approved' ? { to, charterReference: 'SPF/2026/1' } : { to },
        admin,
        directoryDeps,
      );
  }
  return { plp, coordinator: { sub: `coord-sub-${n}`, email: coordinatorEmail, groups: ['coordinator'] } };
}

function enrolmentInput(plp: Plp, over: Partial<EnrolmentInput> = {}): EnrolmentInput {
  return {
    plpId: plp.plpId,
    name: `Resident ${next()} ${run}`,
    address: { street: 'Rue de la Gare', number: '12', postcode: POSTCODE },
    phone: newPhone(),
    language: 'fr',
    channels: ['sms'],
    consent: true,
    ...over,
  };
}

/** The 6-digit code in a message (a ULID in a link never stands alone as 6 digits). */
function codeIn(text: string): string {
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no code in: ${text}`);
  return code;
}
function tokenIn(text: string): string {
  const token = /\/me#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no member link in: ${text}`);
  return token;
}
const wrongCode = (code: string) => (code === '000000' ? '111111' : '000000');

/**
 * Enrols and returns the enrolment with the codes that were sent: `code` moves it on (SMS if a phone was
 * given, else e-mail); `emailCode` confirms an e-mail given beside a phone.
 */
async function enrol(h: Harness, input: EnrolmentInput) {
  const enrolment = await requestEnrolment(input, newClient(), h.deps);
  const sent = input.phone !== undefined ? h.sms.at(-1)?.body : h.emails.at(-1)?.text;
  const beside = input.phone !== undefined && input.email !== undefined ? h.emails.at(-1)?.text : undefined;
  return { enrolment, code: codeIn(sent ?? ''), ...(beside ? { emailCode: codeIn(beside) } : {}) };
}

/**
 * Enrols, confirms every contact given with its code, and runs the welcome consumer; returns the member's
 * first token.
 */
async function enrolAsMember(h: Harness, input: EnrolmentInput) {
  const { enrolment, code, emailCode } = await enrol(h, input);
  if (emailCode) await confirmEnrolment(enrolment.enrolmentId, { code: emailCode }, newClient(), h.deps);
  await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps);
  const activated = h.eventsOf('MemberActivated').find((e) => e.enrolmentId === enrolment.enrolmentId);
  if (!activated) throw new Error('no MemberActivated');
  const welcome = { memberId: String(activated.memberId), plpId: input.plpId, enrolmentId: enrolment.enrolmentId };
  await sendWelcome(welcome, h.deps);
  const link = [...h.sms.map((s) => s.body), ...h.emails.map((m) => m.text)].find((t) => t.includes('/me#token='));
  return { enrolment, memberId: welcome.memberId, welcome, token: link ? tokenIn(link) : '' };
}

/** The enrolment as stored, every attribute of it. */
const storedEnrolment = (enrolmentId: string) => store.getEnrolment(enrolmentId);

let open: TestPlp;
let approval: TestPlp;
let other: TestPlp;

beforeAll(async () => {
  await createCommune(
    {
      nis: NIS,
      name: { fr: 'Berchem-Sainte-Agathe', nl: 'Sint-Agatha-Berchem' },
      languages: ['fr', 'nl'],
      policeZone: '5340',
    },
    admin,
    directoryDeps,
  );
  open = await newPlp();
  approval = await newPlp({ requiresApproval: true });
  other = await newPlp({ requiresApproval: true });
});

// ---------------------------------------------------------------------------------------------------------

describe('requestEnrolment', () => {
  it('sends each contact its own code, the phone’s by SMS and the e-mail’s by e-mail; EnrolmentRequested carries no contact data', async () => {
    const h = harness();
    const email = newEmail();
    const input = enrolmentInput(open.plp, { email, channels: ['sms', 'email'] });
    const enrolment = await requestEnrolment(input, newClient(), h.deps);

    expect(enrolment.status).toBe('pending_confirmation');
    expect(h.sms).toHaveLength(1);
    expect(h.sms[0]!.to).toBe(input.phone);
    const code = codeIn(h.sms[0]!.body);
    expect(h.emails).toHaveLength(1);
    expect(h.emails[0]!.to).toBe(email);
    expect(codeIn(h.emails[0]!.text)).toMatch(/^\d{6}$/);

    expect(h.events).toEqual([
      {
        type: 'EnrolmentRequested',
        data: {
          enrolmentId: enrolment.enrolmentId,
          plpId: open.plp.plpId,
          via: 'web',
          channels: ['sms', 'email'],
          codeChannel: 'sms',
        },
      },
    ]);
    const published = JSON.stringify(h.events);
    for (const personal of [input.phone!, email, input.name, input.address.street])
      expect(published).not.toContain(personal);

    const stored = await store.getEnrolment(enrolment.enrolmentId);
    expect(stored).toMatchObject({ status: 'pending_confirmation', name: input.name, phone: input.phone, email });
    const raw = await storedEnrolment(enrolment.enrolmentId);
    expect(raw?.codes).toEqual({
      phone: { hash: expect.stringMatching(/^[0-9a-f]{64}$/), expiresAt: expect.any(String) },
      email: { hash: expect.stringMatching(/^[0-9a-f]{64}$/), expiresAt: expect.any(String) },
    });
    expect(raw?.codeAttempts).toBe(0);
    expect(JSON.stringify(raw)).not.toContain(`"${code}"`);
  });

  it('normalises a national phone number to E.164', async () => {
    const h = harness();
    const phone = newPhone();
    await requestEnrolment(enrolmentInput(open.plp, { phone: phone.replace('+32', '0') }), newClient(), h.deps);
    expect(h.sms.map((s) => s.to)).toEqual([phone]);
  });

  it('sends the code by e-mail when only an e-mail address is given', async () => {
    const h = harness();
    const email = newEmail();
    const { phone: _phone, ...noPhone } = enrolmentInput(open.plp, { phone: undefined, email, channels: ['email'] });
    const enrolment = await requestEnrolment(noPhone, newClient(), h.deps);

    expect(h.sms).toEqual([]);
    expect(h.emails).toHaveLength(1);
    expect(h.emails[0]!.to).toBe(email);
    expect(codeIn(h.emails[0]!.text)).toMatch(/^\d{6}$/);
    expect(h.eventsOf('EnrolmentRequested')).toEqual([expect.objectContaining({ codeChannel: 'email' })]);
    expect(JSON.stringify(h.events)).not.toContain(email);
    expect(await store.getEnrolment(enrolment.enrolmentId)).toMatchObject({ email, status: 'pending_confirmation' });
  });

  it('refuses an address outside the zone, storing no enrolment and counting no send to the contact', async () => {
    const h = harness();
    const { plp } = await newPlp();
    const input = enrolmentInput(plp, { address: { street: 'Rue Neuve', number: '1', postcode: '1000' } });

    await expect(requestEnrolment(input, newClient(), h.deps)).rejects.toThrow(ValidationError);

    // No enrolment of the PLP in any status, and no send counted against the phone number.
    const statuses = ['pending_confirmation', 'pending_approval', 'active', 'rejected', 'locked'] as const;
    for (const status of statuses) expect(await store.enrolmentsOf(plp.plpId, status)).toEqual([]);
    expect(stores.limits.sendTimes('contact', contactHash(input.phone!, PEPPER))).toEqual([]);
    expect(h.sms).toEqual([]);
    expect(h.events).toEqual([]);
  });

  it('refuses a PLP that is not launched, or unknown', async () => {
    const h = harness();
    const { plp } = await newPlp({}, false);
    await expect(requestEnrolment(enrolmentInput(plp), newClient(), h.deps)).rejects.toThrow(ValidationError);
    await expect(
      requestEnrolment({ ...enrolmentInput(plp), plpId: `unknown-${run}` }, newClient(), h.deps),
    ).rejects.toThrow(ValidationError);
    expect(await store.enrolmentsOf(plp.plpId, 'pending_confirmation')).toEqual([]);
    expect(h.sms).toEqual([]);
  });

  it('refuses a foreign phone number', async () => {
    const h = harness();
    await expect(
      requestEnrolment(enrolmentInput(open.plp, { phone: '+33612345678' }), newClient(), h.deps),
    ).rejects.toThrow(ValidationError);
    expect(h.sms).toEqual([]);
  });

  it('refuses a fourth code to the same contact within an hour', async () => {
    const h = harness();
    const phone = newPhone();
    for (let i = 0; i < 3; i++) {
      await requestEnrolment(enrolmentInput(open.plp, { phone }), newClient(), h.deps);
      h.advance(16 * MINUTE_MS); // each code has expired: a new enrolment, not the same one again
    }
    const refused = await requestEnrolment(enrolmentInput(open.plp, { phone }), newClient(), h.deps).catch((e) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect(h.sms.filter((s) => s.to === phone)).toHaveLength(3);
    expect(h.eventsOf('EnrolmentRequested')).toHaveLength(3);
  });

  it('counts +tag and dot variants of one mailbox as one contact for the limit', async () => {
    const h = harness();
    const user = `ma.rie${next()}`;
    const variants = [`${user}@example.be`, `${user.replace('.', '')}+a@example.be`, `${user}+b@EXAMPLE.be`];
    for (const email of variants) {
      await requestEnrolment(
        enrolmentInput(open.plp, { phone: undefined, email, channels: ['email'] }),
        newClient(),
        h.deps,
      );
      h.advance(16 * MINUTE_MS); // each code has expired: a new enrolment, not the same one again
    }
    const fourth = `${user.replace('.', '')}+c@example.be`;
    const refused = await requestEnrolment(
      enrolmentInput(open.plp, { phone: undefined, email: fourth, channels: ['email'] }),
      newClient(),
      h.deps,
    ).catch((e) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(h.emails).toHaveLength(3);
  });
});

describe('one enrolment per PLP and contact while its code is valid', () => {
  it('answers a double submit with the first enrolment and sends one code; one welcome after confirmation', async () => {
    const h = harness();
    const input = enrolmentInput(open.plp, { phone: newPhone() });
    const [first, second] = await Promise.all([
      requestEnrolment(input, newClient(), h.deps),
      requestEnrolment(input, newClient(), h.deps),
    ]);
    const third = await requestEnrolment(input, newClient(), h.deps);
    expect(second.enrolmentId).toBe(first.enrolmentId);
    expect(third.enrolmentId).toBe(first.enrolmentId);
    expect(h.sms).toHaveLength(1);
    expect(h.eventsOf('EnrolmentRequested')).toHaveLength(1);
  });

  it('refuses other details for that contact until the code is used or expired, then takes a new enrolment', async () => {
    const h = harness();
    const phone = newPhone();
    await requestEnrolment(enrolmentInput(open.plp, { phone }), newClient(), h.deps);
    await expect(
      requestEnrolment(enrolmentInput(open.plp, { phone, name: 'Someone Else' }), newClient(), h.deps),
    ).rejects.toThrow(ConflictError);
    expect(h.sms).toHaveLength(1);
    h.advance(16 * MINUTE_MS);
    await requestEnrolment(enrolmentInput(open.plp, { phone, name: 'Someone Else' }), newClient(), h.deps);
    expect(h.sms).toHaveLength(2);
  });
});

describe('limitKeyOf', () => {
  it('keys a mailbox without its +tag and local dots, in lower case; leaves phone numbers alone', () => {
    expect(limitKeyOf('Ma.Rie+news@Example.BE')).toBe('marie@example.be');
    expect(limitKeyOf('marie@example.be')).toBe('marie@example.be');
    expect(limitKeyOf('+32470123456')).toBe('+32470123456');
  });
});

describe('confirmEnrolment', () => {
  it('counts wrong codes, locks at the fifth, and refuses even the right code after', async () => {
    const h = harness();
    const { enrolment, code } = await enrol(h, enrolmentInput(open.plp));
    const confirm = (c: string) => confirmEnrolment(enrolment.enrolmentId, { code: c }, newClient(), h.deps);

    for (let i = 1; i <= 4; i++) {
      await expect(confirm(wrongCode(code))).rejects.toThrow(ValidationError);
      expect(await store.getEnrolment(enrolment.enrolmentId)).toMatchObject({
        status: 'pending_confirmation',
        codeAttempts: i,
      });
    }
    await expect(confirm(wrongCode(code))).rejects.toThrow(ValidationError);
    expect((await store.getEnrolment(enrolment.enrolmentId))?.status).toBe('locked');

    await expect(confirm(code)).rejects.toThrow(ConflictError);
    expect(h.eventsOf('MemberActivated')).toEqual([]);
  });

  it('refuses an expired code', async () => {
    const h = harness();
    const { enrolment, code } = await enrol(h, enrolmentInput(open.plp));
    h.advance(16 * MINUTE_MS);

    await expect(confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps)).rejects.toThrow(
      ValidationError,
    );
    expect(await store.getEnrolment(enrolment.enrolmentId)).toMatchObject({ status: 'pending_confirmation' });
    expect(h.eventsOf('MemberActivated')).toEqual([]);
  });

  it('refuses an unknown enrolment', async () => {
    const h = harness();
    await expect(confirmEnrolment(`unknown-${run}`, { code: '123456' }, newClient(), h.deps)).rejects.toThrow(
      NotFoundError,
    );
  });

  it('activates at once in a PLP without approval and publishes MemberActivated', async () => {
    const h = harness();
    const input = enrolmentInput(open.plp);
    const { enrolment, code } = await enrol(h, input);

    expect(await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps)).toEqual({
      status: 'active',
      contacts: { phone: 'confirmed' },
    });

    const [activated] = h.eventsOf('MemberActivated');
    expect(activated).toEqual({
      memberId: expect.any(String),
      plpId: open.plp.plpId,
      enrolmentId: enrolment.enrolmentId,
      language: 'fr',
      channels: ['sms'],
    });
    expect(h.eventsOf('EnrolmentConfirmed')).toEqual([
      { enrolmentId: enrolment.enrolmentId, plpId: open.plp.plpId, awaitsApproval: false },
    ]);
    const stored = await store.getEnrolment(enrolment.enrolmentId);
    expect(stored).toMatchObject({ status: 'active', memberId: activated!.memberId });
    for (const field of ['name', 'address', 'phone', 'email', 'codes']) expect(stored).not.toHaveProperty(field);

    const found = await store.getMember(String(activated!.memberId));
    expect(found?.member).toMatchObject({ name: input.name, phone: input.phone, status: 'active' });
    expect(found?.memberships).toEqual([expect.objectContaining({ plpId: open.plp.plpId, address: input.address })]);
    await expect(confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps)).rejects.toThrow(ConflictError);
  });

  it('sendWelcome sends one welcome per chosen channel, once, with a working member link', async () => {
    const h = harness();
    const email = newEmail();
    const input = enrolmentInput(open.plp, { email, channels: ['sms', 'email'] });
    const { enrolment, code, emailCode } = await enrol(h, input);
    await confirmEnrolment(enrolment.enrolmentId, { code: emailCode! }, newClient(), h.deps);
    await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps);
    const [activated] = h.eventsOf('MemberActivated');
    const data = { memberId: String(activated!.memberId), plpId: open.plp.plpId, enrolmentId: enrolment.enrolmentId };
    h.clear();

    await sendWelcome(data, h.deps);
    expect(h.sms).toHaveLength(1);
    expect(h.sms[0]!.to).toBe(input.phone);
    expect(h.sms[0]!.body).toContain(`${BASE_URL}/me#token=`);
    expect(h.emails).toHaveLength(1);
    expect(h.emails[0]!.to).toBe(email);
    expect(h.emails[0]!.text).toContain(`${BASE_URL}/me#token=`);

    await sendWelcome(data, h.deps);
    expect(h.sms).toHaveLength(1);
    expect(h.emails).toHaveLength(1);

    const me = await getMe(tokenIn(h.sms[0]!.body), h.deps);
    expect(me).toEqual({
      memberId: data.memberId,
      plps: [{ id: open.plp.plpId, name: open.plp.name }],
      name: input.name,
      language: 'fr',
      channels: ['sms', 'email'],
      phone: input.phone,
      email,
      status: 'active',
    });
    expect((await getMe(tokenIn(h.emails[0]!.text), h.deps)).memberId).toBe(data.memberId);
  });
});

describe('each contact confirmed on its own (API.md, "Contacts")', () => {
  it('never matches, stores, messages or exports an e-mail nobody confirmed: the victim of a typed-in address stays apart', async () => {
    const h = harness();
    const victim = newEmail();
    // The attacker gives their own phone and the victim's address, and confirms only the phone.
    const attack = enrolmentInput(open.plp, { email: victim, channels: ['sms', 'email'] });
    const { enrolment, code } = await enrol(h, attack);
    expect(await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps)).toEqual({
      status: 'active',
      contacts: { phone: 'confirmed', email: 'pending' },
    });
    const [activated] = h.eventsOf('MemberActivated');
    const attackerId = String(activated!.memberId);
    expect(activated!.channels).toEqual(['sms']);
    h.clear();
    await sendWelcome({ memberId: attackerId, plpId: open.plp.plpId, enrolmentId: enrolment.enrolmentId }, h.deps);
    expect(h.emails).toEqual([]); // only its own code ever went to the victim's address
    const token = tokenIn(h.sms[0]!.body);
    expect((await getMe(token, h.deps)).email).toBeUndefined();
    expect(JSON.stringify(await exportMe(token, { ...h.deps, reports: fakeReportStore() }))).not.toContain(victim);
    expect(await store.memberIdByContact(contactHash(victim, PEPPER))).toBeUndefined();

    // The victim enrols with their address: a member of their own, and the attacker learns nothing.
    const own = await enrolAsMember(
      h,
      enrolmentInput(open.plp, { phone: undefined, email: victim, channels: ['email'] }),
    );
    expect(own.memberId).not.toBe(attackerId);
    expect(await store.memberIdByContact(contactHash(victim, PEPPER))).toBe(own.memberId);
    expect(JSON.stringify(await exportMe(token, { ...h.deps, reports: fakeReportStore() }))).not.toContain(victim);
    // The code the victim got for the attacker's enrolment can no longer give the attacker their address.
    const victimCodes = h.emails.filter((m) => m.to === victim);
    expect(victimCodes.length).toBeGreaterThan(0);
  });

  it('confirms the e-mail with its own code after activation: then, and only then, it is the member’s', async () => {
    const h = harness();
    const email = newEmail();
    const input = enrolmentInput(open.plp, { email, channels: ['sms', 'email'] });
    const { enrolment, code, emailCode } = await enrol(h, input);
    expect(emailCode).not.toBe(code);
    await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps);
    const memberId = String(h.eventsOf('MemberActivated')[0]!.memberId);
    expect((await store.getMember(memberId))?.member).not.toHaveProperty('email');

    await expect(
      confirmEnrolment(enrolment.enrolmentId, { code: wrongCode(emailCode!) }, newClient(), h.deps),
    ).rejects.toThrow(ValidationError);
    expect(await confirmEnrolment(enrolment.enrolmentId, { code: emailCode! }, newClient(), h.deps)).toEqual({
      status: 'active',
      contacts: { phone: 'confirmed', email: 'confirmed' },
    });
    const member = (await store.getMember(memberId))!.member;
    expect(member).toMatchObject({ email, channels: ['sms', 'email'] });
    expect(member).not.toHaveProperty('pendingContact');
    expect(await store.memberIdByContact(contactHash(email, PEPPER))).toBe(memberId);
    await expect(confirmEnrolment(enrolment.enrolmentId, { code: emailCode! }, newClient(), h.deps)).rejects.toThrow(
      ConflictError,
    );
  });

  it('takes the e-mail’s code first without moving the enrolment on; the phone’s then activates with both', async () => {
    const h = harness();
    const email = newEmail();
    const { enrolment, code, emailCode } = await enrol(h, enrolmentInput(open.plp, { email, channels: ['email'] }));
    expect(await confirmEnrolment(enrolment.enrolmentId, { code: emailCode! }, newClient(), h.deps)).toEqual({
      status: 'pending_confirmation',
      contacts: { phone: 'pending', email: 'confirmed' },
    });
    expect(h.eventsOf('MemberActivated')).toEqual([]);
    await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps);
    const [activated] = h.eventsOf('MemberActivated');
    expect(activated!.channels).toEqual(['email']);
    expect((await store.getMember(String(activated!.memberId)))?.member).toMatchObject({ email });
  });

  it('counts wrong codes together, whichever contact they were meant for; the fifth locks both', async () => {
    const h = harness();
    const { enrolment, code, emailCode } = await enrol(h, enrolmentInput(open.plp, { email: newEmail() }));
    const wrong = ['000000', '111111', '222222'].find((c) => c !== code && c !== emailCode)!;
    for (let i = 0; i < 5; i++)
      await expect(confirmEnrolment(enrolment.enrolmentId, { code: wrong }, newClient(), h.deps)).rejects.toThrow(
        ValidationError,
      );
    for (const right of [code, emailCode!])
      await expect(confirmEnrolment(enrolment.enrolmentId, { code: right }, newClient(), h.deps)).rejects.toThrow(
        ConflictError,
      );
    expect((await store.getEnrolment(enrolment.enrolmentId))?.status).toBe('locked');
  });

  it('keeps nothing and counts nothing when the code cannot be sent; the resident can enrol again at once', async () => {
    const h = harness();
    const input = enrolmentInput(open.plp);
    const down = { send: async () => Promise.reject(new Error('SMS provider down')) };
    for (let i = 0; i < 4; i++)
      await expect(requestEnrolment(input, newClient(), { ...h.deps, sms: down })).rejects.toThrow('down');
    const records = stores.records().map((r) => JSON.stringify(r));
    for (const personal of [input.phone!, input.name]) expect(records.some((r) => r.includes(personal))).toBe(false);
    expect(stores.limits.sendTimes('contact', contactHash(input.phone!, PEPPER))).toEqual([]);
    expect(h.eventsOf('EnrolmentRequested')).toEqual([]);

    const { enrolment, code } = await enrol(h, input); // not refused as a double submit, nor by the limit
    expect((await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps)).status).toBe('active');
  });

  it('drops an e-mail beside a phone whose code cannot be sent, and gives its send back', async () => {
    const h = harness();
    const email = newEmail();
    const down = { send: async () => Promise.reject(new Error('mail server down')) };
    const input = enrolmentInput(open.plp, { email, channels: ['sms', 'email'] });
    const enrolment = await requestEnrolment(input, newClient(), { ...h.deps, email: down });
    expect(h.sms).toHaveLength(1);
    const stored = await store.getEnrolment(enrolment.enrolmentId);
    expect(stored).not.toHaveProperty('email');
    expect(stored?.codes).not.toHaveProperty('email');
    expect(stores.limits.sendTimes('contact', contactHash(email, PEPPER))).toEqual([]);
    const answer = await confirmEnrolment(enrolment.enrolmentId, { code: codeIn(h.sms[0]!.body) }, newClient(), h.deps);
    expect(answer).toEqual({ status: 'active', contacts: { phone: 'confirmed' } });
    expect(h.eventsOf('MemberActivated')[0]!.channels).toEqual(['sms']);
  });
});

describe('welcome when a provider fails', () => {
  it('sends again only the channel that failed: the retry does not text twice', async () => {
    const h = harness();
    const email = newEmail();
    const { enrolment, code, emailCode } = await enrol(
      h,
      enrolmentInput(open.plp, { email, channels: ['sms', 'email'] }),
    );
    await confirmEnrolment(enrolment.enrolmentId, { code: emailCode! }, newClient(), h.deps);
    await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps);
    const data = {
      memberId: String(h.eventsOf('MemberActivated')[0]!.memberId),
      plpId: open.plp.plpId,
      enrolmentId: enrolment.enrolmentId,
    };
    h.clear();
    const down = { send: async () => Promise.reject(new Error('mail server down')) };
    await expect(sendWelcome(data, { ...h.deps, email: down })).rejects.toThrow('down');
    expect(h.sms).toHaveLength(1);

    await sendWelcome(data, h.deps); // the retry (Lambda's, or the queue's after a redrive)
    expect(h.sms).toHaveLength(1);
    expect(h.emails.map((m) => m.to)).toEqual([email]);
    expect(h.emails[0]!.text).toContain('/me#token=');
  });
});

describe('approval by the coordinator', () => {
  it('leaves the enrolment pending approval and lists it for the PLP coordinator with the name', async () => {
    const h = harness();
    const input = enrolmentInput(approval.plp);
    const { enrolment, code } = await enrol(h, input);

    expect(await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps)).toEqual({
      status: 'pending_approval',
      contacts: { phone: 'confirmed' },
    });
    expect(h.eventsOf('MemberActivated')).toEqual([]);
    expect(h.eventsOf('EnrolmentConfirmed')).toEqual([expect.objectContaining({ awaitsApproval: true })]);

    const list = await listEnrolmentsForCoordinator(approval.coordinator, { status: 'pending_approval' }, h.deps);
    expect(list).toContainEqual(
      expect.objectContaining({
        enrolmentId: enrolment.enrolmentId,
        plpId: approval.plp.plpId,
        plpName: approval.plp.name,
        status: 'pending_approval',
        name: input.name,
        address: input.address,
      }),
    );
  });

  it('tells the resident the enrolment waits for approval, once, on the contact confirmed', async () => {
    const h = harness();
    const email = newEmail();
    const input = enrolmentInput(approval.plp, { email, channels: ['sms', 'email'], language: 'nl' });
    const { enrolment, code } = await enrol(h, input);
    await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps);
    h.clear();
    const data = { enrolmentId: enrolment.enrolmentId, awaitsApproval: true };
    await noticeAwaitingApproval(data, h.deps);
    await noticeAwaitingApproval(data, h.deps); // the event again
    expect(h.sms).toEqual([
      { to: input.phone, body: smsText(awaitingApprovalMessage, 'nl', { plpName: approval.plp.name }) },
    ]);
    expect(h.emails).toEqual([]); // the e-mail is not confirmed: it gets nothing

    const byEmail = newEmail();
    const mailed = await enrol(
      h,
      enrolmentInput(approval.plp, { phone: undefined, email: byEmail, channels: ['email'] }),
    );
    await confirmEnrolment(mailed.enrolment.enrolmentId, { code: mailed.code }, newClient(), h.deps);
    await noticeAwaitingApproval({ enrolmentId: mailed.enrolment.enrolmentId, awaitsApproval: true }, h.deps);
    expect(h.emails.at(-1)).toMatchObject({ to: byEmail, subject: expect.stringContaining('approbation') });
    // Nothing for an enrolment that needed no approval.
    await noticeAwaitingApproval({ enrolmentId: mailed.enrolment.enrolmentId, awaitsApproval: false }, h.deps);
    expect(h.emails.filter((m) => m.to === byEmail)).toHaveLength(2); // its code, then the notice
  });

  it("hides the enrolment from another PLP's coordinator, who cannot decide it either", async () => {
    const h = harness();
    const { enrolment, code } = await enrol(h, enrolmentInput(approval.plp));
    await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps);

    const list = await listEnrolmentsForCoordinator(other.coordinator, { status: 'pending_approval' }, h.deps);
    expect(list.map((e) => e.enrolmentId)).not.toContain(enrolment.enrolmentId);
    const filtered = await listEnrolmentsForCoordinator(
      other.coordinator,
      { status: 'pending_approval', plpId: approval.plp.plpId },
      h.deps,
    );
    expect(filtered).toEqual([]);
    await expect(
      decideEnrolment(enrolment.enrolmentId, { decision: 'approved' }, other.coordinator, h.deps),
    ).rejects.toThrow(NotFoundError);
    expect((await store.getEnrolment(enrolment.enrolmentId))?.status).toBe('pending_approval');
  });

  it('activates the member on approval; a second decision is a conflict', async () => {
    const h = harness();
    const { enrolment, code } = await enrol(h, enrolmentInput(approval.plp));
    await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps);

    expect(
      await decideEnrolment(enrolment.enrolmentId, { decision: 'approved' }, approval.coordinator, h.deps),
    ).toEqual({ enrolmentId: enrolment.enrolmentId, status: 'active' });
    const [activated] = h.eventsOf('MemberActivated');
    expect(activated).toMatchObject({
      enrolmentId: enrolment.enrolmentId,
      approvedBy: `sub:${approval.coordinator.sub}`,
    });
    const found = await store.getMember(String(activated!.memberId));
    expect(found?.memberships).toEqual([
      expect.objectContaining({ plpId: approval.plp.plpId, approvedBy: `sub:${approval.coordinator.sub}` }),
    ]);

    await expect(
      decideEnrolment(enrolment.enrolmentId, { decision: 'rejected' }, approval.coordinator, h.deps),
    ).rejects.toThrow(ConflictError);
    const list = await listEnrolmentsForCoordinator(approval.coordinator, { status: 'pending_approval' }, h.deps);
    expect(list.map((e) => e.enrolmentId)).not.toContain(enrolment.enrolmentId);
  });

  it('tells the resident of a rejection and keeps no contact data in the enrolment', async () => {
    const h = harness();
    const email = newEmail();
    const input = enrolmentInput(approval.plp, { email, channels: ['sms', 'email'] });
    const { enrolment, code, emailCode } = await enrol(h, input);
    await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps);
    // The e-mail is confirmed while the enrolment waits for approval: it is told too.
    expect(await confirmEnrolment(enrolment.enrolmentId, { code: emailCode! }, newClient(), h.deps)).toEqual({
      status: 'pending_approval',
      contacts: { phone: 'confirmed', email: 'confirmed' },
    });
    h.clear();

    expect(
      await decideEnrolment(
        enrolment.enrolmentId,
        { decision: 'rejected', note: 'outside the street list' },
        approval.coordinator,
        h.deps,
      ),
    ).toEqual({ enrolmentId: enrolment.enrolmentId, status: 'rejected' });

    expect(h.sms).toEqual([{ to: input.phone, body: expect.stringContaining('non acceptée') }]);
    expect(h.emails).toEqual([expect.objectContaining({ to: email })]);
    expect(h.eventsOf('MemberActivated')).toEqual([]);

    const raw = await storedEnrolment(enrolment.enrolmentId);
    expect(raw).toMatchObject({ status: 'rejected', decidedBy: `sub:${approval.coordinator.sub}` });
    for (const field of ['name', 'address', 'phone', 'email', 'codes']) expect(raw).not.toHaveProperty(field);
    const json = JSON.stringify(raw);
    for (const personal of [input.phone!, email, input.name]) expect(json).not.toContain(personal);
    expect(await store.memberIdByContact(contactHash(input.phone!, PEPPER))).toBeUndefined();
  });
});

describe('members', () => {
  it('makes one member of the same phone enrolling in a second PLP', async () => {
    const h = harness();
    const { plp: second } = await newPlp();
    const phone = newPhone();
    const first = await enrolAsMember(h, enrolmentInput(open.plp, { phone }));
    h.advance(MINUTE_MS);
    const { enrolment, code } = await enrol(h, enrolmentInput(second, { phone }));
    await confirmEnrolment(enrolment.enrolmentId, { code }, newClient(), h.deps);

    const activations = h.eventsOf('MemberActivated');
    expect(activations.map((a) => a.memberId)).toEqual([first.memberId, first.memberId]);
    const me = await getMe(first.token, h.deps);
    expect(me.plps.map((p) => p.id).sort()).toEqual([open.plp.plpId, second.plpId].sort());
    expect(me.memberId).toBe(first.memberId);
  });

  it("joins the phone's member when the e-mail belongs to someone else, leaving that e-mail to them", async () => {
    const h = harness();
    const phone = newPhone();
    const email = newEmail();
    const a = await enrolAsMember(h, enrolmentInput(open.plp, { phone }));
    h.clear(); // enrolAsMember reads the first link the harness recorded
    const b = await enrolAsMember(h, enrolmentInput(open.plp, { phone: undefined, email, channels: ['email'] }));
    const { plp: second } = await newPlp();

    await enrolAsMember(h, enrolmentInput(second, { phone, email, channels: ['sms', 'email'] }));

    const meA = await getMe(a.token, h.deps);
    expect(meA.plps.map((p) => p.id).sort()).toEqual([open.plp.plpId, second.plpId].sort());
    expect(meA).toMatchObject({ phone, channels: ['sms'] });
    expect(meA.email).toBeUndefined();
    expect(await getMe(b.token, h.deps)).toMatchObject({ email, plps: [{ id: open.plp.plpId }] });
    expect(await store.memberIdByContact(contactHash(email, PEPPER))).toBe(b.memberId);
  });

  it('a contact change is dropped after five wrong codes, and refused once expired', async () => {
    const h = harness();
    const { token } = await enrolAsMember(h, enrolmentInput(open.plp));
    const change = () => requestContactChange(token, { phone: newPhone() }, newClient(), h.deps);

    await change();
    const code = codeIn(h.sms.at(-1)!.body);
    const wrong = wrongCode(code);
    for (let i = 0; i < 5; i++)
      await expect(confirmContactChange(token, wrong, h.deps)).rejects.toThrow(ValidationError);
    await expect(confirmContactChange(token, code, h.deps)).rejects.toThrow(ConflictError);

    await change();
    const second = codeIn(h.sms.at(-1)!.body);
    h.advance(16 * MINUTE_MS);
    await expect(confirmContactChange(token, second, h.deps)).rejects.toThrow(/expired/);
  });

  it('requestMemberLink only queues the contact: the same work and answer for a member and a stranger', async () => {
    const h = harness();
    const sent: { contact: string }[] = [];
    const deps = {
      ...h.deps,
      memberLinks: { send: async (r: readonly { contact: string }[]) => void sent.push(...r) },
    };
    await expect(requestMemberLink('anyone@example.be', newClient(), deps)).resolves.toBeUndefined();
    expect(sent).toEqual([{ contact: 'anyone@example.be' }]);
    expect(h.sms).toEqual([]);
    expect(h.emails).toEqual([]);
  });

  it('requestMemberLink for an unknown contact sends nothing and returns normally', async () => {
    const h = harness();
    await expect(requestMemberLink(newEmail(), newClient(), h.deps)).resolves.toBeUndefined();
    await expect(requestMemberLink(newPhone(), newClient(), h.deps)).resolves.toBeUndefined();
    expect(h.sms).toEqual([]);
    expect(h.emails).toEqual([]);
  });

  it('sends both of two links asked for at once (the loser of the race reads the member again)', async () => {
    const h = harness();
    const email = newEmail();
    await enrolAsMember(h, enrolmentInput(open.plp, { email, channels: ['sms', 'email'] }));
    h.clear();
    await Promise.all([deliverMemberLink({ contact: email }, h.deps), deliverMemberLink({ contact: email }, h.deps)]);
    expect(h.emails).toHaveLength(2);
    expect(new Set(h.emails.map((m) => tokenIn(m.text))).size).toBe(2);
  });

  it("requestMemberLink sends a new link to the member's e-mail only; the old link keeps working", async () => {
    const h = harness();
    const email = newEmail();
    const { memberId, token: oldToken } = await enrolAsMember(
      h,
      enrolmentInput(open.plp, { email, channels: ['sms', 'email'] }),
    );
    h.clear();

    await requestMemberLink(email.toUpperCase(), newClient(), h.deps);

    expect(h.sms).toEqual([]);
    expect(h.emails).toHaveLength(1);
    expect(h.emails[0]!.to).toBe(email);
    const newToken = tokenIn(h.emails[0]!.text);
    expect(newToken).not.toBe(oldToken);
    expect((await getMe(newToken, h.deps)).memberId).toBe(memberId);
    expect((await getMe(oldToken, h.deps)).memberId).toBe(memberId);
  });

  it('updateMe refuses the SMS channel for a member without a phone number', async () => {
    const h = harness();
    const { phone: _phone, ...input } = enrolmentInput(open.plp, { email: newEmail(), channels: ['email'] });
    const { token } = await enrolAsMember(h, input);

    await expect(updateMe(token, { channels: ['sms'] }, h.deps)).rejects.toThrow(ValidationError);
    expect((await getMe(token, h.deps)).channels).toEqual(['email']);
    expect(await updateMe(token, { language: 'nl' }, h.deps)).toMatchObject({ language: 'nl', channels: ['email'] });
  });

  it('getMe refuses an unknown token', async () => {
    const h = harness();
    await expect(getMe('not-a-token', h.deps)).rejects.toThrow(UnauthorizedError);
  });

  it('exportMe gives the member and memberships without token hashes', async () => {
    const h = harness();
    const input = enrolmentInput(open.plp);
    const { token, memberId } = await enrolAsMember(h, input);
    const exported = await exportMe(token, { ...h.deps, reports: fakeReportStore() });
    expect(exported.member).toMatchObject({ memberId, name: input.name, phone: input.phone, activeMemberLinks: 1 });
    expect(exported.member).not.toHaveProperty('tokenHashes');
    expect(exported.memberships).toEqual([
      expect.objectContaining({ plpId: open.plp.plpId, plpName: open.plp.name, address: input.address }),
    ]);
  });

  it("lists a PLP's members to its coordinator without contacts, and to nobody else", async () => {
    const h = harness();
    const target = await newPlp();
    const inputs = [enrolmentInput(target.plp), enrolmentInput(target.plp), enrolmentInput(target.plp)];
    for (const input of inputs) await enrolAsMember(h, input);

    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMembersForCoordinator(
        target.coordinator,
        { plpId: target.plp.plpId, limit: 2, cursor },
        h.deps,
      );
      names.push(...page.items.map((m) => m.name));
      expect(JSON.stringify(page.items)).not.toMatch(/\+32|@/);
      cursor = page.cursor;
    } while (cursor);
    expect(names.sort()).toEqual(inputs.map((i) => i.name).sort());

    await expect(
      listMembersForCoordinator(other.coordinator, { plpId: target.plp.plpId, limit: 10 }, h.deps),
    ).rejects.toThrow(NotFoundError);
  });

  it('eraseMe removes every trace of the person and publishes MemberLeft per PLP', async () => {
    const h = harness();
    const { plp: second } = await newPlp();
    const phone = newPhone();
    const email = newEmail();
    const name = `Erase Me ${run}`;
    const street = `Rue Effacée ${run}`;
    const address = { street, number: '9', postcode: POSTCODE };
    const { token, memberId } = await enrolAsMember(
      h,
      enrolmentInput(open.plp, { phone, email, name, address, channels: ['sms', 'email'] }),
    );
    await enrolAsMember(h, enrolmentInput(second, { phone, email, name, address, channels: ['sms'] }));
    expect((await getMe(token, h.deps)).plps).toHaveLength(2);
    const holding = async () =>
      stores
        .records()
        .map((record) => JSON.stringify(record))
        .filter((json) => [phone, email, name, street].some((personal) => json.includes(personal)));
    expect((await holding()).length).toBeGreaterThan(0); // the member and memberships, before erasure

    await eraseMe(token, { ...h.deps, reports: fakeReportStore() });

    await expect(getMe(token, h.deps)).rejects.toThrow(UnauthorizedError);
    expect(h.eventsOf('MemberLeft')).toEqual(
      expect.arrayContaining([
        { memberId, plpId: open.plp.plpId, reason: 'erased' },
        { memberId, plpId: second.plpId, reason: 'erased' },
      ]),
    );
    expect(h.eventsOf('MemberLeft')).toHaveLength(2);
    expect(await holding()).toEqual([]);
    expect(await store.memberIdByContact(contactHash(phone, PEPPER))).toBeUndefined();
    expect(await store.memberIdByContact(contactHash(email, PEPPER))).toBeUndefined();
  });
});

describe('handleInboundSms', () => {
  const inbound = (h: Harness, from: string, body: string, messageId = `in-${next()}-${run}`) =>
    handleInboundSms({ from, body, messageId }, h.deps);

  it('STOP from a member with SMS and e-mail removes the SMS channel only', async () => {
    const h = harness();
    const phone = newPhone();
    const { token } = await enrolAsMember(
      h,
      enrolmentInput(open.plp, { phone, email: newEmail(), channels: ['sms', 'email'] }),
    );
    h.clear();

    await inbound(h, phone, 'STOP');

    const me = await getMe(token, h.deps);
    expect(me).toMatchObject({
      channels: ['email'],
      status: 'active',
      plps: [{ id: open.plp.plpId, name: open.plp.name }],
    });
    expect(h.sms).toEqual([{ to: phone, body: smsText(smsStoppedMessage, 'fr', { manageUrl: `${BASE_URL}/me` }) }]);
    expect(h.eventsOf('MemberLeft')).toEqual([]);
  });

  it('STOP from an SMS-only member leaves every PLP, replying in the member language', async () => {
    const h = harness();
    const { plp: second } = await newPlp();
    const phone = newPhone();
    const { token, memberId } = await enrolAsMember(h, enrolmentInput(open.plp, { phone, language: 'nl' }));
    await enrolAsMember(h, enrolmentInput(second, { phone, language: 'nl' }));
    h.clear();

    await inbound(h, phone, 'stop');

    const me = await getMe(token, h.deps);
    expect(me).toMatchObject({ status: 'left', channels: [], plps: [] });
    expect(h.eventsOf('MemberLeft')).toEqual(
      expect.arrayContaining([
        { memberId, plpId: open.plp.plpId, reason: 'sms_stop' },
        { memberId, plpId: second.plpId, reason: 'sms_stop' },
      ]),
    );
    expect(h.eventsOf('MemberLeft')).toHaveLength(2);
    expect(h.sms).toHaveLength(1);
    expect(h.sms[0]!.to).toBe(phone);
    expect(h.sms[0]!.body).toMatch(/^U hebt .* verlaten\./);
    expect((await store.membershipsOf(open.plp.plpId, 100)).items.map((m) => m.memberId)).not.toContain(memberId);
  });

  it('handles the same inbound message id once', async () => {
    const h = harness();
    const phone = newPhone();
    await enrolAsMember(h, enrolmentInput(open.plp, { phone }));
    h.clear();
    const messageId = `dup-${run}`;

    await inbound(h, phone, 'HELP', messageId);
    await inbound(h, phone, 'HELP', messageId);
    expect(h.sms).toHaveLength(1);

    await inbound(h, phone, 'HELP'); // a new message from a member is answered again
    expect(h.sms).toHaveLength(2);
  });

  it('JOIN <code> from an unknown number starts an SMS enrolment completed with name and address', async () => {
    const h = harness();
    const phone = newPhone();

    await inbound(h, phone, `join ${open.plp.code.toLowerCase()}`);

    expect(h.sms).toHaveLength(1);
    const reply = h.sms[0]!;
    expect(reply.to).toBe(phone);
    const enrolmentId = /\/join#enrolment=([0-9A-Z]+)/.exec(reply.body)?.[1];
    expect(enrolmentId).toBeDefined();
    expect(reply.body).toContain(`${BASE_URL}/join#enrolment=${enrolmentId}`);
    const code = codeIn(reply.body);
    expect(h.eventsOf('EnrolmentRequested')).toEqual([
      { enrolmentId, plpId: open.plp.plpId, via: 'sms', channels: ['sms'], codeChannel: 'sms' },
    ]);

    await expect(confirmEnrolment(enrolmentId!, { code }, newClient(), h.deps)).rejects.toThrow(ValidationError);
    const name = `Sms Resident ${run}`;
    const address = { street: 'Rue de la Gare', number: '3', postcode: POSTCODE };
    expect(await confirmEnrolment(enrolmentId!, { code, name, address }, newClient(), h.deps)).toEqual({
      status: 'active',
      contacts: { phone: 'confirmed' },
    });
    const [activated] = h.eventsOf('MemberActivated');
    const found = await store.getMember(String(activated!.memberId));
    expect(found?.member).toMatchObject({ name, phone, channels: ['sms'], language: 'en' });
    expect(found?.memberships).toEqual([expect.objectContaining({ plpId: open.plp.plpId, address })]);
  });

  it('after STOP no code goes to the number, until the member turns SMS on again on their page', async () => {
    const h = harness();
    const phone = newPhone();
    const { token } = await enrolAsMember(
      h,
      enrolmentInput(open.plp, { phone, email: newEmail(), channels: ['sms', 'email'] }),
    );
    await inbound(h, phone, 'ARRET');
    h.clear();
    // The answer does not tell that the number opted out: accepted like any other, and nothing is texted.
    const silent = await requestEnrolment(enrolmentInput(open.plp, { phone }), newClient(), h.deps);
    expect(silent.status).toBe('pending_confirmation');
    expect(h.sms).toEqual([]);

    await updateMe(token, { channels: ['sms', 'email'] }, h.deps);
    await requestEnrolment(enrolmentInput(open.plp, { phone }), newClient(), h.deps);
    expect(h.sms.map((m) => m.to)).toEqual([phone]);
  });

  it('answers HULP with the Dutch help', async () => {
    const h = harness();
    const phone = newPhone();
    await inbound(h, phone, 'HULP');
    expect(h.sms).toEqual([{ to: phone, body: smsText(helpMessage, 'nl', { manageUrl: `${BASE_URL}/me` }) }]);
    expect(h.sms[0]!.body).toContain('AANMELDEN');
  });

  it('ignores numbers outside the allow-list: no enrolment, no reply', async () => {
    const h = harness();
    await inbound(h, '+33612345678', `JOIN ${open.plp.code}`);
    await inbound(h, '+4915123456789', 'HILFE');
    expect(h.sms).toEqual([]);
    expect(h.events).toEqual([]);
  });

  it('texts nothing to a Belgian landline or premium number, as the web form refuses them for SMS', async () => {
    const h = harness();
    await inbound(h, '+3225551234', `JOIN ${open.plp.code}`);
    await inbound(h, '+3290312345', `JOIN ${open.plp.code}`);
    await inbound(h, '+3225551234', 'HELP');
    expect(h.sms).toEqual([]);
    expect(h.events).toEqual([]);
  });

  it('handles a message again when the first attempt failed (the provider retries)', async () => {
    const h = harness();
    const phone = newPhone();
    const messageId = `retry-${run}`;
    const send = h.deps.sms.send;
    h.deps.sms.send = async () => {
      throw new Error('provider throttled');
    };
    await expect(inbound(h, phone, 'AIDE', messageId)).rejects.toThrow('provider throttled');
    h.deps.sms.send = send;
    await inbound(h, phone, 'AIDE', messageId);
    expect(h.sms).toEqual([{ to: phone, body: smsText(helpMessage, 'fr', { manageUrl: `${BASE_URL}/me` }) }]);
  });

  it('after STOP, a member link asked for by phone sends no SMS', async () => {
    const h = harness();
    const phone = newPhone();
    await enrolAsMember(h, enrolmentInput(open.plp, { phone, email: newEmail(), channels: ['sms', 'email'] }));
    await inbound(h, phone, 'STOP');
    h.clear();
    await requestMemberLink(phone, newClient(), h.deps);
    expect(h.sms).toEqual([]);
  });

  it('gives an unknown number the help text once a day only, in the language of its text', async () => {
    const h = harness();
    const phone = newPhone();
    await inbound(h, phone, 'hello, is this the police?');
    await inbound(h, phone, 'anyone there?');
    expect(h.sms).toEqual([{ to: phone, body: smsText(helpMessage, 'en', { manageUrl: `${BASE_URL}/me` }) }]);
    const dutch = newPhone();
    await inbound(h, dutch, 'Goedendag, ik wil mij graag aanmelden voor de buurt');
    expect(h.sms.at(-1)).toEqual({ to: dutch, body: smsText(helpMessage, 'nl', { manageUrl: `${BASE_URL}/me` }) });
  });

  it('answers a text whose language does not tell in each official language of the deployment', async () => {
    const h = harness();
    const phone = newPhone();
    await inbound(h, phone, '???');
    const vars = { manageUrl: `${BASE_URL}/me` };
    expect(h.sms).toEqual([
      { to: phone, body: smsText(helpMessage, 'fr', vars) },
      { to: phone, body: smsText(helpMessage, 'nl', vars) },
    ]);
  });

  it('tells JOIN with an unknown PLP code that the code is unknown and where to find it, in the keyword language', async () => {
    const h = harness();
    const phone = newPhone();
    await inbound(h, phone, 'aanmelden NO-SUCH-PLP');
    expect(h.sms).toEqual([
      {
        to: phone,
        body: smsText(unknownPlpCodeMessage, 'nl', { plpCode: 'NO-SUCH-PLP', findUrl: BASE_URL }),
      },
    ]);
    expect(h.sms[0]!.body).toContain('NO-SUCH-PLP');
    expect(h.eventsOf('EnrolmentRequested')).toEqual([]);
  });

  it('confirms STOP to a number that belongs to no member, in the keyword language, and records the opt-out', async () => {
    const h = harness();
    const phone = newPhone();
    await inbound(h, phone, 'Arrêt');
    expect(h.sms).toEqual([{ to: phone, body: smsText(smsOptedOutMessage, 'fr', {}) }]);
    await inbound(h, phone, 'ARRET'); // once a day for a stranger
    expect(h.sms).toHaveLength(1);
    await requestEnrolment(enrolmentInput(open.plp, { phone }), newClient(), h.deps);
    expect(h.sms).toHaveLength(1); // no code to a number that said STOP
  });
});

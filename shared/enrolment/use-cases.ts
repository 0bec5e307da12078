import { ulid } from 'ulid';
import { EnrolmentConfirmed, EnrolmentRequested, MemberActivated } from '../../events/enrolment/enrolment-events.ts';
import type { Caller } from '../directory/caller.ts';
import type { Plp } from '../directory/model.ts';
import { assertGroup, loadScope, plpIdsFor } from '../directory/scope.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Language } from '../i18n/languages.ts';
import { awaitingApprovalMessage } from '../i18n/messages/awaiting-approval.ts';
import { codeMessage } from '../i18n/messages/code.ts';
import { rejectedMessage } from '../i18n/messages/rejected.ts';
import { principalId } from '../directory/identity.ts';
import { notFoundProblem, requiredField } from '../i18n/problems.ts';
import { codeExpired, hashSecret, judgeCountedAttempt, MAX_CODE_ATTEMPTS, newCode } from './codes.ts';
import {
  contactHash,
  contactHashesOf,
  type Needs,
  joinFormUrl,
  limitClient,
  limitContact,
  limitKeyOf,
  notify,
  type Recipient,
  refundContact,
  smsOptOut,
} from './context.ts';
import type { EnrolmentInput } from './contact-input.ts';
import {
  alreadyConfirmedProblem,
  codeExpiredChangeProblem,
  codeExpiredEnrolmentProblem,
  codeExpiredField,
  codeLockedProblem,
  codePendingProblem,
  codeWrongField,
  codeWrongProblem,
  detailsRequiredProblem,
  enrolmentDecidedProblem,
  lastAttemptChangeProblem,
  lastAttemptEnrolmentProblem,
  notMobileField,
  notMobileProblem,
  plpNotEnrollingField,
  plpNotEnrollingProblem,
} from './problems.ts';
import { type Channel, CONSENT_TEXT_VERSION, type ConfirmInput, type DecisionInput } from './model.ts';
import { canReceiveSms, parsePhone } from './phone.ts';
import type { ContactKind, Enrolment, Member, Membership } from './ports.ts';
import { type Address, assertInZone } from './zone.ts';

/** The enrolment fields that identify a person; dropped from the enrolment once it is decided. */
const PERSONAL = ['name', 'address', 'phone', 'email', 'codes'] as const;
const withoutPersonalData = (e: Enrolment): Enrolment => {
  const copy = { ...e };
  for (const f of PERSONAL) delete copy[f];
  return copy;
};

/** A launched PLP, or 400 on the plpId field (a PLP in preparation is not revealed). */
async function launchedPlp(plpId: string, d: Needs<'directory'>): Promise<Plp> {
  const plp = await d.directory.getPlp(plpId);
  if (!plp || plp.status !== 'launched')
    throw new ValidationError(plpNotEnrollingProblem, [{ path: 'plpId', kind: plpNotEnrollingField }]);
  return plp;
}

/**
 * A resident asks to join a launched PLP from the web form. The address must lie in the zone; the phone
 * is normalised to E.164 (allowed countries only). A 6-digit code goes by SMS when there is a phone,
 * else by e-mail; sends are limited per contact and per client address.
 */
export async function requestEnrolment(
  input: EnrolmentInput,
  client: { sourceIp: string },
  d: Needs<
    | 'allowedCountries'
    | 'clientLimits'
    | 'directory'
    | 'email'
    | 'enrolments'
    | 'limits'
    | 'newId'
    | 'now'
    | 'once'
    | 'pepper'
    | 'publicBaseUrl'
    | 'publish'
    | 'sms'
  >,
): Promise<Enrolment> {
  await limitClient(client.sourceIp, d);
  const plp = await launchedPlp(input.plpId, d);
  const phone = input.phone === undefined ? undefined : parsePhone(input.phone, d.allowedCountries);
  const mobile = phone !== undefined && canReceiveSms(phone);
  // A landline: neither the sms channel nor the code; the code goes to the e-mail the schema then requires.
  if (phone !== undefined && !mobile && input.channels.includes('sms'))
    throw new ValidationError(notMobileProblem, [{ path: 'phone', kind: notMobileField }]);
  // A number that texted STOP is treated as the provider treats it: nothing is texted to it, and the answer
  // is the same as for any number (whether a number opted out is its holder's business). The code goes by
  // e-mail when one is given; otherwise texting JOIN from the number, which lifts the opt-out, starts over.
  const optedOut = mobile && (await smsOptOut.has(phone, d));
  assertInZone(input.address, plp);
  const at = d.now();
  return startEnrolment(
    {
      plp,
      via: 'web',
      name: input.name,
      address: input.address,
      phone,
      email: input.email,
      codeChannel: mobile && !(optedOut && input.email !== undefined) ? 'sms' : 'email',
      silent: optedOut && input.email === undefined,
      language: input.language,
      channels: input.channels,
      at,
    },
    d,
  );
}

type Start = {
  plp: Plp;
  via: 'web' | 'sms';
  name?: string;
  address?: Address;
  phone?: string;
  email?: string;
  language: Language;
  channels: Enrolment['channels'];
  codeChannel: 'sms' | 'email';
  /** The code's number opted out (STOP): nothing is sent, and nothing counts against its limit. */
  silent?: boolean;
  at: Date;
};

/**
 * Who holds the guard of this PLP and contact. A double submit (the same details) gets the enrolment
 * already waiting for its code; a different request for that contact meanwhile → 409, except JOIN texted
 * from the number itself; an enrolment that has moved on (confirmed, rejected, locked) leaves its guard to
 * the next one.
 */
async function guardHolder(
  guardHash: string,
  s: Start,
  d: Needs<'enrolments'>,
): Promise<{ twin: Enrolment } | { replaces?: string }> {
  const id = await d.enrolments.pendingEnrolmentFor(guardHash, s.at);
  const held = id ? await d.enrolments.getEnrolment(id) : undefined;
  if (!held) return {};
  if (held.status !== 'pending_confirmation') return { replaces: held.enrolmentId };
  const same =
    held.via === s.via &&
    held.name === s.name &&
    held.phone === s.phone &&
    held.email === s.email &&
    held.language === s.language &&
    held.channels.join() === s.channels.join() &&
    held.address?.street === s.address?.street &&
    held.address?.number === s.address?.number &&
    held.address?.postcode === s.address?.postcode;
  if (same) return { twin: held };
  // JOIN texted from the number itself outweighs a pending enrolment of it made by anyone else on the web.
  if (s.via === 'sms') return { replaces: held.enrolmentId };
  throw new ConflictError(codePendingProblem);
}

/**
 * Stores a new enrolment and sends each contact given its own code (API.md, "Contacts"): the phone's by
 * SMS, the e-mail's by e-mail. If the code of the contact that moves the enrolment on cannot be sent, the
 * enrolment is undone (nothing personal kept) and no send counts against the resident; an e-mail beside a
 * phone whose code cannot be sent is dropped from the enrolment (it can be added later from the member page).
 */
async function startEnrolment(
  s: Start,
  d: Needs<'email' | 'enrolments' | 'limits' | 'newId' | 'now' | 'pepper' | 'publicBaseUrl' | 'publish' | 'sms'>,
): Promise<Enrolment> {
  const { codeChannel } = s;
  const pepper = await d.pepper();
  const primary: ContactKind = codeChannel === 'sms' ? 'phone' : 'email';
  // One enrolment per PLP and contact while its code is valid: a double submit gets the first one back and
  // nothing is sent twice; other details for the same contact wait until that code is used or expires.
  const codeContact = (primary === 'phone' ? s.phone : s.email) as string;
  const guardHash = hashSecret(`pending-enrolment:${s.plp.plpId}:${limitKeyOf(codeContact)}`, pepper);
  const guard = await guardHolder(guardHash, s, d);
  if ('twin' in guard) return guard.twin;
  // The contacts that get a code: the primary one, and an e-mail given beside a phone. A silent enrolment
  // (the number opted out, no e-mail) sends nothing and keeps nothing personal: its code is never sent.
  const confirming: ContactKind[] = s.silent
    ? []
    : primary === 'phone' && s.email !== undefined
      ? ['phone', 'email']
      : [primary];
  const contactOf = (kind: ContactKind) => (kind === 'phone' ? s.phone : s.email) as string;
  const counted = await countSends(confirming.map(contactOf), d);
  const fresh = Object.fromEntries(
    (s.silent ? [primary] : confirming).map((kind) => [kind, newCode(pepper, s.at)] as const),
  ) as Partial<Record<ContactKind, ReturnType<typeof newCode>>>;
  const createdAt = s.at.toISOString();
  const personal = s.silent
    ? {}
    : {
        ...(s.name !== undefined ? { name: s.name } : {}),
        ...(s.address !== undefined ? { address: s.address } : {}),
        ...(s.phone !== undefined ? { phone: s.phone } : {}),
        ...(s.email !== undefined ? { email: s.email } : {}),
      };
  const enrolment: Enrolment = {
    enrolmentId: (d.newId ?? ulid)(),
    plpId: s.plp.plpId,
    via: s.via,
    status: 'pending_confirmation',
    language: s.language,
    channels: s.channels,
    consent: { textVersion: CONSENT_TEXT_VERSION, at: createdAt, via: s.via },
    ...personal,
    primary,
    codes: Object.fromEntries(
      Object.entries(fresh).map(([kind, c]) => [kind, { hash: c.stored.hash, expiresAt: c.stored.expiresAt }]),
    ),
    codeAttempts: 0,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  const until = new Date(fresh[primary]!.stored.expiresAt);
  try {
    // A silent enrolment sent no code: it holds no guard, so asking again once SMS is allowed sends one.
    await d.enrolments.createEnrolment(
      enrolment,
      s.silent ? undefined : { guardHash, until, replaces: guard.replaces },
    );
  } catch (error) {
    await counted.refundAll();
    // Another request for the same PLP and contact won the race: answer as for a double submit.
    const again = error instanceof ConflictError ? await guardHolder(guardHash, s, d) : undefined;
    if (again && 'twin' in again) return again.twin;
    throw error;
  }
  let stored = enrolment;
  for (const kind of confirming) {
    const vars = {
      plpName: s.plp.name,
      code: fresh[kind]!.code,
      ...(s.via === 'sms' ? { formUrl: joinFormUrl(d, enrolment.enrolmentId) } : {}),
    };
    const sent = await notify(enrolment, codeMessage, vars, d, [kind === 'phone' ? 'sms' : 'email']).then(
      () => true,
      async (error: unknown) => {
        await counted.refund(contactOf(kind));
        if (kind === primary) {
          await d.enrolments.discardEnrolment(enrolment.enrolmentId, guardHash);
          throw error;
        }
        return false;
      },
    );
    if (!sent) stored = await dropContact(stored, kind, d);
  }
  await d.publish(
    EnrolmentRequested,
    {
      enrolmentId: enrolment.enrolmentId,
      plpId: enrolment.plpId,
      via: s.via,
      channels: enrolment.channels,
      codeChannel,
    },
    { idempotencyKey: `enrolment-requested:${enrolment.enrolmentId}`, occurredAt: createdAt },
  );
  return stored;
}

/**
 * Counts one send to each contact under its limit (429 beyond, with nothing counted); each can be given
 * back when its message could not be sent.
 */
async function countSends(contacts: string[], d: Needs<'limits' | 'now' | 'pepper'>) {
  const counted = new Map<string, Date>();
  const refund = async (contact: string) => {
    const at = counted.get(contact);
    counted.delete(contact);
    if (at) await refundContact(contact, at, d);
  };
  const refundAll = async () => {
    for (const contact of [...counted.keys()]) await refund(contact);
  };
  try {
    for (const contact of contacts) counted.set(contact, await limitContact(contact, d));
  } catch (error) {
    await refundAll();
    throw error;
  }
  return { refund, refundAll };
}

/** The enrolment without one of its contacts and that contact's code (its code could not be sent). */
async function dropContact(e: Enrolment, kind: ContactKind, d: Needs<'enrolments' | 'now'>): Promise<Enrolment> {
  const { [kind]: _code, ...codes } = e.codes ?? {};
  const next: Enrolment = { ...e, codes, updatedAt: d.now().toISOString(), version: e.version + 1 };
  delete next[kind];
  await d.enrolments.updateEnrolment(next, e.version);
  return next;
}

/** A number texts JOIN <code>: an SMS enrolment; the code SMS also links to the form for name and address. */
export async function requestSmsEnrolment(
  phone: string,
  plp: Plp,
  language: Language,
  d: Needs<
    'email' | 'enrolments' | 'limits' | 'newId' | 'now' | 'once' | 'pepper' | 'publicBaseUrl' | 'publish' | 'sms'
  >,
) {
  await smsOptOut.clear(phone, d); // texting JOIN is asking for SMS again
  return startEnrolment({ plp, via: 'sms', phone, language, channels: ['sms'], codeChannel: 'sms', at: d.now() }, d);
}

/** Once the attempts are used every answer is codeLockedProblem, whatever the code: nothing tells a right guess apart. */
/** What a confirmation answers: the enrolment's status and where each contact given stands. */
export type ConfirmAnswer = {
  status: 'pending_confirmation' | 'pending_approval' | 'active';
  contacts: Partial<Record<ContactKind, 'confirmed' | 'pending'>>;
};

const contactsOf = (e: Pick<Enrolment, 'phone' | 'email' | 'confirmed' | 'codes'>): ConfirmAnswer['contacts'] =>
  Object.fromEntries(
    (['phone', 'email'] as const).flatMap((kind): [ContactKind, 'confirmed' | 'pending'][] =>
      e.confirmed?.[kind] ? [[kind, 'confirmed']] : e[kind] !== undefined && e.codes?.[kind] ? [[kind, 'pending']] : [],
    ),
  );

/**
 * The resident gives one of the codes sent (one per contact, API.md "Contacts"); it confirms that contact.
 * Wrong → 400; the MAX_CODE_ATTEMPTS-th wrong code, whichever contact it was meant for, locks the enrolment
 * and every later attempt → 409. The enrolment moves on when its primary contact is confirmed (an SMS
 * enrolment gives its name and address then): without approval the member is active at once, otherwise the
 * enrolment waits for the coordinator. The other contact can still be confirmed afterwards, also after
 * activation.
 */
export async function confirmEnrolment(
  enrolmentId: string,
  input: ConfirmInput,
  client: { sourceIp: string },
  d: Needs<
    'clientLimits' | 'directory' | 'enrolments' | 'limits' | 'members' | 'newId' | 'now' | 'once' | 'pepper' | 'publish'
  >,
): Promise<ConfirmAnswer> {
  await limitClient(client.sourceIp, d);
  const enrolment = await d.enrolments.getEnrolment(enrolmentId);
  if (!enrolment) throw new NotFoundError(notFoundProblem);
  if (enrolment.status === 'locked') throw new ConflictError(codeLockedProblem);
  if (enrolment.status === 'active') return confirmAfterActivation(enrolment, input.code, d);
  const waiting = Object.values(enrolment.codes ?? {});
  if (enrolment.status === 'rejected' || waiting.length === 0) throw new ConflictError(alreadyConfirmedProblem);
  const now = d.now();
  const at = now.toISOString();
  if (waiting.every((code) => codeExpired(code, now)))
    throw new ValidationError(codeExpiredEnrolmentProblem, [{ path: 'code', kind: codeExpiredField }]);
  const plp = await launchedPlp(enrolment.plpId, d);
  const moving = enrolment.status === 'pending_confirmation';
  // An SMS enrolment needs its name and address before anything is counted.
  const completed = moving ? completeDetails(enrolment, input, plp) : enrolment;

  const counted = await d.enrolments.countCodeAttempt(enrolmentId, MAX_CODE_ATTEMPTS);
  const attempt = judgeCountedAttempt(
    input.code,
    counted && { attempts: counted.codeAttempts, codes: counted.codes ?? {} },
    await d.pepper(),
    now,
  );
  if (attempt.outcome === 'locked') throw new ConflictError(codeLockedProblem);
  if (attempt.outcome === 'wrong') {
    if (attempt.locks && counted) {
      // An enrolment waiting for its code is locked; one waiting for approval only loses its other contact.
      const locked: Enrolment = moving
        ? { ...counted, status: 'locked', updatedAt: at, version: counted.version + 1 }
        : { ...withoutUnconfirmed(counted), updatedAt: at, version: counted.version + 1 };
      // A concurrent confirmation or lock changed it first: nothing left to lock.
      await d.enrolments.updateEnrolment(locked, counted.version).catch((error: unknown) => {
        if (!(error instanceof ConflictError)) throw error;
      });
    }
    throw new ValidationError(attempt.locks ? lastAttemptEnrolmentProblem : codeWrongProblem, [
      { path: 'code', kind: codeWrongField },
    ]);
  }

  const { [attempt.contact]: _used, ...codes } = counted?.codes ?? {};
  const confirmed: Enrolment = {
    ...completed,
    codeAttempts: counted?.codeAttempts ?? completed.codeAttempts,
    codes,
    confirmed: { ...completed.confirmed, [attempt.contact]: at },
    updatedAt: at,
    version: enrolment.version + 1,
  };
  if (!moving || attempt.contact !== enrolment.primary) {
    // The other contact first, or after the enrolment moved on: recorded, the enrolment stays where it is.
    const kept = moving ? { ...confirmed, ...withoutDetailsGivenNow(enrolment) } : confirmed;
    await d.enrolments.updateEnrolment(kept, enrolment.version);
    return { status: kept.status as ConfirmAnswer['status'], contacts: contactsOf(kept) };
  }
  const awaitsApproval = plp.requiresApproval;
  const confirmedEvent = () =>
    d.publish(
      EnrolmentConfirmed,
      { enrolmentId, plpId: plp.plpId, awaitsApproval },
      { idempotencyKey: `enrolment-confirmed:${enrolmentId}`, occurredAt: at },
    );
  if (awaitsApproval) {
    const waitingApproval: Enrolment = { ...confirmed, status: 'pending_approval' };
    await d.enrolments.updateEnrolment(waitingApproval, enrolment.version);
    await confirmedEvent();
    return { status: 'pending_approval', contacts: contactsOf(waitingApproval) };
  }
  await activate(confirmed, enrolment.version, plp, undefined, d);
  await confirmedEvent();
  return { status: 'active', contacts: contactsOf(confirmed) };
}

/** An SMS enrolment's name and address count only with the confirmation of its number. */
const withoutDetailsGivenNow = (before: Enrolment): Partial<Enrolment> => ({
  name: before.name,
  address: before.address,
});

/** The enrolment without the contacts still waiting for a code, nor their codes. */
function withoutUnconfirmed(e: Enrolment): Enrolment {
  const next: Enrolment = { ...e, codes: {} };
  for (const kind of ['phone', 'email'] as const) if (!e.confirmed?.[kind]) delete next[kind];
  return next;
}

/**
 * The e-mail given beside a phone, confirmed after the member was activated: its code waits on the member
 * (moved there at activation), and confirming it adds the address to the member, unless another member
 * holds it already.
 */
async function confirmAfterActivation(
  enrolment: Enrolment,
  code: string,
  d: Needs<'members' | 'now' | 'pepper'>,
): Promise<ConfirmAnswer> {
  const found = enrolment.memberId ? await d.members.getMember(enrolment.memberId) : undefined;
  const pending = found?.member.pendingContact;
  if (!found || pending?.enrolmentId !== enrolment.enrolmentId) throw new ConflictError(alreadyConfirmedProblem);
  const now = d.now();
  if (codeExpired(pending.code, now))
    throw new ValidationError(codeExpiredChangeProblem, [{ path: 'code', kind: codeExpiredField }]);
  const pepper = await d.pepper();
  const counted = await d.members.countContactCodeAttempt(found.member.memberId, MAX_CODE_ATTEMPTS);
  const waiting = counted?.pendingContact;
  const attempt = judgeCountedAttempt(
    code,
    waiting?.enrolmentId === enrolment.enrolmentId
      ? { attempts: waiting.code.attempts, codes: { email: waiting.code } }
      : undefined,
    pepper,
    now,
  );
  const member = counted ?? found.member;
  const { pendingContact: _pending, ...rest } = member;
  const base: Member = { ...rest, updatedAt: now.toISOString(), version: member.version + 1 };
  if (attempt.outcome === 'locked') throw new ConflictError(codeLockedProblem);
  if (attempt.outcome === 'wrong') {
    if (attempt.locks)
      await d.members.writeMember({ member: base, expectedVersion: member.version }).catch((error: unknown) => {
        if (!(error instanceof ConflictError)) throw error;
      });
    throw new ValidationError(attempt.locks ? lastAttemptChangeProblem : codeWrongProblem, [
      { path: 'code', kind: codeWrongField },
    ]);
  }
  const hash = contactHash(pending.value, pepper);
  const holder = await d.members.memberIdByContact(hash);
  const free = member.email === undefined && (holder === undefined || holder === member.memberId);
  const next: Member = free
    ? {
        ...base,
        email: pending.value,
        channels: enrolment.channels.includes('email')
          ? [...new Set([...base.channels, 'email' as const])]
          : base.channels,
      }
    : base;
  await d.members.writeMember({
    member: next,
    expectedVersion: member.version,
    ...(free ? { addContacts: [hash] } : {}),
  });
  return { status: 'active', contacts: { ...contactsOf(enrolment), email: 'confirmed' } };
}

/** Name and address: from the form for web enrolments, from the confirmation for SMS ones. */
function completeDetails(enrolment: Enrolment, input: ConfirmInput, plp: Plp): Enrolment {
  if (enrolment.name !== undefined && enrolment.address !== undefined) return enrolment;
  const missing = [
    ...(input.name === undefined ? [{ path: 'name', kind: requiredField }] : []),
    ...(input.address === undefined ? [{ path: 'address', kind: requiredField }] : []),
  ];
  if (input.name === undefined || input.address === undefined)
    throw new ValidationError(detailsRequiredProblem, missing);
  assertInZone(input.address, plp);
  return { ...enrolment, name: input.name, address: input.address };
}

/** The enrolment's contacts that were confirmed: the only ones matched, stored on a member or messaged. */
function confirmedContacts(e: Enrolment): { phone?: string; email?: string } {
  return {
    ...(e.phone !== undefined && e.confirmed?.phone ? { phone: e.phone } : {}),
    ...(e.email !== undefined && e.confirmed?.email ? { email: e.email } : {}),
  };
}

/** The wanted channels that have a contact; when none has, every channel that has one. */
function channelsReaching(wanted: readonly Channel[], contacts: { phone?: string; email?: string }): Channel[] {
  const reachable = (c: Channel) => (c === 'sms' ? contacts.phone : contacts.email) !== undefined;
  const chosen = wanted.filter(reachable);
  return chosen.length > 0 ? chosen : (['sms', 'email'] as const).filter(reachable);
}

/** The resident as a recipient: confirmed contacts only, on the channels chosen (else the one confirmed). */
function confirmedRecipient(e: Enrolment): Recipient {
  const contacts = confirmedContacts(e);
  const channels = channelsReaching(e.channels, contacts);
  return { language: e.language, channels, ...contacts };
}

/**
 * Makes the enrolment's person an active member of its PLP: a new member, or the existing member holding
 * the same confirmed phone or e-mail (one person may belong to several PLPs). Only confirmed contacts are
 * matched and stored; an e-mail still waiting for its code waits on the member (pendingContact) and its
 * code still confirms it. The enrolment keeps only ids and consent. MemberActivated then triggers the
 * welcome message with the member link.
 */
async function activate(
  enrolment: Enrolment,
  expectedVersion: number,
  plp: Plp,
  approvedBy: string | undefined,
  d: Needs<'members' | 'newId' | 'now' | 'pepper' | 'publish'>,
): Promise<void> {
  const pepper = await d.pepper();
  const contacts = confirmedContacts(enrolment);
  const owner = async (c: string | undefined) =>
    c === undefined ? undefined : d.members.memberIdByContact(contactHash(c, pepper));
  const [phoneOwner, emailOwner] = await Promise.all([owner(contacts.phone), owner(contacts.email)]);
  const existingId = phoneOwner ?? emailOwner;
  const existing = existingId ? await d.members.getMember(existingId) : undefined;
  // A contact held by another member stays theirs: this person is reached on the one that matched.
  const usable: Enrolment = { ...withoutPersonalData(enrolment), name: enrolment.name as string, ...contacts };
  if (emailOwner !== undefined && emailOwner !== existingId) delete usable.email;
  const now = d.now();
  const at = now.toISOString();
  const merged = mergeMember(existing?.member, usable, at, (d.newId ?? ulid)());
  const waitingEmail = enrolment.codes?.email;
  const member: Member =
    enrolment.email !== undefined &&
    !enrolment.confirmed?.email &&
    waitingEmail &&
    !codeExpired(waitingEmail, now) &&
    merged.email === undefined &&
    merged.pendingContact === undefined
      ? {
          ...merged,
          pendingContact: {
            channel: 'email',
            value: enrolment.email,
            code: { ...waitingEmail, attempts: enrolment.codeAttempts },
            enrolmentId: enrolment.enrolmentId,
          },
        }
      : merged;
  const membership: Membership = {
    memberId: member.memberId,
    plpId: plp.plpId,
    enrolmentId: enrolment.enrolmentId,
    address: enrolment.address as Address,
    consent: enrolment.consent,
    joinedAt: at,
    ...(approvedBy ? { approvedBy } : {}),
  };
  const next: Enrolment = {
    ...withoutPersonalData(enrolment),
    status: 'active',
    memberId: member.memberId,
    updatedAt: at,
    ...(approvedBy ? { decidedAt: at, decidedBy: approvedBy } : {}),
    version: expectedVersion + 1,
  };
  await d.members.writeMember({
    member,
    expectedVersion: existing ? existing.member.version : null,
    putMemberships: [membership],
    addContacts: contactHashesOf(member, pepper),
    enrolment: { next, expectedVersion },
  });
  await d.publish(
    MemberActivated,
    {
      memberId: member.memberId,
      plpId: plp.plpId,
      enrolmentId: enrolment.enrolmentId,
      language: member.language,
      channels: member.channels,
      ...(approvedBy ? { approvedBy } : {}),
    },
    { idempotencyKey: `member-activated:${enrolment.enrolmentId}`, occurredAt: at },
  );
}

/**
 * The member after an activation: a new one from the enrolment, or the existing one with the enrolment's
 * language and the union of channels. A contact the existing member lacks is added; one they already have
 * is kept (the enrolment matched on the other). Channels without a contact are dropped; a member keeps at
 * least the channel of a contact they have.
 */
export function mergeMember(existing: Member | undefined, e: Enrolment, at: string, newId: string): Member {
  const phone = existing?.phone ?? e.phone;
  const email = existing?.email ?? e.email;
  const channels = channelsReaching([...new Set([...(existing?.channels ?? []), ...e.channels])], { phone, email });
  const contacts = { ...(phone !== undefined ? { phone } : {}), ...(email !== undefined ? { email } : {}) };
  if (!existing) {
    return {
      memberId: newId,
      name: e.name as string,
      language: e.language,
      channels,
      ...contacts,
      status: 'active',
      tokenHashes: [],
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
  }
  return {
    ...existing,
    language: e.language,
    channels,
    ...contacts,
    status: 'active',
    updatedAt: at,
    version: existing.version + 1,
  };
}

const AWAITING_ONCE_SECONDS = 30 * 86_400;

/**
 * Consumer of EnrolmentConfirmed: when the enrolment waits for the coordinator, the resident is told so on the
 * contact they confirmed it with (SMS for a phone, e-mail otherwise), in their language, once.
 */
export async function noticeAwaitingApproval(
  data: { enrolmentId: string; awaitsApproval: boolean },
  d: Needs<'directory' | 'email' | 'enrolments' | 'now' | 'once' | 'sms' | 'smsBudget'>,
): Promise<void> {
  if (!data.awaitsApproval) return;
  const enrolment = await d.enrolments.getEnrolment(data.enrolmentId);
  if (enrolment?.status !== 'pending_approval') return; // decided meanwhile: the decision says it all
  const plp = await d.directory.getPlp(enrolment.plpId);
  const to = confirmedRecipient(enrolment);
  const channel: Channel = enrolment.primary === 'phone' ? 'sms' : 'email';
  if (!(await d.once.claimOnce('awaiting-approval', data.enrolmentId, AWAITING_ONCE_SECONDS, d.now()))) return;
  try {
    await notify(to, awaitingApprovalMessage, { plpName: plp?.name ?? 'PLP' }, d, {
      channels: [channel],
      budget: plp ?? { plpId: enrolment.plpId },
    });
  } catch (error) {
    await d.once.releaseOnce('awaiting-approval', data.enrolmentId);
    throw error;
  }
}

/** Enrolments awaiting the caller's decision, in the PLPs they coordinate (optionally one of them). */
export async function listEnrolmentsForCoordinator(
  caller: Caller,
  query: { status: 'pending_approval'; plpId?: string | undefined },
  d: Needs<'directory' | 'enrolments'>,
) {
  assertGroup(caller, 'coordinator');
  const mine = plpIdsFor(caller, await loadScope(caller, d.directory), 'coordinator');
  const plpIds = query.plpId === undefined ? mine : mine.filter((id) => id === query.plpId);
  const plps = new Map((await d.directory.getPlps(plpIds)).map((p) => [p.plpId, p]));
  const lists = await Promise.all(plpIds.map((id) => d.enrolments.enrolmentsOf(id, query.status)));
  return lists
    .flat()
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((e) => ({
      enrolmentId: e.enrolmentId,
      plpId: e.plpId,
      plpName: plps.get(e.plpId)?.name ?? '',
      status: e.status,
      name: e.name,
      address: e.address,
      language: e.language,
      channels: e.channels,
      via: e.via,
      confirmedAt: e.confirmedAt,
    }));
}

/**
 * The coordinator of the enrolment's PLP approves (activation, welcome) or rejects (contact data dropped,
 * the resident told). Another PLP's coordinator gets 404; a decided enrolment → 409.
 */
export async function decideEnrolment(
  enrolmentId: string,
  input: DecisionInput,
  caller: Caller,
  d: Needs<
    'directory' | 'email' | 'enrolments' | 'members' | 'newId' | 'now' | 'pepper' | 'publish' | 'sms' | 'smsBudget'
  >,
): Promise<{ enrolmentId: string; status: 'active' | 'rejected' }> {
  assertGroup(caller, 'coordinator');
  const [enrolment, scope] = await Promise.all([
    d.enrolments.getEnrolment(enrolmentId),
    loadScope(caller, d.directory),
  ]);
  if (!enrolment || !plpIdsFor(caller, scope, 'coordinator').includes(enrolment.plpId))
    throw new NotFoundError(notFoundProblem);
  if (enrolment.status !== 'pending_approval')
    throw new ConflictError(enrolmentDecidedProblem, { vars: { status: enrolment.status } });
  const plp = await d.directory.getPlp(enrolment.plpId);
  if (!plp) throw new NotFoundError(notFoundProblem);
  const by = principalId({ sub: caller.sub });
  if (input.decision === 'approved') {
    await activate(enrolment, enrolment.version, plp, by, d);
    return { enrolmentId, status: 'active' };
  }
  const at = d.now().toISOString();
  await d.enrolments.updateEnrolment(
    {
      ...withoutPersonalData(enrolment),
      status: 'rejected',
      decidedAt: at,
      decidedBy: by,
      ...(input.note ? { note: input.note } : {}),
      updatedAt: at,
      version: enrolment.version + 1,
    },
    enrolment.version,
  );
  await notify(confirmedRecipient(enrolment), rejectedMessage, { plpName: plp.name }, d, { budget: plp });
  return { enrolmentId, status: 'rejected' };
}

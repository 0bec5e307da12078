import { ulid } from 'ulid';
import { EnrolmentConfirmed, EnrolmentRequested, MemberActivated } from '../../events/enrolment/enrolment-events.ts';
import type { Caller } from '../directory/caller.ts';
import type { Plp } from '../directory/model.ts';
import { assertGroup, loadScope, plpIdsFor } from '../directory/scope.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Language } from '../i18n/languages.ts';
import { codeMessage } from '../i18n/messages/code.ts';
import { rejectedMessage } from '../i18n/messages/rejected.ts';
import { principalId } from '../directory/identity.ts';
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
  smsOptOut,
} from './context.ts';
import type { EnrolmentInput } from './contact-input.ts';
import { CONSENT_TEXT_VERSION, type ConfirmInput, type DecisionInput } from './model.ts';
import { canReceiveSms, parsePhone } from './phone.ts';
import type { Enrolment, Member, Membership } from './ports.ts';
import { type Address, assertInZone } from './zone.ts';

/** The enrolment fields that identify a person; dropped from the enrolment once it is decided. */
const PERSONAL = ['name', 'address', 'phone', 'email', 'code'] as const;
const withoutPersonalData = (e: Enrolment): Enrolment => {
  const copy = { ...e };
  for (const f of PERSONAL) delete copy[f];
  return copy;
};

/** A launched PLP, or 400 on the plpId field (a PLP in preparation is not revealed). */
async function launchedPlp(plpId: string, d: Needs<'directory'>): Promise<Plp> {
  const plp = await d.directory.getPlp(plpId);
  if (!plp || plp.status !== 'launched')
    throw new ValidationError('This PLP does not accept enrolments', [
      { path: 'plpId', message: 'no launched PLP with this id' },
    ]);
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
    throw new ValidationError('This number cannot receive SMS', [
      { path: 'phone', message: 'give a mobile number (04xx…) for SMS, or an e-mail address' },
    ]);
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
  throw new ConflictError(
    'A code was sent to this contact for this PLP a few minutes ago: enter it, or enrol again once it has expired (15 minutes)',
  );
}

/** Stores a new enrolment with a fresh code and sends the code (SMS when there is a phone). */
async function startEnrolment(
  s: Start,
  d: Needs<'email' | 'enrolments' | 'limits' | 'newId' | 'now' | 'pepper' | 'publicBaseUrl' | 'publish' | 'sms'>,
): Promise<Enrolment> {
  const { codeChannel } = s;
  const pepper = await d.pepper();
  // One enrolment per PLP and contact while its code is valid: a double submit gets the first one back and
  // nothing is sent twice; other details for the same contact wait until that code is used or expires.
  const codeContact = (codeChannel === 'sms' ? s.phone : s.email) as string;
  const guardHash = hashSecret(`pending-enrolment:${s.plp.plpId}:${limitKeyOf(codeContact)}`, pepper);
  const guard = await guardHolder(guardHash, s, d);
  if ('twin' in guard) return guard.twin;
  // Every contact that will get a message counts, the unconfirmed e-mail beside a phone too.
  const messaged = [codeChannel === 'sms' && !s.silent ? s.phone : undefined, s.email];
  for (const contact of messaged) if (contact !== undefined) await limitContact(contact, d);
  const { code, stored } = newCode(pepper, s.at);
  const createdAt = s.at.toISOString();
  const enrolment: Enrolment = {
    enrolmentId: (d.newId ?? ulid)(),
    plpId: s.plp.plpId,
    via: s.via,
    status: 'pending_confirmation',
    language: s.language,
    channels: s.channels,
    consent: { textVersion: CONSENT_TEXT_VERSION, at: createdAt, via: s.via },
    ...(s.name !== undefined ? { name: s.name } : {}),
    ...(s.address !== undefined ? { address: s.address } : {}),
    ...(s.phone !== undefined ? { phone: s.phone } : {}),
    ...(s.email !== undefined ? { email: s.email } : {}),
    code: stored,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  try {
    const until = new Date(stored.expiresAt);
    // A silent enrolment sent no code: it holds no guard, so asking again once SMS is allowed sends one.
    await d.enrolments.createEnrolment(
      enrolment,
      s.silent ? undefined : { guardHash, until, replaces: guard.replaces },
    );
  } catch (error) {
    // Another request for the same PLP and contact won the race: answer as for a double submit.
    const again = error instanceof ConflictError ? await guardHolder(guardHash, s, d) : undefined;
    if (again && 'twin' in again) return again.twin;
    throw error;
  }
  const vars = {
    plpName: s.plp.name,
    code,
    ...(s.via === 'sms' ? { formUrl: joinFormUrl(d, enrolment.enrolmentId) } : {}),
  };
  if (!s.silent) await notify(enrolment, codeMessage, vars, d, [codeChannel]);
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
  return enrolment;
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

/** The one answer once the attempts are used, whatever the code: nothing tells a right guess apart. */
const LOCKED = 'Too many wrong codes: this enrolment is locked. Enrol again.';

/**
 * The resident gives the code. Wrong → 400; the MAX_CODE_ATTEMPTS-th wrong code locks the enrolment and
 * every later attempt → 409. An SMS enrolment gives its name and address here. Without approval the
 * member is active at once; otherwise the enrolment waits for the coordinator.
 */
export async function confirmEnrolment(
  enrolmentId: string,
  input: ConfirmInput,
  client: { sourceIp: string },
  d: Needs<
    'clientLimits' | 'directory' | 'enrolments' | 'limits' | 'members' | 'newId' | 'now' | 'once' | 'pepper' | 'publish'
  >,
): Promise<{ status: 'pending_approval' | 'active' }> {
  await limitClient(client.sourceIp, d);
  const enrolment = await d.enrolments.getEnrolment(enrolmentId);
  if (!enrolment) throw new NotFoundError('Enrolment not found');
  if (enrolment.status === 'locked') throw new ConflictError(LOCKED);
  if (enrolment.status !== 'pending_confirmation' || !enrolment.code)
    throw new ConflictError('This enrolment is already confirmed');
  const plp = await launchedPlp(enrolment.plpId, d);
  const completed = completeDetails(enrolment, input, plp);

  const now = d.now();
  const at = now.toISOString();
  if (codeExpired(enrolment.code, now))
    throw new ValidationError('The code has expired; enrol again to receive a new one', [
      { path: 'code', message: 'expired' },
    ]);
  const counted = await d.enrolments.countCodeAttempt(enrolmentId, MAX_CODE_ATTEMPTS);
  const attempt = judgeCountedAttempt(input.code, counted?.code, await d.pepper());
  if (attempt.outcome === 'locked') throw new ConflictError(LOCKED);
  if (attempt.outcome === 'wrong') {
    if (attempt.locks && counted) {
      const locked: Enrolment = { ...counted, status: 'locked', updatedAt: at, version: counted.version + 1 };
      // A concurrent confirmation or lock changed it first: nothing left to lock.
      await d.enrolments.updateEnrolment(locked, counted.version).catch((error: unknown) => {
        if (!(error instanceof ConflictError)) throw error;
      });
    }
    throw new ValidationError(attempt.locks ? 'Wrong code; this enrolment is now locked. Enrol again.' : 'Wrong code', [
      { path: 'code', message: 'wrong code' },
    ]);
  }

  const { code: _code, ...rest } = completed;
  const confirmed: Enrolment = { ...rest, confirmedAt: at, updatedAt: at, version: enrolment.version + 1 };
  const awaitsApproval = plp.requiresApproval;
  const confirmedEvent = () =>
    d.publish(
      EnrolmentConfirmed,
      { enrolmentId, plpId: plp.plpId, awaitsApproval },
      { idempotencyKey: `enrolment-confirmed:${enrolmentId}`, occurredAt: at },
    );
  if (awaitsApproval) {
    await d.enrolments.updateEnrolment({ ...confirmed, status: 'pending_approval' }, enrolment.version);
    await confirmedEvent();
    return { status: 'pending_approval' };
  }
  await activate(confirmed, enrolment.version, plp, undefined, d);
  await confirmedEvent();
  return { status: 'active' };
}

/** Name and address: from the form for web enrolments, from the confirmation for SMS ones. */
function completeDetails(enrolment: Enrolment, input: ConfirmInput, plp: Plp): Enrolment {
  if (enrolment.name !== undefined && enrolment.address !== undefined) return enrolment;
  const missing = [
    ...(input.name === undefined ? [{ path: 'name', message: 'give your name' }] : []),
    ...(input.address === undefined ? [{ path: 'address', message: 'give your address' }] : []),
  ];
  if (input.name === undefined || input.address === undefined)
    throw new ValidationError('Complete your enrolment with your name and address', missing);
  assertInZone(input.address, plp);
  return { ...enrolment, name: input.name, address: input.address };
}

/**
 * Makes the enrolment's person an active member of its PLP: a new member, or the existing member holding
 * the same phone or e-mail (one person may belong to several PLPs). The enrolment keeps only ids and
 * consent. MemberActivated then triggers the welcome message with the member link.
 */
async function activate(
  enrolment: Enrolment,
  expectedVersion: number,
  plp: Plp,
  approvedBy: string | undefined,
  d: Needs<'members' | 'newId' | 'now' | 'pepper' | 'publish'>,
): Promise<void> {
  const pepper = await d.pepper();
  const owner = async (c: string | undefined) =>
    c === undefined ? undefined : d.members.memberIdByContact(contactHash(c, pepper));
  const [phoneOwner, emailOwner] = await Promise.all([owner(enrolment.phone), owner(enrolment.email)]);
  const existingId = phoneOwner ?? emailOwner;
  const existing = existingId ? await d.members.getMember(existingId) : undefined;
  // A contact held by another member stays theirs: this person is reached on the one that matched.
  const usable = { ...enrolment };
  if (emailOwner !== undefined && emailOwner !== existingId) delete usable.email;
  const at = d.now().toISOString();
  const member = mergeMember(existing?.member, usable, at, (d.newId ?? ulid)());
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
 * is kept (the enrolment matched on the other).
 */
export function mergeMember(existing: Member | undefined, e: Enrolment, at: string, newId: string): Member {
  if (!existing) {
    return {
      memberId: newId,
      name: e.name as string,
      language: e.language,
      channels: e.channels,
      ...(e.phone !== undefined ? { phone: e.phone } : {}),
      ...(e.email !== undefined ? { email: e.email } : {}),
      status: 'active',
      tokenHashes: [],
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
  }
  const phone = existing.phone ?? e.phone;
  const email = existing.email ?? e.email;
  const channels = [...new Set([...existing.channels, ...e.channels])].filter((c) =>
    c === 'sms' ? phone !== undefined : email !== undefined,
  );
  return {
    ...existing,
    language: e.language,
    channels,
    ...(phone !== undefined ? { phone } : {}),
    ...(email !== undefined ? { email } : {}),
    status: 'active',
    updatedAt: at,
    version: existing.version + 1,
  };
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
  d: Needs<'directory' | 'email' | 'enrolments' | 'members' | 'newId' | 'now' | 'pepper' | 'publish' | 'sms'>,
): Promise<{ enrolmentId: string; status: 'active' | 'rejected' }> {
  assertGroup(caller, 'coordinator');
  const [enrolment, scope] = await Promise.all([
    d.enrolments.getEnrolment(enrolmentId),
    loadScope(caller, d.directory),
  ]);
  if (!enrolment || !plpIdsFor(caller, scope, 'coordinator').includes(enrolment.plpId))
    throw new NotFoundError('Enrolment not found');
  if (enrolment.status !== 'pending_approval') throw new ConflictError(`This enrolment is ${enrolment.status}`);
  const plp = await d.directory.getPlp(enrolment.plpId);
  if (!plp) throw new NotFoundError('Enrolment not found');
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
  await notify(enrolment, rejectedMessage, { plpName: plp.name }, d);
  return { enrolmentId, status: 'rejected' };
}

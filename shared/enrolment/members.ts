import { MemberLeft } from '../../events/enrolment/enrolment-events.ts';
import type { Caller } from '../directory/caller.ts';
import { assertGroup, assertPlpRole, loadScope } from '../directory/scope.ts';
import { ConflictError, NotFoundError, RateLimitedError, UnauthorizedError, ValidationError } from '../errors.ts';
import { codeMessage } from '../i18n/messages/code.ts';
import { leftMessage } from '../i18n/messages/left.ts';
import { linkMessage } from '../i18n/messages/link.ts';
import { welcomeMessage } from '../i18n/messages/welcome.ts';
import { memberLinkInvalidProblem, validationProblem } from '../i18n/problems.ts';
import { codeExpired, hashSecret, judgeCountedAttempt, MAX_CODE_ATTEMPTS, newCode, newMemberToken } from './codes.ts';
import {
  contactHash,
  contactHashesOf,
  type Needs,
  limitClient,
  limitContact,
  manageUrl,
  memberUrl,
  notify,
  smsOptOut,
  smsRefusalFor,
} from './context.ts';
import type { ChangeContactInput } from './contact-input.ts';
import {
  type Channel,
  CONTACT_FIELD,
  EmailInput,
  type MeView,
  type UpdateMeInput,
  type UpdateMembershipInput,
} from './model.ts';
import { canReceiveSms, parsePhone } from './phone.ts';
import {
  codeExpiredChangeProblem,
  codeExpiredField,
  codeWrongField,
  codeWrongProblem,
  contactTakenProblem,
  contactUnchangedProblem,
  emailForEmailField,
  lastAttemptChangeProblem,
  noChangePendingProblem,
  notAMemberProblem,
  notMobileField,
  notMobileProblem,
  phoneForSmsField,
  smsStoppedField,
  smsStoppedProblem,
  unchangedField,
} from './problems.ts';
import type { ReportStore } from '../reports/ports.ts';
import type { Member, Membership } from './ports.ts';
import { type Address, assertInZone } from './zone.ts';

/** Member tokens kept per member: a new link does not cancel the last few (older ones stop working). */
export const MAX_MEMBER_TOKENS = 5;
const WELCOME_ONCE_SECONDS = 30 * 86_400;

/** A new member token: its hash joins the member's list (dropping the oldest beyond the maximum). */
async function issueToken(member: Member, d: Needs<'members' | 'now' | 'pepper'>): Promise<string> {
  const { token, hash } = newMemberToken(await d.pepper());
  const tokenHashes = [...member.tokenHashes, hash];
  const removeTokens = tokenHashes.splice(0, Math.max(0, tokenHashes.length - MAX_MEMBER_TOKENS));
  await d.members.writeMember({
    member: { ...member, tokenHashes, version: member.version + 1, updatedAt: d.now().toISOString() },
    expectedVersion: member.version,
    addTokens: [hash],
    removeTokens,
  });
  return token;
}

/**
 * Consumer of MemberActivated: the welcome message with a new personal member link, on every channel the
 * member chose, in their language. Each (enrolment, channel) is sent once, even if the event comes twice;
 * a failed send is released so the retry sends it.
 */
export async function sendWelcome(
  data: { memberId: string; plpId: string; enrolmentId: string },
  d: Needs<'directory' | 'email' | 'members' | 'now' | 'once' | 'pepper' | 'publicBaseUrl' | 'sms' | 'smsBudget'>,
): Promise<void> {
  const found = await d.members.getMember(data.memberId);
  if (!found || found.member.status !== 'active') return;
  const plp = await d.directory.getPlp(data.plpId);
  const channels: Channel[] = [];
  for (const channel of found.member.channels) {
    if (await d.once.claimOnce('welcome', `${data.enrolmentId}:${channel}`, WELCOME_ONCE_SECONDS, d.now()))
      channels.push(channel);
  }
  if (channels.length === 0) return;
  const release = (cs: Channel[]) =>
    Promise.all(cs.map((channel) => d.once.releaseOnce('welcome', `${data.enrolmentId}:${channel}`)));
  let token: string;
  try {
    token = await issueToken(found.member, d);
  } catch (error) {
    await release(channels);
    throw error;
  }
  const vars = { plpName: plp?.name ?? 'PLP', memberUrl: memberUrl(d, token), manageUrl: manageUrl(d) };
  // Each channel on its own: one that failed is released for the retry, one that went out is never sent again.
  // The SMS is charged to the PLP's budget; refused, the welcome goes by e-mail unless e-mail is a channel anyway.
  const budget = { budget: plp ?? { plpId: data.plpId }, emailFallback: !found.member.channels.includes('email') };
  const failed: { channel: Channel; error: unknown }[] = [];
  for (const channel of channels) {
    await notify(found.member, welcomeMessage, vars, d, { channels: [channel], ...budget }).catch((error: unknown) =>
      failed.push({ channel, error }),
    );
  }
  if (failed.length === 0) return;
  await release(failed.map((f) => f.channel));
  throw failed[0]!.error;
}

/** A phone number or an e-mail address as the member gave it, normalised; undefined when it is neither. */
function parseContact(contact: string, d: Needs<'allowedCountries'>): { value: string; channel: Channel } | undefined {
  if (contact.includes('@')) {
    // The rule every member's e-mail passed at enrolment: an address failing it belongs to no member.
    const email = EmailInput.safeParse(contact.trim());
    return email.success ? { value: email.data, channel: 'email' } : undefined;
  }
  try {
    return { value: parsePhone(contact, d.allowedCountries), channel: 'sms' };
  } catch {
    return undefined;
  }
}

/** A member link asked for: the contact as typed, checked by the worker. */
export type MemberLinkRequest = { contact: string };

/**
 * Someone asks for their personal link again. The answer (API.md: always 202) comes before any work that
 * depends on the contact: the request is queued, so members and strangers get the same answer in the same
 * time (no membership oracle), and a failing mail server cannot turn a member's request into a 500.
 */
export async function requestMemberLink(
  contact: string,
  client: { sourceIp: string },
  d: Needs<'clientLimits' | 'limits' | 'memberLinks' | 'now' | 'pepper'>,
) {
  await limitClient(client.sourceIp, d);
  await d.memberLinks.send([{ contact }]);
}

/**
 * The worker behind requestMemberLink: the link goes only to that contact, only if it belongs to a member
 * of a PLP, at most 3 an hour and 5 a day; a malformed, unknown or over-limit contact gets nothing.
 */
export async function deliverMemberLink(
  { contact }: MemberLinkRequest,
  d: Needs<'allowedCountries' | 'email' | 'limits' | 'members' | 'now' | 'pepper' | 'publicBaseUrl' | 'sms'>,
) {
  const parsed = parseContact(contact, d);
  if (!parsed) return;
  const { value, channel } = parsed;
  try {
    await limitContact(value, d);
  } catch (error) {
    if (error instanceof RateLimitedError) return;
    throw error;
  }
  const memberId = await d.members.memberIdByContact(contactHash(value, await d.pepper()));
  if (!memberId) return;
  // Two links asked for at once race on the member's version: the loser reads again, rather than failing
  // its message (whose retry would count against the contact's limit a second time).
  for (let attempt = 1; ; attempt++) {
    const found = await d.members.getMember(memberId);
    if (!found || found.memberships.length === 0) return;
    // A number that sent STOP gets no SMS, not even its link: the member asks by e-mail instead.
    if (channel === 'sms' && !found.member.channels.includes('sms')) return;
    let token: string;
    try {
      token = await issueToken(found.member, d);
    } catch (error) {
      if (error instanceof ConflictError && attempt < 5) continue;
      throw error;
    }
    return notify(
      { language: found.member.language, channels: [channel], [CONTACT_FIELD[channel]]: value },
      linkMessage,
      { memberUrl: memberUrl(d, token), manageUrl: manageUrl(d) },
      d,
    );
  }
}

/** The member whose token this is, or 401. */
export async function authenticateMember(token: string, d: Needs<'members' | 'pepper'>) {
  const memberId =
    token.length <= 128 ? await d.members.memberIdByToken(hashSecret(token, await d.pepper())) : undefined;
  const found = memberId ? await d.members.getMember(memberId) : undefined;
  if (!found) throw new UnauthorizedError(memberLinkInvalidProblem);
  return found;
}

async function view(member: Member, memberships: Membership[], d: Needs<'directory'>): Promise<MeView> {
  const plps = await d.directory.getPlps(memberships.map((m) => m.plpId));
  return {
    memberId: member.memberId,
    plps: plps.map((p) => ({ id: p.plpId, name: p.name })),
    name: member.name,
    language: member.language,
    channels: member.channels,
    ...(member.phone !== undefined ? { phone: member.phone } : {}),
    ...(member.email !== undefined ? { email: member.email } : {}),
    status: member.status,
  };
}

export async function getMe(token: string, d: Needs<'directory' | 'members' | 'pepper'>): Promise<MeView> {
  const { member, memberships } = await authenticateMember(token, d);
  return view(member, memberships, d);
}

/** Language and channels; each channel needs its contact. */
export async function updateMe(
  token: string,
  input: UpdateMeInput,
  d: Needs<'directory' | 'members' | 'now' | 'once' | 'pepper'>,
): Promise<MeView> {
  const { member, memberships } = await authenticateMember(token, d);
  const channels = input.channels ?? member.channels;
  const missing = channels.filter((c) => member[CONTACT_FIELD[c]] === undefined);
  if (missing.length > 0)
    throw new ValidationError(
      validationProblem,
      missing.map((c) => ({ path: 'channels', kind: c === 'sms' ? phoneForSmsField : emailForEmailField })),
    );
  const next: Member = {
    ...member,
    language: input.language ?? member.language,
    channels,
    name: input.name ?? member.name,
    updatedAt: d.now().toISOString(),
    version: member.version + 1,
  };
  await d.members.writeMember({ member: next, expectedVersion: member.version });
  // The member asks for SMS again on their own page: a former STOP no longer applies.
  if (next.phone && next.channels.includes('sms') && !member.channels.includes('sms'))
    await smsOptOut.clear(next.phone, d);
  return view(next, memberships, d);
}

/**
 * Erasure: the member item, memberships, contact and token entries are deleted at once. Enrolment records
 * keep no contact data after activation. The member's reports stay for the police without their reporter
 * (API.md): first they lose the member id and the member's list of them, so a failure there leaves the member
 * (and their link) in place for a retry.
 */
export async function eraseMe(
  token: string,
  d: Needs<'members' | 'now' | 'pepper' | 'publish'> & { reports: Pick<ReportStore, 'forgetReporter'> },
): Promise<void> {
  const { member, memberships } = await authenticateMember(token, d);
  await d.reports.forgetReporter(member.memberId);
  await d.members.eraseMember(member, memberships, contactHashesOf(member, await d.pepper()));
  await publishLeft(member.memberId, memberships, 'erased', d);
}

/**
 * The member leaves one PLP from their member page (and stays in the others). Leaving the last one makes
 * them `left`, with their link still valid for export and erasure. Not their PLP → 404.
 */
export async function leavePlp(
  token: string,
  plpId: string,
  d: Needs<'directory' | 'email' | 'members' | 'now' | 'pepper' | 'publicBaseUrl' | 'publish' | 'sms' | 'smsBudget'>,
): Promise<MeView> {
  const { member, memberships } = await authenticateMember(token, d);
  const leaving = memberships.find((m) => m.plpId === plpId);
  if (!leaving) throw new NotFoundError(notAMemberProblem);
  const remaining = memberships.filter((m) => m !== leaving);
  const next: Member = {
    ...member,
    ...(remaining.length === 0 ? { status: 'left' as const } : {}),
    updatedAt: d.now().toISOString(),
    version: member.version + 1,
  };
  await d.members.writeMember({ member: next, expectedVersion: member.version, deleteMemberships: [plpId] });
  await publishLeft(member.memberId, [leaving], 'member_link', d);
  const plp = await d.directory.getPlp(plpId);
  await notify(member, leftMessage, { plpName: plp?.name ?? 'PLP', manageUrl: manageUrl(d) }, d, {
    budget: plp ?? { plpId },
  });
  return view(next, remaining, d);
}

/**
 * A member asks to change their phone number or e-mail address: a code goes to the new contact (double
 * opt-in), as at enrolment; nothing changes until it is confirmed. A number that cannot take SMS → 400.
 */
export async function requestContactChange(
  token: string,
  input: ChangeContactInput,
  client: { sourceIp: string },
  d: Needs<'allowedCountries' | 'clientLimits' | 'email' | 'limits' | 'members' | 'now' | 'once' | 'pepper' | 'sms'>,
): Promise<{ status: 'pending_confirmation' }> {
  await limitClient(client.sourceIp, d);
  const { member } = await authenticateMember(token, d);
  const channel: Channel = input.phone !== undefined ? 'sms' : 'email';
  const value = input.phone !== undefined ? parsePhone(input.phone, d.allowedCountries) : (input.email as string);
  const field = CONTACT_FIELD[channel];
  if (channel === 'sms') {
    const refusal = await smsRefusalFor(value, d);
    if (refusal) {
      const [problem, kind] = canReceiveSms(value)
        ? [smsStoppedProblem, smsStoppedField]
        : [notMobileProblem, notMobileField];
      throw new ValidationError(problem, [{ path: 'phone', kind }]);
    }
  }
  if (member[field] === value)
    throw new ValidationError(contactUnchangedProblem, [{ path: field, kind: unchangedField }]);
  await limitContact(value, d);
  const now = d.now();
  const { code, stored } = newCode(await d.pepper(), now);
  await d.members.writeMember({
    member: {
      ...member,
      pendingContact: {
        channel,
        value,
        code: stored,
      },
      updatedAt: now.toISOString(),
      version: member.version + 1,
    },
    expectedVersion: member.version,
  });
  await notify(
    { language: member.language, channels: [channel], [field]: value },
    codeMessage,
    { plpName: 'PLP Alert', code },
    d,
  );
  return { status: 'pending_confirmation' };
}

/**
 * The code sent to the new contact. Wrong → 400 (the 5th drops the request), expired → 400, none pending
 * → 409, the contact held by another member → 409. On success the new contact replaces the old one.
 */
export async function confirmContactChange(
  token: string,
  code: string,
  d: Needs<'directory' | 'members' | 'now' | 'once' | 'pepper'>,
): Promise<MeView> {
  const { member, memberships } = await authenticateMember(token, d);
  const pending = member.pendingContact;
  if (!pending) throw new ConflictError(noChangePendingProblem);
  const pepper = await d.pepper();
  const now = d.now();
  const { pendingContact: _pending, ...rest } = member;
  const base = { ...rest, updatedAt: now.toISOString(), version: member.version + 1 };
  if (codeExpired(pending.code, now))
    throw new ValidationError(codeExpiredChangeProblem, [{ path: 'code', kind: codeExpiredField }]);
  const counted = await d.members.countContactCodeAttempt(member.memberId, MAX_CODE_ATTEMPTS);
  const waiting = counted?.pendingContact;
  const attempt = judgeCountedAttempt(
    code,
    waiting && { attempts: waiting.code.attempts, codes: { [waiting.channel]: waiting.code } },
    pepper,
    now,
  );
  if (attempt.outcome !== 'confirmed') {
    // The last wrong code drops the request: the member asks for a new code. A concurrent change wins.
    if (attempt.outcome === 'wrong' && attempt.locks && counted) {
      await d.members
        .writeMember({ member: { ...base, version: counted.version + 1 }, expectedVersion: counted.version })
        .catch((error: unknown) => {
          if (!(error instanceof ConflictError)) throw error;
        });
    }
    throw new ValidationError(
      attempt.outcome === 'wrong' && !attempt.locks ? codeWrongProblem : lastAttemptChangeProblem,
      [{ path: 'code', kind: codeWrongField }],
    );
  }
  const field = CONTACT_FIELD[pending.channel];
  const newHash = contactHash(pending.value, pepper);
  const holder = await d.members.memberIdByContact(newHash);
  if (holder !== undefined && holder !== member.memberId) throw new ConflictError(contactTakenProblem);
  const old = member[field];
  const next: Member = { ...base, [field]: pending.value };
  await d.members.writeMember({
    member: next,
    expectedVersion: member.version,
    addContacts: [newHash],
    ...(old !== undefined ? { removeContacts: [contactHash(old, pepper)] } : {}),
  });
  if (pending.channel === 'sms') await smsOptOut.clear(pending.value, d);
  return view(next, memberships, d);
}

/** Corrects the address held for one of the member's PLPs; it must lie in that PLP's zone. */
export async function updateMembership(
  token: string,
  plpId: string,
  input: UpdateMembershipInput,
  d: Needs<'directory' | 'members' | 'now' | 'pepper'>,
): Promise<{ plpId: string; plpName: string; address: Address }> {
  const { member, memberships } = await authenticateMember(token, d);
  const membership = memberships.find((m) => m.plpId === plpId);
  const plp = membership ? await d.directory.getPlp(plpId) : undefined;
  if (!membership || !plp) throw new NotFoundError(notAMemberProblem);
  assertInZone(input.address, plp);
  await d.members.writeMember({
    member: { ...member, updatedAt: d.now().toISOString(), version: member.version + 1 },
    expectedVersion: member.version,
    putMemberships: [{ ...membership, address: input.address }],
  });
  return { plpId, plpName: plp.name, address: input.address };
}

/** GDPR access: everything held about the member, their reports included. */
export async function exportMe(
  token: string,
  d: Needs<'directory' | 'members' | 'now' | 'pepper'> & { reports: Pick<ReportStore, 'reportsOfMember'> },
) {
  const { member, memberships } = await authenticateMember(token, d);
  const reports = await d.reports.reportsOfMember(member.memberId);
  const plps = new Map((await d.directory.getPlps(memberships.map((m) => m.plpId))).map((p) => [p.plpId, p]));
  const { tokenHashes, version, pendingContact, ...person } = member;
  return {
    exportedAt: d.now().toISOString(),
    member: {
      ...person,
      activeMemberLinks: tokenHashes.length,
      // An unconfirmed contact is never exported (it may be someone else's, typed by mistake or on purpose).
      ...(pendingContact ? { pendingContact: { channel: pendingContact.channel, awaitingCode: true } } : {}),
    },
    memberships: memberships.map((m) => ({
      plpId: m.plpId,
      plpName: plps.get(m.plpId)?.name ?? '',
      address: m.address,
      joinedAt: m.joinedAt,
      enrolmentId: m.enrolmentId,
      consent: m.consent,
      ...(m.approvedBy ? { approvedByCoordinator: true } : {}),
    })),
    reports: reports.map(({ memberId: _member, version: _version, ...report }) => report),
  };
}

export async function publishLeft(
  memberId: string,
  memberships: Membership[],
  reason: 'sms_stop' | 'member_link' | 'erased' | 'coordinator',
  d: Needs<'publish' | 'now'>,
): Promise<void> {
  const at = d.now().toISOString();
  for (const m of memberships) {
    await d.publish(
      MemberLeft,
      { memberId, plpId: m.plpId, reason },
      { idempotencyKey: `member-left:${memberId}:${m.plpId}:${m.joinedAt}`, occurredAt: at },
    );
  }
}

/** Members of one of the caller's PLPs, a page at a time: names, addresses and channels, no contacts. */
export async function listMembersForCoordinator(
  caller: Caller,
  query: { plpId: string; limit: number; cursor?: string | undefined },
  d: Needs<'directory' | 'members'>,
) {
  assertGroup(caller, 'coordinator');
  assertPlpRole(caller, await loadScope(caller, d.directory), 'coordinator', query.plpId);
  const page = await d.members.membershipsOf(query.plpId, query.limit, query.cursor);
  const members = new Map((await d.members.getMembers(page.items.map((m) => m.memberId))).map((m) => [m.memberId, m]));
  return {
    items: page.items.flatMap((ms) => {
      const m = members.get(ms.memberId);
      if (!m) return [];
      return [
        {
          memberId: m.memberId,
          name: m.name,
          address: ms.address,
          language: m.language,
          channels: m.channels,
          joinedAt: ms.joinedAt,
        },
      ];
    }),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

import { beforeAll, describe, expect, it } from 'vitest';
import { invalidPageTokenField } from '../../../shared/i18n/problems.ts';
import { CONTACT_LIMITS } from '../../../shared/enrolment/limits.ts';

/** Twenty an hour, for the test of a burst from one client. */
const TWENTY_AN_HOUR = [{ windowSeconds: 3600, max: 20 }] as const;
import type {
  Enrolment,
  EnrolmentStore,
  LimitStore,
  Member,
  MemberStore,
  Membership,
  OnceStore,
} from '../../../shared/enrolment/ports.ts';
import { ConflictError, ValidationError } from '../../../shared/errors.ts';

export type EnrolmentStores = { enrolments: EnrolmentStore; members: MemberStore; limits: LimitStore; once: OnceStore };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const consent = { textVersion: '2026-11-v1', at: new Date().toISOString(), via: 'web' as const };
const address = { street: 'Rue de la Gare', number: '12', postcode: '1082' };
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/**
 * What the ports of shared/enrolment/ports.ts promise, checked against any implementation: the DynamoDB
 * adapters (test/integration/enrolment-store.test.ts) and the in-memory fakes (test/unit/fakes/stores.test.ts).
 * `makeStores` is called once; every test writes under ids of its own, so the stores may be shared.
 */
export function describeEnrolmentStoreContract(
  name: string,
  makeStores: () => EnrolmentStores | Promise<EnrolmentStores>,
) {
  let enrolments: EnrolmentStore;
  let members: MemberStore;
  let limits: LimitStore;
  let once: OnceStore;

  const run = Math.random().toString(36).slice(2, 8);
  let counter = 0;
  /** A name unique in this run (ids, PLPs, hashes). */
  const unique = (prefix: string) => `${prefix}-${run}-${++counter}`;

  function enrolment(over: Partial<Enrolment> = {}): Enrolment {
    const at = new Date().toISOString();
    return {
      enrolmentId: unique('enr'),
      plpId: unique('plp'),
      via: 'web',
      status: 'pending_confirmation',
      language: 'fr',
      channels: ['sms'],
      consent,
      name: 'Marie Dupont',
      address,
      phone: '+32470123456',
      primary: 'phone',
      codes: { phone: { hash: 'ab'.repeat(32), expiresAt: new Date(Date.now() + 900_000).toISOString() } },
      codeAttempts: 0,
      createdAt: at,
      updatedAt: at,
      version: 1,
      ...over,
    };
  }

  function member(over: Partial<Member> = {}): Member {
    const at = new Date().toISOString();
    return {
      memberId: unique('mem'),
      name: 'Jan Peeters',
      language: 'nl',
      channels: ['sms', 'email'],
      phone: '+32470654321',
      email: 'jan@example.be',
      status: 'active',
      tokenHashes: [],
      createdAt: at,
      updatedAt: at,
      version: 1,
      ...over,
    };
  }

  const membership = (memberId: string, plpId: string): Membership => ({
    memberId,
    plpId,
    enrolmentId: unique('enr'),
    address,
    consent,
    joinedAt: new Date().toISOString(),
  });

  /** A new member in one PLP with one contact and one token; returns what was written. */
  async function writeNewMember(plpId: string, over: Partial<Member> = {}) {
    const contact = unique('contact-hash');
    const token = unique('token-hash');
    const m = member({ tokenHashes: [token], ...over });
    const ms = membership(m.memberId, plpId);
    await members.writeMember({
      member: m,
      expectedVersion: null,
      putMemberships: [ms],
      addContacts: [contact],
      addTokens: [token],
    });
    return { member: m, membership: ms, contact, token };
  }

  /** A new member in two PLPs with a phone and an e-mail contact and the given tokens, written in one change. */
  async function writeMemberInTwoPlps(tokenHashes: string[]) {
    const m = member({ tokenHashes });
    const contacts = [unique('phone-hash'), unique('email-hash')];
    const memberships = [membership(m.memberId, unique('plp')), membership(m.memberId, unique('plp'))];
    await members.writeMember({
      member: m,
      expectedVersion: null,
      putMemberships: memberships,
      addContacts: contacts,
      addTokens: m.tokenHashes,
    });
    return { m, contacts, memberships };
  }

  const byPlp = (a: Membership, b: Membership) => (a.plpId < b.plpId ? -1 : 1);

  describe(name, () => {
    beforeAll(async () => {
      ({ enrolments, members, limits, once } = await makeStores());
    });

    describe('EnrolmentStore', () => {
      it('creates an enrolment and reads it back as written; a second create is a ConflictError', async () => {
        const e = enrolment();
        await enrolments.createEnrolment(e);
        expect(await enrolments.getEnrolment(e.enrolmentId)).toEqual(e);
        expect(await enrolments.getEnrolment(unique('missing'))).toBeUndefined();
        await expect(enrolments.createEnrolment(e)).rejects.toThrow(ConflictError);
      });

      it('reads back an optional field written as undefined as absent', async () => {
        const e = enrolment({ email: undefined, note: undefined });
        await enrolments.createEnrolment(e);
        const read = await enrolments.getEnrolment(e.enrolmentId);
        expect(read).not.toHaveProperty('email');
        expect(read).not.toHaveProperty('note');
      });

      it('keeps its own copy: changing the written or the read object changes nothing stored', async () => {
        const e = enrolment();
        const written = structuredClone(e);
        await enrolments.createEnrolment(written);
        written.status = 'locked';
        written.codeAttempts = 4;
        const read = await enrolments.getEnrolment(e.enrolmentId);
        read!.channels.push('email');
        expect(await enrolments.getEnrolment(e.enrolmentId)).toEqual(e);
      });

      it('holds one enrolment per guard while it lives: another → ConflictError, unless it replaces a settled one', async () => {
        const guardHash = unique('guard');
        const now = new Date();
        const until = new Date(now.getTime() + 15 * 60_000);
        const first = enrolment({ createdAt: now.toISOString() });
        await enrolments.createEnrolment(first, { guardHash, until });
        expect(await enrolments.pendingEnrolmentFor(guardHash, now)).toBe(first.enrolmentId);

        const second = enrolment({ createdAt: now.toISOString() });
        await expect(enrolments.createEnrolment(second, { guardHash, until })).rejects.toThrow(ConflictError);
        expect(await enrolments.getEnrolment(second.enrolmentId)).toBeUndefined();

        await enrolments.createEnrolment(second, { guardHash, until, replaces: first.enrolmentId });
        expect(await enrolments.pendingEnrolmentFor(guardHash, now)).toBe(second.enrolmentId);
        // Once its time is over the guard is free, and reads as gone.
        const later = new Date(until.getTime() + 1000);
        expect(await enrolments.pendingEnrolmentFor(guardHash, later)).toBeUndefined();
        await enrolments.createEnrolment(enrolment({ createdAt: later.toISOString() }), { guardHash, until: later });
      });

      it('counts at most max attempts at its codes, even 40 at once, and none once it is not waiting', async () => {
        const expiresAt = new Date(Date.now() + 60_000).toISOString();
        const e = enrolment({ codes: { phone: { hash: 'h', expiresAt }, email: { hash: 'g', expiresAt } } });
        await enrolments.createEnrolment(e);
        const counted = await Promise.all(
          Array.from({ length: 40 }, () => enrolments.countCodeAttempt(e.enrolmentId, 5)),
        );
        const given = counted.filter((c) => c !== undefined);
        expect(given).toHaveLength(5);
        expect(given.map((c) => c!.codeAttempts).sort()).toEqual([1, 2, 3, 4, 5]);
        expect(given.every((c) => c!.version === e.version && c!.codes?.email?.hash === 'g')).toBe(true);
        expect((await enrolments.getEnrolment(e.enrolmentId))?.codeAttempts).toBe(5);

        // Waiting for approval with the e-mail's code still out: counted too.
        const approving = enrolment({ status: 'pending_approval', codes: { email: { hash: 'g', expiresAt } } });
        await enrolments.createEnrolment(approving);
        expect((await enrolments.countCodeAttempt(approving.enrolmentId, 5))?.codeAttempts).toBe(1);
        // No code left, locked, active, unknown: nothing counted.
        for (const over of [
          { codes: undefined },
          { status: 'locked' as const },
          { status: 'active' as const, name: undefined, phone: undefined, address: undefined },
        ]) {
          const other = enrolment(over);
          await enrolments.createEnrolment(other);
          expect(await enrolments.countCodeAttempt(other.enrolmentId, 5)).toBeUndefined();
        }
        expect(await enrolments.countCodeAttempt(unique('missing'), 5)).toBeUndefined();
      });

      it('discards an enrolment and the guard that still names it, not a guard taken since', async () => {
        const now = new Date();
        const until = new Date(now.getTime() + 15 * 60_000);
        const [mine, theirs] = [unique('guard'), unique('guard')];
        const first = enrolment({ createdAt: now.toISOString() });
        await enrolments.createEnrolment(first, { guardHash: mine, until });
        await enrolments.discardEnrolment(first.enrolmentId, mine);
        expect(await enrolments.getEnrolment(first.enrolmentId)).toBeUndefined();
        expect(await enrolments.pendingEnrolmentFor(mine, now)).toBeUndefined();

        const old = enrolment({ createdAt: now.toISOString() });
        const next = enrolment({ createdAt: now.toISOString() });
        await enrolments.createEnrolment(old, { guardHash: theirs, until });
        await enrolments.createEnrolment(next, { guardHash: theirs, until, replaces: old.enrolmentId });
        await enrolments.discardEnrolment(old.enrolmentId, theirs);
        expect(await enrolments.pendingEnrolmentFor(theirs, now)).toBe(next.enrolmentId);
        expect(await enrolments.getEnrolment(next.enrolmentId)).toEqual(next);
      });

      it('updates an enrolment only from the expected version (stale or unknown → ConflictError)', async () => {
        const e = enrolment();
        await enrolments.createEnrolment(e);
        const v2 = { ...e, codeAttempts: 1, version: 2 };
        await enrolments.updateEnrolment(v2, 1);

        await expect(enrolments.updateEnrolment({ ...e, status: 'locked', version: 2 }, 1)).rejects.toThrow(
          ConflictError,
        );
        expect(await enrolments.getEnrolment(e.enrolmentId)).toEqual(v2);
        const unknown = enrolment();
        await expect(enrolments.updateEnrolment({ ...unknown, version: 2 }, 1)).rejects.toThrow(ConflictError);
        expect(await enrolments.getEnrolment(unknown.enrolmentId)).toBeUndefined();
      });

      it('lists the enrolments of a PLP in one status, oldest first, following status changes', async () => {
        const plpId = unique('plp');
        const older = enrolment({ plpId, createdAt: new Date(Date.now() - 2 * HOUR_MS).toISOString() });
        const newer = enrolment({ plpId, createdAt: new Date(Date.now() - HOUR_MS).toISOString() });
        const otherPlp = enrolment();
        for (const e of [newer, otherPlp, older]) await enrolments.createEnrolment(e);
        const ids = async (status: Enrolment['status']) =>
          (await enrolments.enrolmentsOf(plpId, status)).map((e) => e.enrolmentId);

        expect(await ids('pending_confirmation')).toEqual([older.enrolmentId, newer.enrolmentId]);
        expect(await ids('pending_approval')).toEqual([]);

        const approvalWaiting = { ...older, status: 'pending_approval' as const, version: 2 };
        await enrolments.updateEnrolment(approvalWaiting, 1);
        expect(await ids('pending_confirmation')).toEqual([newer.enrolmentId]);
        expect(await enrolments.enrolmentsOf(plpId, 'pending_approval')).toEqual([approvalWaiting]);
      });

      it('treats unconfirmed and locked enrolments made more than a day ago as gone (retention)', async () => {
        const plpId = unique('plp');
        const old = daysAgo(2);
        const unconfirmed = enrolment({ plpId, createdAt: old, updatedAt: old });
        const locked = enrolment({ plpId, status: 'locked', createdAt: old, updatedAt: old });
        for (const e of [unconfirmed, locked]) await enrolments.createEnrolment(e);

        for (const e of [unconfirmed, locked]) expect(await enrolments.getEnrolment(e.enrolmentId)).toBeUndefined();
        expect(await enrolments.enrolmentsOf(plpId, 'pending_confirmation')).toEqual([]);
        expect(await enrolments.enrolmentsOf(plpId, 'locked')).toEqual([]);
      });

      it('keeps a rejected enrolment 30 days after the decision, and pending-approval and active ones always', async () => {
        const plpId = unique('plp');
        const old = daysAgo(40);
        const rejected = (decidedDaysAgo: number) =>
          enrolment({ plpId, status: 'rejected', createdAt: old, decidedAt: daysAgo(decidedDaysAgo) });
        const [recent, expired] = [rejected(29), rejected(31)];
        const waiting = enrolment({ plpId, status: 'pending_approval', createdAt: old, updatedAt: old });
        const active = enrolment({ plpId, status: 'active', createdAt: old, updatedAt: old });
        for (const e of [recent, expired, waiting, active]) await enrolments.createEnrolment(e);

        expect(await enrolments.getEnrolment(recent.enrolmentId)).toEqual(recent);
        expect(await enrolments.getEnrolment(expired.enrolmentId)).toBeUndefined();
        expect(await enrolments.enrolmentsOf(plpId, 'rejected')).toEqual([recent]);
        expect(await enrolments.getEnrolment(waiting.enrolmentId)).toEqual(waiting);
        expect(await enrolments.enrolmentsOf(plpId, 'pending_approval')).toEqual([waiting]);
        expect(await enrolments.getEnrolment(active.enrolmentId)).toEqual(active);
      });
    });

    describe('MemberStore', () => {
      it("counts at most max attempts at a pending contact's code, even 40 at once", async () => {
        const code = { hash: 'h', expiresAt: new Date(Date.now() + 60_000).toISOString(), attempts: 0 };
        const { member: m } = await writeNewMember(unique('plp'), {
          pendingContact: { channel: 'email', value: 'new@example.be', code },
        });
        const counted = await Promise.all(
          Array.from({ length: 40 }, () => members.countContactCodeAttempt(m.memberId, 5)),
        );
        expect(counted.filter((c) => c !== undefined)).toHaveLength(5);
        expect((await members.getMember(m.memberId))?.member.pendingContact?.code.attempts).toBe(5);
        const { member: none } = await writeNewMember(unique('plp'));
        expect(await members.countContactCodeAttempt(none.memberId, 5)).toBeUndefined();
      });

      it('writes a new member with memberships, contacts and tokens, found by contact and by token', async () => {
        const { m, contacts, memberships } = await writeMemberInTwoPlps([unique('token-hash')]);

        for (const c of contacts) expect(await members.memberIdByContact(c)).toBe(m.memberId);
        expect(await members.memberIdByToken(m.tokenHashes[0]!)).toBe(m.memberId);
        expect(await members.memberIdByContact(unique('unknown'))).toBeUndefined();
        expect(await members.memberIdByToken(unique('unknown'))).toBeUndefined();

        const found = await members.getMember(m.memberId);
        expect(found?.member).toEqual(m);
        expect(found?.memberships.sort(byPlp)).toEqual([...memberships].sort(byPlp));
        expect(await members.getMember(unique('missing'))).toBeUndefined();
        expect(await members.getMembers([m.memberId, m.memberId, unique('missing')])).toEqual([m]);
        expect(await members.getMembers([])).toEqual([]);
      });

      it('keeps its own copy of a member: changing the written or the read object changes nothing stored', async () => {
        const m = member();
        const written = structuredClone(m);
        await members.writeMember({ member: written, expectedVersion: null });
        written.channels.pop();
        written.name = 'Changed';
        const read = await members.getMember(m.memberId);
        read!.member.tokenHashes.push('x');
        expect((await members.getMember(m.memberId))?.member).toEqual(m);
      });

      it('refuses a contact owned by another member and writes nothing of the change', async () => {
        const first = await writeNewMember(unique('plp'));
        const plpId = unique('plp');
        const second = member();
        const ownContact = unique('contact-hash');
        const token = unique('token-hash');

        await expect(
          members.writeMember({
            member: second,
            expectedVersion: null,
            putMemberships: [membership(second.memberId, plpId)],
            addContacts: [ownContact, first.contact],
            addTokens: [token],
          }),
        ).rejects.toThrow(ConflictError);

        expect(await members.getMember(second.memberId)).toBeUndefined();
        expect(await members.memberIdByContact(ownContact)).toBeUndefined();
        expect(await members.memberIdByToken(token)).toBeUndefined();
        expect(await members.membershipsOf(plpId, 10)).toEqual({ items: [] });
        expect(await members.memberIdByContact(first.contact)).toBe(first.member.memberId);
      });

      it('accepts a contact the member already holds', async () => {
        const { member: m, contact } = await writeNewMember(unique('plp'));
        const next = { ...m, language: 'fr' as const, version: 2 };
        await members.writeMember({ member: next, expectedVersion: 1, addContacts: [contact] });
        expect((await members.getMember(m.memberId))?.member).toEqual(next);
        expect(await members.memberIdByContact(contact)).toBe(m.memberId);
      });

      it('refuses a token hash already issued, even to the same member', async () => {
        const { member: m, token } = await writeNewMember(unique('plp'));
        const other = member();
        await expect(members.writeMember({ member: other, expectedVersion: null, addTokens: [token] })).rejects.toThrow(
          ConflictError,
        );
        await expect(
          members.writeMember({ member: { ...m, version: 2 }, expectedVersion: 1, addTokens: [token] }),
        ).rejects.toThrow(ConflictError);
        expect(await members.getMember(other.memberId)).toBeUndefined();
        expect((await members.getMember(m.memberId))?.member.version).toBe(1);
      });

      it('refuses a write from a stale member version, or for a member that is new or not', async () => {
        const { member: m } = await writeNewMember(unique('plp'));
        const v2 = { ...m, channels: ['email' as const], version: 2 };
        await members.writeMember({ member: v2, expectedVersion: 1 });

        const extra = unique('contact-hash');
        await expect(
          members.writeMember({
            member: { ...m, name: 'Stale', version: 2 },
            expectedVersion: 1,
            addContacts: [extra],
          }),
        ).rejects.toThrow(ConflictError);
        expect((await members.getMember(m.memberId))?.member).toEqual(v2);
        expect(await members.memberIdByContact(extra)).toBeUndefined();

        await expect(
          members.writeMember({ member: member({ memberId: m.memberId }), expectedVersion: null }),
        ).rejects.toThrow(ConflictError);
        const unknown = member({ version: 2 });
        await expect(members.writeMember({ member: unknown, expectedVersion: 1 })).rejects.toThrow(ConflictError);
        expect(await members.getMember(unknown.memberId)).toBeUndefined();
      });

      it('writes the enrolment of the change with the member, and neither when the enrolment is stale', async () => {
        const e = enrolment();
        await enrolments.createEnrolment(e);
        const m = member();
        const ms = membership(m.memberId, e.plpId);
        const activated: Enrolment = {
          ...e,
          status: 'active',
          memberId: m.memberId,
          name: undefined,
          phone: undefined,
          address: undefined,
          codes: undefined,
          version: 2,
        };
        const stale = {
          member: m,
          expectedVersion: null,
          putMemberships: [ms],
          enrolment: { next: activated, expectedVersion: 7 },
        };
        await expect(members.writeMember(stale)).rejects.toThrow(ConflictError);
        expect(await members.getMember(m.memberId)).toBeUndefined();
        expect(await enrolments.getEnrolment(e.enrolmentId)).toEqual(e);

        await members.writeMember({ ...stale, enrolment: { next: activated, expectedVersion: 1 } });
        expect(await members.getMember(m.memberId)).toEqual({ member: m, memberships: [ms] });
        const stored = await enrolments.getEnrolment(e.enrolmentId);
        expect(stored).toEqual({ ...activated });
        for (const field of ['name', 'phone', 'address', 'code']) expect(stored).not.toHaveProperty(field);
      });

      it('moves memberships, contacts and tokens in a later change', async () => {
        const { member: m, membership: first, contact, token } = await writeNewMember(unique('plp'));
        const second = membership(m.memberId, unique('plp'));
        const [newContact, newToken] = [unique('contact-hash'), unique('token-hash')];

        await members.writeMember({
          member: { ...m, tokenHashes: [newToken], version: 2 },
          expectedVersion: 1,
          putMemberships: [second],
          deleteMemberships: [first.plpId],
          addContacts: [newContact],
          removeContacts: [contact],
          addTokens: [newToken],
          removeTokens: [token],
        });

        expect((await members.getMember(m.memberId))?.memberships).toEqual([second]);
        expect((await members.membershipsOf(first.plpId, 10)).items).toEqual([]);
        expect((await members.membershipsOf(second.plpId, 10)).items).toEqual([second]);
        expect(await members.memberIdByContact(contact)).toBeUndefined();
        expect(await members.memberIdByContact(newContact)).toBe(m.memberId);
        expect(await members.memberIdByToken(token)).toBeUndefined();
        expect(await members.memberIdByToken(newToken)).toBe(m.memberId);
      });

      it('pages through the members of a PLP: limit 2 over 5 members gives each exactly once, in order', async () => {
        const plpId = unique('plp');
        const written: string[] = [];
        for (let i = 0; i < 5; i++) written.push((await writeNewMember(plpId)).member.memberId);
        await writeNewMember(unique('plp')); // another PLP's member stays out

        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await members.membershipsOf(plpId, 2, cursor);
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items.map((m) => m.memberId));
          expect(page.items.every((m) => m.plpId === plpId && !('PK' in m) && !('GSI1SK' in m))).toBe(true);
          cursor = page.cursor;
          pages++;
        } while (cursor && pages < 10);

        expect(pages).toBe(3);
        expect(seen).toEqual([...written].sort());
      });

      it('ends the paging of a PLP whose members fill the last page exactly', async () => {
        const plpId = unique('plp');
        const written: string[] = [];
        for (let i = 0; i < 4; i++) written.push((await writeNewMember(plpId)).member.memberId);
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await members.membershipsOf(plpId, 2, cursor);
          seen.push(...page.items.map((m) => m.memberId));
          cursor = page.cursor;
          pages++;
        } while (cursor && pages < 10);
        expect(pages).toBeLessThanOrEqual(3);
        expect(seen).toEqual([...written].sort());
      });

      it("refuses a cursor of another PLP's list, or one that is not a cursor, with a ValidationError", async () => {
        const plpId = unique('plp');
        const otherPlpId = unique('plp');
        for (let i = 0; i < 3; i++) await writeNewMember(plpId);
        for (let i = 0; i < 3; i++) await writeNewMember(otherPlpId);
        const { cursor } = await members.membershipsOf(otherPlpId, 1);
        expect(cursor).toEqual(expect.any(String));
        const base64 = (text: string) => Buffer.from(text).toString('base64url');

        const invalid = [
          cursor!,
          '%%%not base64 at all%%%',
          base64('{"PK":'),
          base64('null'),
          base64('7'),
          base64('"a string"'),
          base64(JSON.stringify([`PLP#${plpId}`])),
          base64('{}'),
        ];
        for (const c of invalid) {
          const error = await members.membershipsOf(plpId, 2, c).catch((e: unknown) => e);
          expect(error, c).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).errors, c).toEqual([{ path: 'query.cursor', kind: invalidPageTokenField }]);
        }
      });

      it('erases a member with memberships, contacts and tokens', async () => {
        const { m, contacts, memberships } = await writeMemberInTwoPlps([unique('token-hash'), unique('token-hash')]);

        await members.eraseMember(m, memberships, contacts);

        expect(await members.getMember(m.memberId)).toBeUndefined();
        expect(await members.getMembers([m.memberId])).toEqual([]);
        for (const c of contacts) expect(await members.memberIdByContact(c)).toBeUndefined();
        for (const t of m.tokenHashes) expect(await members.memberIdByToken(t)).toBeUndefined();
        for (const ms of memberships) expect((await members.membershipsOf(ms.plpId, 10)).items).toEqual([]);
      });
    });

    describe('LimitStore', () => {
      it('allows 3 sends to a contact within an hour and refuses the 4th with a retry delay', async () => {
        const key = unique('contact-hash');
        const now = new Date();
        const decisions = [];
        for (let i = 0; i < 4; i++)
          decisions.push(
            await limits.consumeLimit('contact', key, CONTACT_LIMITS, new Date(now.getTime() + i * 60_000)),
          );

        expect(decisions.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
        // The first send leaves the hour 57 minutes after the 4th attempt.
        expect(decisions[3]).toEqual({ allowed: false, retryAfterSeconds: 57 * 60 });

        // Once the first send is an hour old, one more is allowed; another key or kind was never limited.
        expect(await limits.consumeLimit('contact', key, CONTACT_LIMITS, new Date(now.getTime() + HOUR_MS))).toEqual({
          allowed: true,
        });
        expect(await limits.consumeLimit('contact', unique('contact-hash'), CONTACT_LIMITS, now)).toEqual({
          allowed: true,
        });
        expect(await limits.consumeLimit('client', key, CONTACT_LIMITS, now)).toEqual({ allowed: true });
      });

      it('refuses the 6th send within a day, spread over hours, until the oldest is a day old', async () => {
        const key = unique('contact-hash');
        const start = Date.now();
        const at = (hours: number) => new Date(start + hours * HOUR_MS);
        for (let i = 0; i < 5; i++)
          expect(await limits.consumeLimit('contact', key, CONTACT_LIMITS, at(2 * i))).toEqual({ allowed: true });

        expect(await limits.consumeLimit('contact', key, CONTACT_LIMITS, at(10))).toEqual({
          allowed: false,
          retryAfterSeconds: 14 * 3600,
        });
        expect(await limits.consumeLimit('contact', key, CONTACT_LIMITS, at(24))).toEqual({ allowed: true });
      });

      it('gives back a refunded send: the limit allows it again, and a refund of nothing changes nothing', async () => {
        const key = unique('contact-hash');
        const start = Date.now();
        const at = (minutes: number) => new Date(start + minutes * 60_000);
        for (let i = 0; i < 3; i++)
          expect(await limits.consumeLimit('contact', key, CONTACT_LIMITS, at(i))).toEqual({ allowed: true });
        expect((await limits.consumeLimit('contact', key, CONTACT_LIMITS, at(3))).allowed).toBe(false);
        await limits.refundLimit('contact', key, at(1));
        await limits.refundLimit('contact', key, at(1)); // already given back
        await limits.refundLimit('contact', unique('contact-hash'), at(1)); // never counted
        expect(await limits.consumeLimit('contact', key, CONTACT_LIMITS, at(4))).toEqual({ allowed: true });
        expect((await limits.consumeLimit('contact', key, CONTACT_LIMITS, at(5))).allowed).toBe(false);
      });

      it('never allows more than 3 of 6 parallel sends to the same contact, and counts only those', async () => {
        const key = unique('contact-hash');
        const now = new Date();
        const decisions = await Promise.all(
          Array.from({ length: 6 }, () => limits.consumeLimit('contact', key, CONTACT_LIMITS, now)),
        );
        expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
        expect(decisions.filter((d) => !d.allowed)).toHaveLength(3);

        // An hour later the day holds exactly 3 of its 5: two more are allowed, not a third.
        const later = new Date(now.getTime() + HOUR_MS);
        const next = [];
        for (let i = 0; i < 3; i++)
          next.push((await limits.consumeLimit('contact', key, CONTACT_LIMITS, later)).allowed);
        expect(next).toEqual([true, true, false]);
      });

      it('takes at most the bucket’s tokens, even 20 at once, and refills with time', async () => {
        const key = unique('bucket');
        const now = new Date();
        const bucket = { capacity: 10, refillPerSecond: 1 / 60 };
        const decisions = await Promise.all(
          Array.from({ length: 20 }, () => limits.takeToken('client', key, bucket, now)),
        );
        const allowed = decisions.filter((d) => d.allowed).length;
        expect(allowed).toBeLessThanOrEqual(10);
        expect(allowed).toBeGreaterThan(0);
        for (const d of decisions) if (!d.allowed) expect(d.retryAfterSeconds).toBeGreaterThan(0);
        // What the burst left is what later requests get: the rest of the ten, then nothing until a refill.
        const rest = [];
        for (let i = 0; i < 11 - allowed; i++) rest.push((await limits.takeToken('client', key, bucket, now)).allowed);
        expect(rest.filter(Boolean)).toHaveLength(10 - allowed);
        expect(await limits.takeToken('client', key, bucket, new Date(now.getTime() + 60_000))).toEqual({
          allowed: true,
        });
        expect((await limits.takeToken('client', key, bucket, new Date(now.getTime() + 60_000))).allowed).toBe(false);
      });

      it('decides every one of 20 parallel sends from one client (a lost race retries or refuses, never fails)', async () => {
        const key = unique('client-hash');
        const now = new Date();
        const decisions = await Promise.all(
          Array.from({ length: 20 }, () => limits.consumeLimit('client', key, TWENTY_AN_HOUR, now)),
        );
        expect(decisions).toHaveLength(20);
        const allowed = decisions.filter((d) => d.allowed).length;
        expect(allowed).toBeGreaterThan(0);
        for (const d of decisions) if (!d.allowed) expect(d.retryAfterSeconds).toBeGreaterThan(0);
        // Exactly the allowed ones were counted: the next send sees them all.
        const rule = TWENTY_AN_HOUR[0];
        const room = rule.max - allowed;
        const more = [];
        for (let i = 0; i < room + 1; i++)
          more.push((await limits.consumeLimit('client', key, TWENTY_AN_HOUR, now)).allowed);
        expect(more.filter(Boolean)).toHaveLength(Math.max(0, room));
      });
    });

    describe('OnceStore', () => {
      it('claims once, refuses a second claim, and claims again after a release', async () => {
        const id = unique('message');
        const now = new Date();
        expect(await once.claimOnce('sms-in', id, 3600, now)).toBe(true);
        expect(await once.claimOnce('sms-in', id, 3600, now)).toBe(false);
        expect(await once.claimOnce('welcome', id, 3600, now)).toBe(true);

        await once.releaseOnce('sms-in', id);
        expect(await once.claimOnce('sms-in', id, 3600, now)).toBe(true);
      });

      it('claims again once the earlier claim has expired', async () => {
        const id = unique('message');
        const now = new Date();
        expect(await once.claimOnce('sms-in', id, 60, now)).toBe(true);
        expect(await once.claimOnce('sms-in', id, 60, new Date(now.getTime() + 30_000))).toBe(false);
        expect(await once.claimOnce('sms-in', id, 60, new Date(now.getTime() + 61_000))).toBe(true);
      });

      it('tells whether a claim holds: not before, during its time, not after a release or its expiry', async () => {
        const id = unique('number-hash');
        const now = new Date();
        const after = (ms: number) => new Date(now.getTime() + ms);
        expect(await once.isClaimed('sms-optout', id, now)).toBe(false);

        await once.claimOnce('sms-optout', id, 60, now);
        expect(await once.isClaimed('sms-optout', id, now)).toBe(true);
        expect(await once.isClaimed('sms-optout', id, after(59_000))).toBe(true);
        expect(await once.isClaimed('sms-optout', id, after(61_000))).toBe(false);
        expect(await once.isClaimed('other-scope', id, now)).toBe(false);

        await once.releaseOnce('sms-optout', id);
        expect(await once.isClaimed('sms-optout', id, now)).toBe(false);
        await once.releaseOnce('sms-optout', id); // releasing what is not held is fine
      });
    });
  });
}

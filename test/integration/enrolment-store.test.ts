import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../local/dynamodb-local.ts';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import {
  dynamoEnrolmentStore,
  dynamoLimitStore,
  dynamoMemberStore,
  dynamoOnceStore,
} from '../../shared/adapters/dynamodb/enrolment-store.ts';
import { CONTACT_LIMITS } from '../../shared/enrolment/limits.ts';
import type {
  Enrolment,
  EnrolmentStore,
  LimitStore,
  Member,
  MemberStore,
  Membership,
  OnceStore,
} from '../../shared/enrolment/ports.ts';
import { ConflictError, ValidationError } from '../../shared/errors.ts';
import { entities, keys } from '../../shared/table/keys.ts';

const endpoint = inject('dynamoEndpoint');
const tableName = `enrolment-store-it-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const doc = documentClient(endpoint);
let store: EnrolmentStore & MemberStore & LimitStore & OnceStore;

const run = Math.random().toString(36).slice(2, 8);
let counter = 0;
/** A name unique in this run (ids, PLPs, hashes). */
const unique = (prefix: string) => `${prefix}-${run}-${++counter}`;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const consent = { textVersion: '2026-11-v1', at: new Date().toISOString(), via: 'web' as const };
const address = { street: 'Rue de la Gare', number: '12', postcode: '1082' };

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
    code: { hash: 'ab'.repeat(32), expiresAt: new Date(Date.now() + 900_000).toISOString(), attempts: 0 },
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
  await store.writeMember({
    member: m,
    expectedVersion: null,
    putMemberships: [ms],
    addContacts: [contact],
    addTokens: [token],
  });
  return { member: m, membership: ms, contact, token };
}

const rawItem = async (key: Record<string, string>) =>
  (await doc.send(new GetCommand({ TableName: tableName, Key: key }))).Item;

const encodeCursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const decodeCursor = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));

beforeAll(async () => {
  await ensureTable(endpoint, tableName);
  store = {
    ...dynamoEnrolmentStore(doc, tableName),
    ...dynamoMemberStore(doc, tableName),
    ...dynamoLimitStore(doc, tableName),
    ...dynamoOnceStore(doc, tableName),
  };
});

describe('dynamoEnrolmentStore: enrolments (DynamoDB Local)', () => {
  it('creates an enrolment and reads it back without table attributes', async () => {
    const e = enrolment();
    await store.createEnrolment(e);
    expect(await store.getEnrolment(e.enrolmentId)).toEqual(e);
    expect(await store.getEnrolment(unique('missing'))).toBeUndefined();
    await expect(store.createEnrolment(e)).rejects.toThrow(ConflictError);
  });

  it('updates an enrolment only from the expected version (stale → ConflictError)', async () => {
    const e = enrolment();
    await store.createEnrolment(e);
    const v2 = { ...e, code: { ...e.code!, attempts: 1 }, version: 2 };
    await store.updateEnrolment(v2, 1);

    await expect(store.updateEnrolment({ ...e, status: 'locked', version: 2 }, 1)).rejects.toThrow(ConflictError);
    expect(await store.getEnrolment(e.enrolmentId)).toEqual(v2);
  });

  it('lists the enrolments of a PLP in one status, following status changes', async () => {
    const plpId = unique('plp');
    const a = enrolment({ plpId });
    const b = enrolment({ plpId });
    const other = enrolment();
    for (const e of [a, b, other]) await store.createEnrolment(e);
    const ids = async (status: Enrolment['status']) =>
      (await store.enrolmentsOf(plpId, status)).map((e) => e.enrolmentId).sort();

    expect(await ids('pending_confirmation')).toEqual([a.enrolmentId, b.enrolmentId].sort());
    expect(await ids('pending_approval')).toEqual([]);

    const approvalWaiting = { ...a, status: 'pending_approval' as const, version: 2 };
    await store.updateEnrolment(approvalWaiting, 1);
    expect(await ids('pending_confirmation')).toEqual([b.enrolmentId]);
    expect(await store.enrolmentsOf(plpId, 'pending_approval')).toEqual([approvalWaiting]);
  });

  it('treats an unconfirmed enrolment made more than a day ago as gone (retention)', async () => {
    const old = new Date(Date.now() - 2 * DAY_MS).toISOString();
    const e = enrolment({ createdAt: old, updatedAt: old });
    await store.createEnrolment(e);

    const raw = await rawItem(keys.enrolment(e.enrolmentId));
    expect(raw?.expiresAt).toBe(Math.floor((Date.parse(old) + DAY_MS) / 1000));
    expect(await store.getEnrolment(e.enrolmentId)).toBeUndefined();
    expect(await store.enrolmentsOf(e.plpId, 'pending_confirmation')).toEqual([]);
  });

  it('treats an item whose expiresAt has passed as absent, even before TTL deletes it', async () => {
    const e = enrolment({ status: 'pending_approval' });
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.enrolment(e.enrolmentId),
          ...keys.enrolmentByPlp(e.plpId, e.status, e.createdAt, e.enrolmentId),
          entity: entities.enrolment,
          ...e,
          expiresAt: Math.floor((Date.now() - 60_000) / 1000),
        },
      }),
    );
    expect(await rawItem(keys.enrolment(e.enrolmentId))).toBeDefined();
    expect(await store.getEnrolment(e.enrolmentId)).toBeUndefined();
    expect(await store.enrolmentsOf(e.plpId, 'pending_approval')).toEqual([]);
  });

  it('keeps pending-approval and active enrolments without an expiry', async () => {
    const e = enrolment({ status: 'pending_approval' });
    await store.createEnrolment(e);
    expect((await rawItem(keys.enrolment(e.enrolmentId)))?.expiresAt).toBeUndefined();
    expect(await store.getEnrolment(e.enrolmentId)).toEqual(e);
  });
});

/** A new member in two PLPs with a phone and an e-mail contact and the given tokens, written in one change. */
async function writeMemberInTwoPlps(tokenHashes: string[]) {
  const m = member({ tokenHashes });
  const contacts = [unique('phone-hash'), unique('email-hash')];
  const memberships = [membership(m.memberId, unique('plp')), membership(m.memberId, unique('plp'))];
  await store.writeMember({
    member: m,
    expectedVersion: null,
    putMemberships: memberships,
    addContacts: contacts,
    addTokens: m.tokenHashes,
  });
  return { m, contacts, memberships };
}

describe('dynamoEnrolmentStore: members (DynamoDB Local)', () => {
  it('writes a new member with memberships, contacts and tokens, found by contact and by token', async () => {
    const { m, contacts, memberships } = await writeMemberInTwoPlps(['tok-1-' + run]);

    for (const c of contacts) expect(await store.memberIdByContact(c)).toBe(m.memberId);
    expect(await store.memberIdByToken(m.tokenHashes[0]!)).toBe(m.memberId);
    expect(await store.memberIdByContact(unique('unknown'))).toBeUndefined();
    expect(await store.memberIdByToken(unique('unknown'))).toBeUndefined();

    const found = await store.getMember(m.memberId);
    expect(found?.member).toEqual(m);
    expect(found?.memberships.sort((x, y) => x.plpId.localeCompare(y.plpId))).toEqual(
      [...memberships].sort((x, y) => x.plpId.localeCompare(y.plpId)),
    );
    expect(await store.getMember(unique('missing'))).toBeUndefined();
    expect(await store.getMembers([m.memberId, m.memberId, unique('missing')])).toEqual([m]);
  });

  it('refuses a contact owned by another member and writes nothing of the change', async () => {
    const first = await writeNewMember(unique('plp'));
    const plpId = unique('plp');
    const second = member();
    const ownContact = unique('contact-hash');
    const token = unique('token-hash');

    await expect(
      store.writeMember({
        member: second,
        expectedVersion: null,
        putMemberships: [membership(second.memberId, plpId)],
        addContacts: [ownContact, first.contact],
        addTokens: [token],
      }),
    ).rejects.toThrow(ConflictError);

    expect(await store.getMember(second.memberId)).toBeUndefined();
    expect(await store.memberIdByContact(ownContact)).toBeUndefined();
    expect(await store.memberIdByToken(token)).toBeUndefined();
    expect(await store.membershipsOf(plpId, 10)).toEqual({ items: [] });
    expect(await store.memberIdByContact(first.contact)).toBe(first.member.memberId);
  });

  it('accepts a contact the member already holds', async () => {
    const { member: m, contact } = await writeNewMember(unique('plp'));
    const next = { ...m, language: 'fr' as const, version: 2 };
    await store.writeMember({ member: next, expectedVersion: 1, addContacts: [contact] });
    expect((await store.getMember(m.memberId))?.member).toEqual(next);
  });

  it('refuses a write from a stale member version', async () => {
    const { member: m } = await writeNewMember(unique('plp'));
    const v2 = { ...m, channels: ['email' as const], version: 2 };
    await store.writeMember({ member: v2, expectedVersion: 1 });

    const extra = unique('contact-hash');
    await expect(
      store.writeMember({ member: { ...m, name: 'Stale', version: 2 }, expectedVersion: 1, addContacts: [extra] }),
    ).rejects.toThrow(ConflictError);
    expect((await store.getMember(m.memberId))?.member).toEqual(v2);
    expect(await store.memberIdByContact(extra)).toBeUndefined();

    await expect(
      store.writeMember({ member: member({ memberId: m.memberId }), expectedVersion: null }),
    ).rejects.toThrow(ConflictError);
  });

  it('pages through the members of a PLP: limit 2 over 5 members gives each exactly once', async () => {
    const plpId = unique('plp');
    const written: string[] = [];
    for (let i = 0; i < 5; i++) written.push((await writeNewMember(plpId)).member.memberId);
    await writeNewMember(unique('plp')); // another PLP's member stays out

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.membershipsOf(plpId, 2, cursor);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((m) => m.memberId));
      expect(page.items.every((m) => m.plpId === plpId && !('PK' in m) && !('GSI1SK' in m))).toBe(true);
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 10);

    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect([...seen].sort()).toEqual([...written].sort());
  });

  it('refuses a tampered cursor with a ValidationError', async () => {
    const plpId = unique('plp');
    const otherPlpId = unique('plp');
    for (let i = 0; i < 3; i++) await writeNewMember(plpId);
    for (let i = 0; i < 3; i++) await writeNewMember(otherPlpId);
    const { cursor } = await store.membershipsOf(otherPlpId, 1);
    const valid = decodeCursor(cursor!);
    expect(Object.keys(valid).sort()).toEqual(['GSI1PK', 'GSI1SK', 'PK', 'SK']);

    const tampered = [
      cursor!, // the other PLP's partition
      encodeCursor({ ...valid, GSI1PK: `PLP#${otherPlpId}-x` }),
      '%%%not base64 at all%%%',
      Buffer.from('{"PK":').toString('base64url'),
      encodeCursor({ ...valid, GSI1PK: `PLP#${plpId}`, extra: 'x' }),
      encodeCursor({ ...valid, GSI1PK: `PLP#${plpId}`, GSI1SK: 7 }),
      encodeCursor([`PLP#${plpId}`]),
      encodeCursor(null),
    ];
    for (const c of tampered) await expect(store.membershipsOf(plpId, 2, c), c).rejects.toThrow(ValidationError);
  });

  it('erases a member with memberships, contacts and tokens', async () => {
    const { m, contacts, memberships } = await writeMemberInTwoPlps([unique('token-hash'), unique('token-hash')]);

    await store.eraseMember(m, memberships, contacts);

    expect(await store.getMember(m.memberId)).toBeUndefined();
    for (const c of contacts) expect(await store.memberIdByContact(c)).toBeUndefined();
    for (const t of m.tokenHashes) expect(await store.memberIdByToken(t)).toBeUndefined();
    for (const ms of memberships) expect((await store.membershipsOf(ms.plpId, 10)).items).toEqual([]);
    const left = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.memberPrefix(m.memberId).PK },
      }),
    );
    expect(left.Items).toEqual([]);
    for (const c of contacts) expect(await rawItem(keys.contact(c))).toBeUndefined();
    for (const t of m.tokenHashes) expect(await rawItem(keys.memberToken(t))).toBeUndefined();
  });
});

describe('dynamoEnrolmentStore: limits and once-only markers (DynamoDB Local)', () => {
  it('allows 3 sends to a contact within an hour and refuses the 4th with a retry delay', async () => {
    const key = unique('contact-hash');
    const now = new Date();
    const decisions = [];
    for (let i = 0; i < 4; i++)
      decisions.push(await store.consumeLimit('contact', key, CONTACT_LIMITS, new Date(now.getTime() + i * 60_000)));

    expect(decisions.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    const refused = decisions[3]!;
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);

    // Once the first send is an hour old, one more is allowed; another key was never limited.
    expect(await store.consumeLimit('contact', key, CONTACT_LIMITS, new Date(now.getTime() + HOUR_MS))).toEqual({
      allowed: true,
    });
    expect(await store.consumeLimit('contact', unique('contact-hash'), CONTACT_LIMITS, now)).toEqual({ allowed: true });
  });

  it('never allows more than 3 of 6 parallel sends to the same contact', async () => {
    const key = unique('contact-hash');
    const now = new Date();
    const decisions = await Promise.all(
      Array.from({ length: 6 }, () => store.consumeLimit('contact', key, CONTACT_LIMITS, now)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(3);
    expect(decisions.filter((d) => !d.allowed)).toHaveLength(3);
    expect((await rawItem(keys.limit('contact', key)))?.sends).toHaveLength(3);
  });

  it('claims once, refuses a second claim, and claims again after a release', async () => {
    const id = unique('message');
    const now = new Date();
    expect(await store.claimOnce('sms-in', id, 3600, now)).toBe(true);
    expect(await store.claimOnce('sms-in', id, 3600, now)).toBe(false);
    expect(await store.claimOnce('welcome', id, 3600, now)).toBe(true);

    await store.releaseOnce('sms-in', id);
    expect(await store.claimOnce('sms-in', id, 3600, now)).toBe(true);
  });

  it('claims again once the earlier claim has expired', async () => {
    const id = unique('message');
    const now = new Date();
    expect(await store.claimOnce('sms-in', id, 60, now)).toBe(true);
    expect(await store.claimOnce('sms-in', id, 60, new Date(now.getTime() + 30_000))).toBe(false);
    expect(await store.claimOnce('sms-in', id, 60, new Date(now.getTime() + 61_000))).toBe(true);
  });
});

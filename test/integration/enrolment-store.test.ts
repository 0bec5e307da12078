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
import { contactHash } from '../../shared/enrolment/context.ts';
import type { Enrolment, Member, Membership } from '../../shared/enrolment/ports.ts';
import { ValidationError } from '../../shared/errors.ts';
import { entities, keys, partitions } from '../../shared/table/keys.ts';
import { partitionQuery } from '../../shared/adapters/dynamodb/table.ts';
import {
  describeEnrolmentStoreContract,
  type EnrolmentStores,
} from '../support/contracts/enrolment-stores.contract.ts';
import { scanAll } from '../support/table.ts';

const endpoint = inject('dynamoEndpoint');
const tableName = `enrolment-store-it-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const doc = documentClient(endpoint);
let tableReady: Promise<void> | undefined;
/** The four adapters on one table of this file (created once, for the contract and the checks below). */
async function dynamoStores(): Promise<EnrolmentStores> {
  await (tableReady ??= ensureTable(endpoint, tableName).then(() => undefined));
  return {
    enrolments: dynamoEnrolmentStore(doc, tableName),
    members: dynamoMemberStore(doc, tableName),
    limits: dynamoLimitStore(doc, tableName),
    once: dynamoOnceStore(doc, tableName),
  };
}

// The behaviour is the contract's (test/support/contracts/enrolment-stores.contract.ts), which the in-memory
// fakes pass too (test/unit/fakes/stores.test.ts). Below: what only makes sense against the table itself.
describeEnrolmentStoreContract('DynamoDB enrolment stores (DynamoDB Local)', dynamoStores);

const run = Math.random().toString(36).slice(2, 8);
let counter = 0;
const unique = (prefix: string) => `${prefix}-${run}-${++counter}`;
const DAY_MS = 86_400_000;
const consent = { textVersion: '2026-11-v1', at: new Date().toISOString(), via: 'web' as const };

function enrolment(over: Partial<Enrolment> = {}): Enrolment {
  const at = new Date().toISOString();
  return {
    enrolmentId: unique('enr'),
    plpId: unique('plp'),
    via: 'web',
    status: 'pending_confirmation',
    language: 'fr',
    channels: ['sms', 'email'],
    consent,
    name: `Marie Dupont ${run}`,
    address: { street: `Rue de la Gare ${run}`, number: '12', postcode: '1082' },
    phone: '+32470123456',
    email: `marie.${run}@example.be`,
    primary: 'phone',
    codes: { phone: { hash: 'ab'.repeat(32), expiresAt: new Date(Date.now() + 900_000).toISOString() } },
    codeAttempts: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...over,
  };
}

const rawItem = async (key: Record<string, string>) =>
  (await doc.send(new GetCommand({ TableName: tableName, Key: key }))).Item;

describe('DynamoDB enrolment stores: what the table holds (DynamoDB Local)', () => {
  let s: EnrolmentStores;
  beforeAll(async () => {
    s = await dynamoStores();
  });

  it('gives an unconfirmed enrolment a TTL a day after it was made, and a pending-approval one none', async () => {
    const old = new Date(Date.now() - 2 * DAY_MS).toISOString();
    const unconfirmed = enrolment({ createdAt: old, updatedAt: old });
    const waiting = enrolment({ status: 'pending_approval' });
    for (const e of [unconfirmed, waiting]) await s.enrolments.createEnrolment(e);

    expect((await rawItem(keys.enrolment(unconfirmed.enrolmentId)))?.expiresAt).toBe(
      Math.floor((Date.parse(old) + DAY_MS) / 1000),
    );
    const raw = await rawItem(keys.enrolment(waiting.enrolmentId));
    expect(raw).toMatchObject({ entity: entities.enrolment, status: 'pending_approval' });
    expect(raw?.expiresAt).toBeUndefined();
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
    expect(await s.enrolments.getEnrolment(e.enrolmentId)).toBeUndefined();
    expect(await s.enrolments.enrolmentsOf(e.plpId, 'pending_approval')).toEqual([]);
  });

  it('holds no contact data in any key, and none at all once the member is erased', async () => {
    const pepper = 'store-it-pepper';
    // Contact data of this test only, so the scans below can look for it in the whole table.
    const e = enrolment({
      name: unique('Marie Dupont'),
      address: { street: unique('Rue Effacée'), number: '9', postcode: '1082' },
      phone: `+3247${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      email: `${unique('marie')}@example.be`,
    });
    await s.enrolments.createEnrolment(e);
    const m: Member = {
      memberId: unique('mem'),
      name: e.name!,
      language: e.language,
      channels: e.channels,
      phone: e.phone!,
      email: e.email!,
      status: 'active',
      tokenHashes: [unique('token-hash')],
      createdAt: e.createdAt,
      updatedAt: e.createdAt,
      version: 1,
    };
    const ms: Membership = {
      memberId: m.memberId,
      plpId: e.plpId,
      enrolmentId: e.enrolmentId,
      address: e.address!,
      consent,
      joinedAt: e.createdAt,
    };
    const contacts = [contactHash(e.phone!, pepper), contactHash(e.email!, pepper)];
    const { name: _n, address: _a, phone: _p, email: _e, codes: _c, ...withoutContact } = e;
    await s.members.writeMember({
      member: m,
      expectedVersion: null,
      putMemberships: [ms],
      addContacts: contacts,
      addTokens: m.tokenHashes,
      enrolment: {
        next: { ...withoutContact, status: 'active', memberId: m.memberId, version: 2 },
        expectedVersion: 1,
      },
    });
    await s.limits.consumeLimit('contact', contacts[0]!, [{ windowSeconds: 60, max: 1 }], new Date());
    await s.once.claimOnce('sms-optout', contacts[0]!, 60, new Date());
    const personal = [e.name!, e.address!.street, e.phone!, e.email!];
    const traces = [m.memberId, e.enrolmentId, ...contacts];
    const mine = (items: Record<string, unknown>[]) =>
      items.filter((i) => traces.some((t) => JSON.stringify(i).includes(t)));

    const before = mine(await scanAll(doc, tableName));
    expect(before.map((i) => i.entity).sort()).toEqual(
      [
        entities.contact,
        entities.contact,
        entities.enrolment,
        entities.limit,
        entities.member,
        entities.memberToken,
        entities.membership,
        entities.once,
      ].sort(),
    );
    for (const item of before) {
      const itemKeys = JSON.stringify([item.PK, item.SK, item.GSI1PK, item.GSI1SK]);
      for (const p of personal) expect(itemKeys, `${item.entity} keys`).not.toContain(p);
    }

    await s.members.eraseMember(m, [ms], contacts);

    const table = await scanAll(doc, tableName);
    const after = mine(table);
    const left = await doc.send(new QueryCommand(partitionQuery(tableName, partitions.member(m.memberId))));
    expect(left.Items).toEqual([]);
    expect(after.map((i) => i.entity).sort()).toEqual([entities.enrolment, entities.limit, entities.once].sort());
    for (const p of personal) expect(JSON.stringify(table)).not.toContain(p);
  });

  it("makes the members' cursor of exactly the table's key attributes, and refuses it edited", async () => {
    const plpId = unique('plp');
    for (let i = 0; i < 3; i++) {
      const memberId = unique('mem');
      await s.members.writeMember({
        member: {
          memberId,
          name: 'Jan',
          language: 'nl',
          channels: [],
          status: 'active',
          tokenHashes: [],
          createdAt: consent.at,
          updatedAt: consent.at,
          version: 1,
        },
        expectedVersion: null,
        putMemberships: [
          {
            memberId,
            plpId,
            enrolmentId: unique('enr'),
            address: { street: 'Kerkstraat', number: '1', postcode: '1082' },
            consent,
            joinedAt: consent.at,
          },
        ],
      });
    }
    const { cursor } = await s.members.membershipsOf(plpId, 1);
    const valid = JSON.parse(Buffer.from(cursor!, 'base64url').toString('utf8'));
    expect(Object.keys(valid).sort()).toEqual(['GSI1PK', 'GSI1SK', 'PK', 'SK']);
    expect(valid.GSI1PK).toBe(`PLP#${plpId}`);
    expect((await s.members.membershipsOf(plpId, 5, cursor)).items).toHaveLength(2);

    const encode = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const edited = [
      encode({ ...valid, GSI1PK: `PLP#${plpId}-x` }),
      encode({ ...valid, extra: 'x' }),
      encode({ ...valid, GSI1SK: 7 }),
      encode({ GSI1PK: valid.GSI1PK, GSI1SK: valid.GSI1SK }),
      // Same PLP, outside its members (an enrolment's sort key): DynamoDB would refuse it with a 500.
      encode({ ...valid, GSI1SK: `ENROLMENT#pending_approval#x` }),
    ];
    for (const c of edited) await expect(s.members.membershipsOf(plpId, 2, c), c).rejects.toThrow(ValidationError);
  });
});

import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../local/dynamodb-local.ts';
import { dynamoAuditStore } from '../../shared/adapters/dynamodb/audit-store.ts';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { type AuditEntry, type AuditInput, hashEntry, verifyChain, verifyTrail } from '../../shared/audit/model.ts';
import type { AuditStore } from '../../shared/audit/ports.ts';
import { entities, keys } from '../../shared/table/keys.ts';
import { describeAuditStoreContract } from '../support/contracts/audit-store.contract.ts';

const endpoint = inject('dynamoEndpoint');
const tableName = `audit-store-it-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const doc = documentClient(endpoint);
let ready: Promise<unknown> | undefined;
const dynamoStore = async (options?: { pageSize?: number }) => {
  await (ready ??= ensureTable(endpoint, tableName));
  return dynamoAuditStore(doc, tableName, options);
};

// The behaviour is the contract's, which the in-memory fake passes too (test/unit/fakes/audit-store.test.ts).
describeAuditStoreContract('dynamoAuditStore (DynamoDB Local)', () => dynamoStore());

const t0 = new Date('2026-11-30T10:00:00.000Z');
const newSubject = () => `report-it-${Math.random().toString(36).slice(2, 10)}`;
const inputs: AuditInput[] = [
  { actor: 'sub:officer-1', action: 'read' },
  { actor: 'sub:officer-1', action: 'decided', changes: { status: { from: 'new', to: 'needs_info' } } },
  { actor: 'member:m-1', action: 'information_added', changes: { informationId: 'inf-1' } },
  { actor: 'sub:officer-1', action: 'decided', changes: { status: { from: 'needs_info', to: 'validated' } } },
  { actor: 'sub:coordinator-1', action: 'read' },
];
/** A subject with the five entries above, appended through the store. */
async function audited(store: AuditStore): Promise<{ subjectId: string; entries: AuditEntry[] }> {
  const subjectId = newSubject();
  const entries: AuditEntry[] = [];
  for (const input of inputs) entries.push(await store.append(subjectId, input, t0));
  return { subjectId, entries };
}

describe('dynamoAuditStore: what the table holds (DynamoDB Local)', () => {
  it('keeps each entry as its own item in the subject’s partition, and the head beside them, without TTL', async () => {
    const store = await dynamoStore();
    const { subjectId, entries } = await audited(store);

    const second = await doc.send(new GetCommand({ TableName: tableName, Key: keys.auditEntry(subjectId, 2) }));
    expect(second.Item).toEqual({ ...keys.auditEntry(subjectId, 2), entity: entities.auditEntry, ...entries[1] });
    expect(keys.auditEntry(subjectId, 2).SK).toBe('SEQ#0000000002');
    const head = await doc.send(new GetCommand({ TableName: tableName, Key: keys.auditHead(subjectId) }));
    expect(head.Item).toEqual({
      ...keys.auditHead(subjectId),
      entity: entities.auditHead,
      subjectId,
      seq: 5,
      hash: entries[4]!.hash,
    });
  });

  it('reads a trail longer than one page, in order', async () => {
    const store = await dynamoStore({ pageSize: 2 });
    const { subjectId, entries } = await audited(store);

    const trail = await store.trailOf(subjectId);
    expect(trail.entries).toEqual(entries);
    expect(verifyTrail(trail)).toEqual({ valid: true });
  });

  it('orders entries by seq beyond 9 (the sort key is zero-padded)', async () => {
    const store = await dynamoStore();
    const subjectId = newSubject();
    for (let i = 0; i < 12; i++) await store.append(subjectId, inputs[0]!, t0);

    const trail = await store.trailOf(subjectId);
    expect(trail.entries.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(verifyTrail(trail)).toEqual({ valid: true });
  });
});

// Issue 17: "a test that alters one audit entry directly in the table and sees the chain fail to verify".
// Each test below writes the table as someone with raw DynamoDB access would, bypassing the store.
describe('an audit trail tampered with directly in the table fails to verify (DynamoDB Local)', () => {
  it('detects an entry’s field changed by a raw UpdateItem, at that entry', async () => {
    const store = await dynamoStore();
    const { subjectId } = await audited(store);
    expect(verifyTrail(await store.trailOf(subjectId))).toEqual({ valid: true });

    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.auditEntry(subjectId, 2),
        UpdateExpression: 'SET #changes.#status.#to = :validated',
        ExpressionAttributeNames: { '#changes': 'changes', '#status': 'status', '#to': 'to' },
        ExpressionAttributeValues: { ':validated': 'validated' },
      }),
    );

    const trail = await store.trailOf(subjectId);
    expect(trail.entries[1]!.changes).toEqual({ status: { from: 'new', to: 'validated' } });
    expect(verifyChain(trail.entries)).toEqual({ valid: false, brokenAt: 2, reason: 'hash' });
    expect(verifyTrail(trail)).toEqual({ valid: false, brokenAt: 2, reason: 'hash' });
  });

  it('detects an entry replaced by a raw PutItem with a recomputed hash, at the next entry', async () => {
    const store = await dynamoStore();
    const { subjectId, entries } = await audited(store);

    const { hash: _, ...forged } = { ...entries[2]!, actor: 'sub:someone-else' };
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.auditEntry(subjectId, 3), entity: entities.auditEntry, ...forged, hash: hashEntry(forged) },
      }),
    );

    expect(verifyTrail(await store.trailOf(subjectId))).toEqual({ valid: false, brokenAt: 4, reason: 'link' });
  });

  it('detects an entry deleted from the middle, at the missing seq', async () => {
    const store = await dynamoStore();
    const { subjectId } = await audited(store);

    await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.auditEntry(subjectId, 3) }));

    expect(verifyTrail(await store.trailOf(subjectId))).toEqual({ valid: false, brokenAt: 3, reason: 'gap' });
  });

  it('detects the last entry deleted through the head, which the chain alone cannot', async () => {
    const store = await dynamoStore();
    const { subjectId } = await audited(store);

    await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.auditEntry(subjectId, 5) }));

    const trail = await store.trailOf(subjectId);
    expect(verifyChain(trail.entries)).toEqual({ valid: true });
    expect(verifyTrail(trail)).toEqual({ valid: false, brokenAt: 5, reason: 'gap' });
  });

  it('detects the head deleted or moved back to hide removed entries', async () => {
    const store = await dynamoStore();
    const { subjectId, entries } = await audited(store);

    await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.auditHead(subjectId) }));
    expect(verifyTrail(await store.trailOf(subjectId))).toEqual({ valid: false, brokenAt: 5, reason: 'head' });

    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.auditHead(subjectId), entity: entities.auditHead, subjectId, seq: 4, hash: entries[4]!.hash },
      }),
    );
    expect(verifyTrail(await store.trailOf(subjectId))).toEqual({ valid: false, brokenAt: 4, reason: 'head' });
  });

  it('keeps appending after the tampering, and the trail still fails to verify', async () => {
    const store = await dynamoStore();
    const { subjectId } = await audited(store);
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.auditEntry(subjectId, 1),
        UpdateExpression: 'SET actor = :actor',
        ExpressionAttributeValues: { ':actor': 'sub:someone-else' },
      }),
    );

    const sixth = await store.append(subjectId, inputs[0]!, t0);

    expect(sixth.seq).toBe(6);
    expect(verifyTrail(await store.trailOf(subjectId))).toEqual({ valid: false, brokenAt: 1, reason: 'hash' });
  });
});

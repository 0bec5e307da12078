import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../local/dynamodb-local.ts';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoSmsBudgetStore } from '../../shared/adapters/dynamodb/sms-budget-store.ts';
import { entities, keys } from '../../shared/table/keys.ts';
import { describeSmsBudgetStoreContract } from '../support/contracts/sms-budget-store.contract.ts';

const endpoint = inject('dynamoEndpoint');
const tableName = `sms-budget-it-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const doc = documentClient(endpoint);
let ready: Promise<unknown> | undefined;
const dynamoStore = async () => {
  await (ready ??= ensureTable(endpoint, tableName));
  return dynamoSmsBudgetStore(doc, tableName);
};

// The behaviour is the contract's, which the in-memory fake passes too (test/unit/fakes/stores.test.ts).
describeSmsBudgetStoreContract('dynamoSmsBudgetStore (DynamoDB Local)', dynamoStore);

describe('dynamoSmsBudgetStore: what the table holds (DynamoDB Local)', () => {
  it('keeps one counter item per PLP and month in the PLP’s partition, with its entity and no TTL', async () => {
    const store = await dynamoStore();
    const plpId = `plp-item-${Math.random().toString(36).slice(2, 8)}`;
    await store.chargeSms({ plpId, month: '2026-11', segments: 2, costMicroEur: 160_000 }, 1_000_000);

    const item = (await doc.send(new GetCommand({ TableName: tableName, Key: keys.smsSpend(plpId, '2026-11') }))).Item;
    expect(item).toEqual({
      ...keys.smsSpend(plpId, '2026-11'),
      entity: entities.smsSpend,
      plpId,
      month: '2026-11',
      spentMicroEur: 160_000,
      segments: 2,
      messages: 1,
    });
  });
});

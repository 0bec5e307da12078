import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../local/dynamodb-local.ts';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoReportStore } from '../../shared/adapters/dynamodb/report-store.ts';
import { entities, keys } from '../../shared/table/keys.ts';
import { describeReportStoreContract } from '../support/contracts/report-store.contract.ts';

const endpoint = inject('dynamoEndpoint');
const tableName = `reports-it-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const doc = documentClient(endpoint);
let ready: Promise<unknown> | undefined;
const dynamoStore = async () => {
  await (ready ??= ensureTable(endpoint, tableName));
  return dynamoReportStore(doc, tableName);
};

// The behaviour is the contract's, which the in-memory fake passes too (test/unit/fakes/stores.test.ts).
describeReportStoreContract('dynamoReportStore (DynamoDB Local)', dynamoStore);

describe('dynamoReportStore: what the table holds (DynamoDB Local)', () => {
  it("keeps the report under its id, indexed under its PLP by status, and an entry with the id only in the member's list", async () => {
    const store = await dynamoStore();
    const reportId = ulid();
    const memberId = ulid();
    const plpId = ulid();
    await store.createReport({
      reportId,
      reference: '21003-2026-000042',
      plpId,
      communeNis: '21003',
      memberId,
      via: 'web',
      category: 'burglary',
      description: 'Broken window at the back',
      observedAt: '2026-11-29T17:00:00.000Z',
      location: { street: 'Rue de la Gare', postcode: '1082' },
      status: 'submitted',
      language: 'nl',
      createdAt: '2026-11-29T17:05:00.000Z',
      feedbackDueAt: '2026-12-02T17:05:00.000Z',
      version: 1,
    });
    const item = (await doc.send(new GetCommand({ TableName: tableName, Key: keys.report(reportId) }))).Item;
    expect(item).toMatchObject({ ...keys.reportByPlp(plpId, 'submitted', reportId), entity: entities.report });
    const entry = (await doc.send(new GetCommand({ TableName: tableName, Key: keys.memberReport(memberId, reportId) })))
      .Item;
    expect(entry).toEqual({ ...keys.memberReport(memberId, reportId), entity: entities.memberReport, reportId });
  });
});

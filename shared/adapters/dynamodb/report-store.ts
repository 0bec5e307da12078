import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../errors.ts';
import type { Report, ReportStore } from '../../reports/ports.ts';
import { entities, keys, partitions } from '../../table/keys.ts';
import { batchGetAll, isConditionFailure, queryAll } from './client.ts';
import { entity, exists, notExists, partitionQuery, stripKeys } from './table.ts';

/** Newest first: report ids are ULIDs, so their order is their creation order. */
const newestFirst = (a: Report, b: Report) => (a.reportId < b.reportId ? 1 : a.reportId > b.reportId ? -1 : 0);

/**
 * Reports on the single table (access patterns 20–23 in shared/table/keys.ts): the report item (GSI1 under its
 * PLP by status), an entry per report in the reporter's own partition, and a counter per commune and year that
 * an UpdateItem ADD moves on atomically (DynamoDB applies the updates of one item one after the other, so two
 * reports never get the same sequence).
 */
export function dynamoReportStore(doc: DynamoDBDocumentClient, tableName: string): ReportStore {
  const reportItem = (r: Report) => ({
    ...keys.report(r.reportId),
    ...keys.reportByPlp(r.plpId, r.status, r.reportId),
    ...entity(entities.report),
    ...r,
  });
  const [[entityName, entityValue]] = Object.entries(entity(entities.reportCounter)) as [[string, string]];
  return {
    async nextSequence(communeNis, year) {
      const res = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.reportCounter(communeNis, year),
          UpdateExpression: 'SET #entity = :entity ADD #seq :one',
          ExpressionAttributeNames: { '#entity': entityName, '#seq': 'seq' },
          ExpressionAttributeValues: { ':entity': entityValue, ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return res.Attributes?.seq as number;
    },

    async createReport(r) {
      const items: Record<string, unknown>[] = [reportItem(r)];
      if (r.memberId !== undefined)
        items.push({
          ...keys.memberReport(r.memberId, r.reportId),
          ...entity(entities.memberReport),
          reportId: r.reportId,
        });
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: items.map((Item) => ({
              Put: { TableName: tableName, Item, ConditionExpression: notExists },
            })),
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new ConflictError('The report exists already');
        throw error;
      }
    },

    async getReport(reportId) {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: keys.report(reportId) }));
      return res.Item ? stripKeys<Report>(res.Item) : undefined;
    },

    async reportsOfMember(memberId) {
      const entries = await queryAll(doc, partitionQuery(tableName, partitions.reportsOfMember(memberId)));
      const ids = entries.map((e) => e.reportId as string);
      const reports = await batchGetAll<Report>(
        doc,
        tableName,
        ids.map((id) => keys.report(id)),
      );
      return reports.sort(newestFirst);
    },

    async reportsOfPlp(plpId, status) {
      const items = await queryAll(doc, {
        ...partitionQuery(tableName, partitions.reportsOfPlp(plpId, status)),
        ScanIndexForward: false,
      });
      return items.map((i) => stripKeys<Report>(i));
    },

    async forgetReporter(memberId) {
      const entries = await queryAll(doc, partitionQuery(tableName, partitions.reportsOfMember(memberId)));
      for (const e of entries) {
        try {
          await doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: keys.report(e.reportId as string),
              UpdateExpression: 'REMOVE memberId',
              ConditionExpression: exists,
            }),
          );
        } catch (error) {
          if (!isConditionFailure(error)) throw error; // the report is gone: nothing to forget
        }
        await doc.send(
          new DeleteCommand({ TableName: tableName, Key: keys.memberReport(memberId, e.reportId as string) }),
        );
      }
      return entries.length;
    },
  };
}

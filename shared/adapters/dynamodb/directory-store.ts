import { communeExistsProblem, plpCodeTakenProblem } from '../../directory/problems.ts';
import { conflictProblem } from '../../i18n/problems.ts';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Commune, Plp } from '../../directory/model.ts';
import type { DirectoryStore, PlpHistoryEntry } from '../../directory/ports.ts';
import { ConflictError } from '../../errors.ts';
import type { Role } from '../../directory/identity.ts';
import { entities, keys, partitions } from '../../table/keys.ts';
import { batchGetAll, chunk, isConditionFailure, isTransactionConflict, queryAll } from './client.ts';
import { entity, exists, notExists, partitionQuery, stripKeys } from './table.ts';

/** What the enrolment functions read of the directory: PLPs by id and code, a caller's assignments. */
export type DirectoryReader = Pick<DirectoryStore, 'getPlp' | 'getPlps' | 'plpIdByCode' | 'assignmentsOf'>;

/**
 * The reads of the directory on their own, so that a function that only reads PLPs does not bundle the
 * directory's writes and listings (access patterns 2, 3 and 6 of shared/table/keys.ts).
 */
export function dynamoDirectoryReader(doc: DynamoDBDocumentClient, tableName: string): DirectoryReader {
  return {
    async getPlp(plpId) {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: keys.plp(plpId) }));
      return res.Item ? stripKeys<Plp>(res.Item) : undefined;
    },

    async plpIdByCode(code) {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: keys.plpCode(code) }));
      return res.Item?.plpId as string | undefined;
    },

    getPlps: (plpIds) =>
      batchGetAll<Plp>(
        doc,
        tableName,
        plpIds.map((id) => keys.plp(id)),
      ),

    async assignmentsOf(principals) {
      const pages = await Promise.all(
        principals.map((p) => queryAll(doc, partitionQuery(tableName, partitions.assignmentsOf(p)))),
      );
      return pages.flat().map((i) => ({ role: i.role as Role, scopeId: i.scopeId as string }));
    },
  };
}

/** DirectoryStore on the single table (access patterns in shared/table/keys.ts). */
export function dynamoDirectoryStore(doc: DynamoDBDocumentClient, tableName: string): DirectoryStore {
  const assignmentItem = (principal: string, role: Role, scopeId: string) => ({
    Put: {
      TableName: tableName,
      Item: {
        ...keys.assignment(principal, role, scopeId),
        ...keys.assignmentByScope(scopeId, role, principal),
        ...entity(entities.assignment),
        principal,
        role,
        scopeId,
      },
    },
  });

  const batchGet = <T>(keyList: Record<string, string>[]) => batchGetAll<T>(doc, tableName, keyList);

  /**
   * Up to `limit` items of a query, reading on while a filter leaves a page short. `more` when the last read
   * stopped early (the caller continues after the last item it got, so no item is skipped or repeated).
   */
  const page = async (input: QueryCommandInput, limit: number) => {
    const items: Record<string, unknown>[] = [];
    let start = input.ExclusiveStartKey;
    do {
      const res = await doc.send(new QueryCommand({ ...input, Limit: limit - items.length, ExclusiveStartKey: start }));
      items.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start && items.length < limit);
    return { items, more: !!start };
  };

  return {
    ...dynamoDirectoryReader(doc, tableName),

    async createCommune(commune: Commune, admins: string[]) {
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...keys.commune(commune.nis),
                    ...keys.communeInList(commune.nis),
                    ...entity(entities.commune),
                    ...commune,
                  },
                  ConditionExpression: notExists,
                },
              },
              ...admins.map((a) => assignmentItem(a, 'commune_admin', commune.nis)),
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new ConflictError(communeExistsProblem, { vars: { nis: commune.nis } });
        throw error;
      }
    },

    async getCommune(nis) {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: keys.commune(nis) }));
      return res.Item ? stripKeys<Commune>(res.Item) : undefined;
    },

    async createPlp(plp, assignments) {
      const items = [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.plp(plp.plpId),
              ...keys.plpByCommune(plp.communeNis, plp.plpId),
              ...entity(entities.plp),
              ...plp,
            },
            ConditionExpression: notExists,
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.plpCode(plp.code), ...entity(entities.plpCode), plpId: plp.plpId },
            ConditionExpression: notExists,
          },
        },
        ...plp.zone.postcodes.map((pc) => ({
          Put: {
            TableName: tableName,
            Item: {
              ...keys.postcodePlp(pc, plp.plpId),
              ...entity(entities.postcodePlp),
              plpId: plp.plpId,
              postcode: pc,
            },
          },
        })),
        ...assignments.map((a) => assignmentItem(a.principal, a.role, plp.plpId)),
      ];
      // 100 items is DynamoDB's transaction limit; the zone and assignment limits of CreatePlpInput keep under it.
      try {
        await doc.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (error) {
        if (isConditionFailure(error)) throw new ConflictError(plpCodeTakenProblem, { vars: { code: plp.code } });
        throw error;
      }
    },

    async updatePlpStatus(plpId, from, patch) {
      try {
        const res = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.plp(plpId),
            UpdateExpression:
              'SET #status = :to, updatedAt = :at' + (patch.charterReference ? ', charterReference = :ref' : ''),
            ConditionExpression: `${exists} AND #status = :from`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':to': patch.status,
              ':at': patch.updatedAt,
              ':from': from,
              ...(patch.charterReference ? { ':ref': patch.charterReference } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return stripKeys<Plp>(res.Attributes ?? {});
      } catch (error) {
        if (isConditionFailure(error)) throw new ConflictError(conflictProblem);
        throw error;
      }
    },

    async plpIdsByPostcode(postcode) {
      const items = await queryAll(doc, partitionQuery(tableName, partitions.postcode(postcode)));
      return items.map((i) => i.plpId as string);
    },

    getCommunes: (nis) => batchGet<Commune>(nis.map((n) => keys.commune(n))),

    async bindAssignments(from, to) {
      const held = (await queryAll(doc, partitionQuery(tableName, partitions.assignmentsOf(from)))).map((i) => ({
        role: i.role as Role,
        scopeId: i.scopeId as string,
      }));
      // 50 moves (a put and a delete each) fill one transaction. Puts overwrite the same item and deletes of a
      // gone item succeed, so a bind racing another ends in the same state; a conflict is tried again.
      for (const batch of chunk(held, 50)) {
        const items = batch.flatMap((a) => [
          assignmentItem(to, a.role, a.scopeId),
          { Delete: { TableName: tableName, Key: keys.assignment(from, a.role, a.scopeId) } },
        ]);
        for (let attempt = 1; ; attempt++) {
          try {
            await doc.send(new TransactWriteCommand({ TransactItems: items }));
            break;
          } catch (error) {
            if (!isTransactionConflict(error) || attempt >= 5) throw error;
            await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
          }
        }
      }
      return held;
    },

    async appendHistory(plpId, entry) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.plpHistory(plpId, entry.eventId), ...entity(entities.plpHistory), ...entry },
            ConditionExpression: notExists,
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error; // a redelivered event: already recorded
      }
    },

    async listHistory(plpId) {
      const items = await queryAll(doc, partitionQuery(tableName, partitions.plpHistory(plpId)));
      return items.map((i) => stripKeys<PlpHistoryEntry>(i));
    },

    async listCommunes({ limit, after }) {
      const res = await page(
        {
          ...partitionQuery(tableName, partitions.communes()),
          ...(after ? { ExclusiveStartKey: { ...keys.commune(after), ...keys.communeInList(after) } } : {}),
        },
        limit,
      );
      return { items: res.items.map((i) => stripKeys<Commune>(i)), more: res.more };
    },

    async plpsOfCommune(nis, { limit, after, status }) {
      const query = partitionQuery(tableName, partitions.plpsOfCommune(nis));
      const res = await page(
        {
          ...query,
          ScanIndexForward: false,
          ...(after ? { ExclusiveStartKey: { ...keys.plp(after), ...keys.plpByCommune(nis, after) } } : {}),
          ...(status
            ? {
                FilterExpression: '#status = :status',
                ExpressionAttributeNames: { ...query.ExpressionAttributeNames, '#status': 'status' },
                ExpressionAttributeValues: { ...query.ExpressionAttributeValues, ':status': status },
              }
            : {}),
        },
        limit,
      );
      return { items: res.items.map((i) => stripKeys<Plp>(i)), more: res.more };
    },
  };
}

import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, ValidationError } from '../../errors.ts';
import { invalidPageTokenField, invalidPageTokenProblem } from '../../i18n/problems.ts';
import {
  checkLimit,
  type LimitDecision,
  longestWindowSeconds,
  secondsToFull,
  takeToken,
} from '../../enrolment/limits.ts';
import type {
  Enrolment,
  EnrolmentStore,
  LimitStore,
  Member,
  MemberStore,
  Membership,
  OnceStore,
} from '../../enrolment/ports.ts';
import { enrolmentRetainedUntil } from '../../enrolment/retention.ts';
import { tableDefinition } from '../../table/definition.ts';
import { entities, keys, type Partition, partitions } from '../../table/keys.ts';
import { batchGetAll, isConditionFailure, queryAll } from './client.ts';
import {
  entity,
  entityOf,
  exists,
  expiresAt,
  isExpired,
  notExists,
  notExistsOrExpired,
  pageKeyAttributes,
  partitionQuery,
  sortKeyOf,
  stripKeys,
} from './table.ts';

/** Item shapes and guarded writes shared by the stores below. */
function table(doc: DynamoDBDocumentClient, tableName: string) {
  const enrolmentItem = (e: Enrolment) => {
    const until = enrolmentRetainedUntil(e);
    return {
      ...keys.enrolment(e.enrolmentId),
      ...keys.enrolmentByPlp(e.plpId, e.status, e.createdAt, e.enrolmentId),
      ...entity(entities.enrolment),
      ...e,
      ...(until ? expiresAt(until) : {}),
    };
  };
  const memberItem = (m: Member) => ({ ...keys.member(m.memberId), ...entity(entities.member), ...m });
  const membershipItem = (m: Membership) => ({
    ...keys.membership(m.memberId, m.plpId),
    ...keys.membershipByPlp(m.plpId, m.memberId),
    ...entity(entities.membership),
    ...m,
  });
  const get = async (key: Record<string, string>) => {
    const res = await doc.send(new GetCommand({ TableName: tableName, Key: key }));
    return res.Item && !isExpired(res.Item) ? res.Item : undefined;
  };
  const conflict = async (what: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError(what);
      throw error;
    }
  };
  return { enrolmentItem, memberItem, membershipItem, get, conflict };
}

/** Enrolments on the single table (access patterns 9 and 10 in shared/table/keys.ts). */
export function dynamoEnrolmentStore(doc: DynamoDBDocumentClient, tableName: string): EnrolmentStore {
  const { enrolmentItem, get, conflict } = table(doc, tableName);
  return {
    async createEnrolment(e, unique) {
      if (!unique) {
        await conflict('The enrolment exists already', () =>
          doc.send(new PutCommand({ TableName: tableName, Item: enrolmentItem(e), ConditionExpression: notExists })),
        );
        return;
      }
      const guard = {
        ...keys.pendingEnrolment(unique.guardHash),
        ...entity(entities.pendingEnrolment),
        enrolmentId: e.enrolmentId,
        ...expiresAt(unique.until),
      };
      await conflict('An enrolment for this contact is waiting for its code', () =>
        doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: tableName, Item: enrolmentItem(e), ConditionExpression: notExists } },
              {
                Put: {
                  TableName: tableName,
                  Item: guard,
                  ConditionExpression: unique.replaces
                    ? `${notExistsOrExpired} OR enrolmentId = :settled`
                    : notExistsOrExpired,
                  ExpressionAttributeValues: {
                    ':now': Math.floor(Date.parse(e.createdAt) / 1000),
                    ...(unique.replaces ? { ':settled': unique.replaces } : {}),
                  },
                },
              },
            ],
          }),
        ),
      );
    },

    async pendingEnrolmentFor(guardHash, now) {
      const res = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.pendingEnrolment(guardHash), ConsistentRead: true }),
      );
      return res.Item && !isExpired(res.Item, now.getTime()) ? (res.Item.enrolmentId as string) : undefined;
    },

    async getEnrolment(enrolmentId) {
      const item = await get(keys.enrolment(enrolmentId));
      return item ? stripKeys<Enrolment>(item) : undefined;
    },

    async updateEnrolment(next, expectedVersion) {
      await conflict('The enrolment changed meanwhile; try again', () =>
        doc.send(
          new PutCommand({
            TableName: tableName,
            Item: enrolmentItem(next),
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': expectedVersion },
          }),
        ),
      );
    },

    async enrolmentsOf(plpId, status) {
      const items = await queryAll(doc, partitionQuery(tableName, partitions.enrolmentsOfPlp(plpId, status)));
      return items.filter((i) => !isExpired(i)).map((i) => stripKeys<Enrolment>(i));
    },

    async countCodeAttempt(enrolmentId, max) {
      try {
        const res = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.enrolment(enrolmentId),
            UpdateExpression: 'SET codeAttempts = codeAttempts + :one',
            ConditionExpression: `${exists} AND attribute_exists(codes) AND codeAttempts < :max AND #status IN (:confirming, :approving)`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':max': max,
              ':confirming': 'pending_confirmation',
              ':approving': 'pending_approval',
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return res.Attributes ? stripKeys<Enrolment>(res.Attributes) : undefined;
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    async discardEnrolment(enrolmentId, guardHash) {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.enrolment(enrolmentId) }));
      if (guardHash === undefined) return;
      try {
        await doc.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keys.pendingEnrolment(guardHash),
            ConditionExpression: 'enrolmentId = :id',
            ExpressionAttributeValues: { ':id': enrolmentId },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error; // the guard went to another enrolment meanwhile
      }
    },
  };
}

/** Members, memberships, contacts and member tokens (access patterns 11–14). */
export function dynamoMemberStore(doc: DynamoDBDocumentClient, tableName: string): MemberStore {
  const { enrolmentItem, memberItem, membershipItem, get, conflict } = table(doc, tableName);
  return {
    async memberIdByContact(contactHash) {
      return (await get(keys.contact(contactHash)))?.memberId as string | undefined;
    },

    async memberIdByToken(tokenHash) {
      return (await get(keys.memberToken(tokenHash)))?.memberId as string | undefined;
    },

    async getMember(memberId) {
      const items = await queryAll(doc, partitionQuery(tableName, partitions.member(memberId)));
      const memberRow = items.find((i) => sortKeyOf(i) === sortKeyOf(keys.member(memberId)));
      if (!memberRow) return undefined;
      return {
        member: stripKeys<Member>(memberRow),
        memberships: items.filter((i) => entityOf(i) === entities.membership).map((i) => stripKeys<Membership>(i)),
      };
    },

    async getMembers(memberIds) {
      return batchGetAll<Member>(doc, tableName, [...new Set(memberIds)].map(keys.member));
    },

    async membershipsOf(plpId, limit, cursor) {
      const partition = partitions.membershipsOfPlp(plpId);
      const res = await doc.send(
        new QueryCommand({
          ...partitionQuery(tableName, partition),
          Limit: limit,
          ExclusiveStartKey: cursor ? decodeCursor(cursor, partition) : undefined,
        }),
      );
      return {
        items: (res.Items ?? []).map((i) => stripKeys<Membership>(i)),
        ...(res.LastEvaluatedKey ? { cursor: encodeCursor(res.LastEvaluatedKey) } : {}),
      };
    },

    async writeMember(change) {
      const { member } = change;
      const m = member.memberId;
      const items = [
        {
          Put: {
            TableName: tableName,
            Item: memberItem(member),
            ...(change.expectedVersion === null
              ? { ConditionExpression: notExists }
              : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': change.expectedVersion } }),
          },
        },
        ...(change.putMemberships ?? []).map((ms) => ({ Put: { TableName: tableName, Item: membershipItem(ms) } })),
        ...(change.deleteMemberships ?? []).map((plpId) => ({
          Delete: { TableName: tableName, Key: keys.membership(m, plpId) },
        })),
        ...(change.addContacts ?? []).map((h) => ({
          Put: {
            TableName: tableName,
            Item: { ...keys.contact(h), ...entity(entities.contact), memberId: m },
            ConditionExpression: 'attribute_not_exists(PK) OR memberId = :m',
            ExpressionAttributeValues: { ':m': m },
          },
        })),
        ...(change.removeContacts ?? []).map((h) => ({ Delete: { TableName: tableName, Key: keys.contact(h) } })),
        ...(change.addTokens ?? []).map((h) => ({
          Put: {
            TableName: tableName,
            Item: { ...keys.memberToken(h), ...entity(entities.memberToken), memberId: m },
            ConditionExpression: notExists,
          },
        })),
        ...(change.removeTokens ?? []).map((h) => ({ Delete: { TableName: tableName, Key: keys.memberToken(h) } })),
        ...(change.enrolment
          ? [
              {
                Put: {
                  TableName: tableName,
                  Item: enrolmentItem(change.enrolment.next),
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: { ':v': change.enrolment.expectedVersion },
                },
              },
            ]
          : []),
      ];
      await conflict('The member changed meanwhile; try again', () =>
        doc.send(new TransactWriteCommand({ TransactItems: items })),
      );
    },

    async eraseMember(member, memberships, contactHashes) {
      const m = member.memberId;
      const deletes = [
        keys.member(m),
        ...memberships.map((ms) => keys.membership(m, ms.plpId)),
        ...contactHashes.map(keys.contact),
        ...member.tokenHashes.map(keys.memberToken),
      ].map((Key) => ({ Delete: { TableName: tableName, Key } }));
      await doc.send(new TransactWriteCommand({ TransactItems: deletes }));
    },

    async countContactCodeAttempt(memberId, max) {
      return countAttempt<Member>(doc, tableName, keys.member(memberId), ['pendingContact', 'code'], max);
    },
  };
}

/**
 * Adds one to `<path>.attempts` of an item, only while it is below `max` (and, for an enrolment, while it
 * waits for confirmation): one atomic UpdateItem, so parallel requests never get more than `max` attempts.
 * The item as updated, or undefined when the condition failed.
 */
async function countAttempt<T>(
  doc: DynamoDBDocumentClient,
  tableName: string,
  key: Record<string, string>,
  path: string[],
  max: number,
): Promise<T | undefined> {
  const names = Object.fromEntries(path.map((p, i) => [`#p${i}`, p]));
  const attempts = `${path.map((_p, i) => `#p${i}`).join('.')}.#attempts`;
  try {
    const res = await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: `SET ${attempts} = ${attempts} + :one`,
        ConditionExpression: `${exists} AND ${attempts} < :max`,
        ExpressionAttributeNames: { ...names, '#attempts': 'attempts' },
        ExpressionAttributeValues: { ':one': 1, ':max': max },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return res.Attributes ? stripKeys<T>(res.Attributes) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** How often a send counted at the same moment as others reads and decides again before it is refused. */
const MAX_LIMIT_ATTEMPTS = 10;

/** Per-contact and per-client send counts (access pattern 15). */
export function dynamoLimitStore(doc: DynamoDBDocumentClient, tableName: string): LimitStore {
  /**
   * Reads the key's item, decides, and writes the new state only if nobody wrote it meanwhile (a revision
   * number); a lost race reads and decides again after a short random pause, and a request that keeps losing
   * is refused for a second, never failed.
   */
  const decideAndWrite = async (
    key: Record<string, string>,
    decide: (item: Record<string, unknown> | undefined) => {
      decision: LimitDecision;
      write?: Record<string, unknown>;
      until?: Date;
    },
  ): Promise<LimitDecision> => {
    for (let attempt = 0; ; attempt++) {
      const res = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
      const { decision, write, until } = decide(res.Item);
      if (!decision.allowed || !write) return decision;
      const previous = res.Item?.rev as number | undefined;
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...key,
              ...entity(entities.limit),
              ...write,
              rev: (previous ?? 0) + 1,
              ...(until ? expiresAt(until) : {}),
            },
            ...(previous === undefined
              ? { ConditionExpression: notExists }
              : { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': previous } }),
          }),
        );
        return decision;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if (attempt >= MAX_LIMIT_ATTEMPTS - 1) return { allowed: false, retryAfterSeconds: 1 };
        await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
      }
    }
  };

  return {
    async consumeLimit(kind, keyHash, rules, now) {
      const keepMs = longestWindowSeconds(rules) * 1000;
      return decideAndWrite(keys.limit(kind, keyHash), (item) => {
        const times = ((item?.sends as number[] | undefined) ?? []).filter((t) => now.getTime() - t < keepMs);
        return {
          decision: checkLimit(times, now.getTime(), rules),
          write: { sends: [...times, now.getTime()] },
          until: new Date(now.getTime() + keepMs),
        };
      });
    },

    async refundLimit(kind, keyHash, at) {
      await decideAndWrite(keys.limit(kind, keyHash), (item) => {
        const times = (item?.sends as number[] | undefined) ?? [];
        const i = times.indexOf(at.getTime());
        if (i < 0) return { decision: { allowed: true } };
        return {
          decision: { allowed: true },
          write: { sends: times.toSpliced(i, 1) },
          until: new Date((item?.[tableDefinition.ttlAttribute] as number) * 1000),
        };
      });
    },

    async takeToken(kind, keyHash, bucket, now) {
      return decideAndWrite(keys.limit(kind, keyHash), (item) => {
        const state =
          item && typeof item.tokens === 'number' ? { tokens: item.tokens, at: item.at as number } : undefined;
        const { decision, next } = takeToken(state, bucket, now.getTime());
        return {
          decision,
          write: { tokens: next.tokens, at: next.at },
          until: new Date(now.getTime() + secondsToFull(next.tokens, bucket) * 1000),
        };
      });
    },
  };
}

/** Once-only markers (access pattern 16). */
export function dynamoOnceStore(doc: DynamoDBDocumentClient, tableName: string): OnceStore {
  return {
    async claimOnce(scope, id, ttlSeconds, now) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.once(scope, id),
              ...entity(entities.once),
              ...expiresAt(new Date(now.getTime() + ttlSeconds * 1000)),
            },
            ConditionExpression: notExistsOrExpired,
            ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async isClaimed(scope, id, now) {
      const res = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.once(scope, id), ConsistentRead: true }),
      );
      return res.Item !== undefined && !isExpired(res.Item, now.getTime());
    },

    async releaseOnce(scope, id) {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: keys.once(scope, id) }));
    },
  };
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * A cursor from a client: only the key attributes of the same partition, within its sort-key prefix, are
 * accepted (an edited cursor is a 400, never a DynamoDB error).
 */
function decodeCursor(cursor: string, partition: Partition): Record<string, string> {
  const invalid = new ValidationError(invalidPageTokenProblem, [{ path: 'query.cursor', kind: invalidPageTokenField }]);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const names = pageKeyAttributes(partition);
  if (typeof key !== 'object' || key === null) throw invalid;
  const entries = Object.entries(key);
  if (entries.length !== names.length || entries.some(([k, v]) => !names.includes(k) || typeof v !== 'string'))
    throw invalid;
  const [pkName, skName] = names.slice(-2) as [string, string];
  const k = key as Record<string, string>;
  if (k[pkName] !== partition.pk || !(k[skName] ?? '').startsWith(partition.skPrefix ?? '')) throw invalid;
  return k;
}

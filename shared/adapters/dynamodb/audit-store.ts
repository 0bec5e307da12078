import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, type AuditHead, nextEntry } from '../../audit/model.ts';
import { AuditContentionError, type AuditStore } from '../../audit/ports.ts';
import { entities, keys, partitions } from '../../table/keys.ts';
import { isConditionFailure, isTransactionConflict, queryAll } from './client.ts';
import { entity, notExists, partitionQuery, sortKeyOf } from './table.ts';

/** Appends to one subject that lose to concurrent ones are retried this many times in all. */
const MAX_ATTEMPTS = 50;

/**
 * Audit trails on the single table (access pattern 24, shared/table/keys.ts): each entry is an item
 * `AUDIT#<subjectId>` / `SEQ#<seq>`, and the trail's head (last seq and hash) the item `AUDIT#<subjectId>` /
 * `HEAD` of the same partition. An append is one transaction: a Put of the new entry on condition that no
 * item holds its key (attribute_not_exists), and a Put of the head on condition that it still names the
 * previous seq (or does not exist, for the first entry). Of two appends at once, one commits; the other's
 * condition fails (or DynamoDB cancels it as conflicting), and it reads the head again and retries, so seqs
 * are never shared nor skipped. The SDK gives each TransactWriteItems call a ClientRequestToken and keeps it
 * across its own retries, so a retried request that had committed does not append twice.
 *
 * Append-only: this adapter issues no UpdateItem and no DeleteItem; the head is replaced by Put. Reading is
 * one Query of the partition (strongly consistent): the head comes first (`HEAD` sorts before `SEQ#`), then
 * the entries in seq order, page after page. Only the entry's own fields are read back, so an attribute
 * added to an item by hand is neither hashed nor shown.
 */
export function dynamoAuditStore(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: { pageSize?: number } = {},
): AuditStore {
  const readHead = async (subjectId: string): Promise<AuditHead | undefined> => {
    const res = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.auditHead(subjectId), ConsistentRead: true }),
    );
    return res.Item ? { seq: res.Item.seq as number, hash: res.Item.hash as string } : undefined;
  };

  return {
    async append(subjectId, input, now) {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const head = await readHead(subjectId);
        const entry = nextEntry(subjectId, head, input, now);
        try {
          await doc.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tableName,
                    Item: { ...keys.auditEntry(subjectId, entry.seq), ...entity(entities.auditEntry), ...entry },
                    ConditionExpression: notExists,
                  },
                },
                {
                  Put: {
                    TableName: tableName,
                    Item: {
                      ...keys.auditHead(subjectId),
                      ...entity(entities.auditHead),
                      subjectId,
                      seq: entry.seq,
                      hash: entry.hash,
                    },
                    ...(head
                      ? {
                          ConditionExpression: '#seq = :previous',
                          ExpressionAttributeNames: { '#seq': 'seq' },
                          ExpressionAttributeValues: { ':previous': head.seq },
                        }
                      : { ConditionExpression: notExists }),
                  },
                },
              ],
            }),
          );
          return entry;
        } catch (error) {
          if (!isConditionFailure(error) && !isTransactionConflict(error)) throw error;
          // Another append took this seq: wait a little (more after each loss) and read the new head.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(5 * attempt, 50)));
        }
      }
      throw new AuditContentionError(`audit append to ${subjectId} lost ${MAX_ATTEMPTS} times to concurrent appends`);
    },

    async trailOf(subjectId) {
      const items = await queryAll(doc, {
        ...partitionQuery(tableName, partitions.auditTrail(subjectId)),
        ConsistentRead: true,
        ...(options.pageSize ? { Limit: options.pageSize } : {}),
      });
      // By sort key, not entity: an item whose entity attribute was changed by hand still shows up.
      const headKey = keys.auditHead(subjectId);
      const isHead = (i: Record<string, unknown>) => sortKeyOf(i) === sortKeyOf(headKey);
      const headItem = items.find(isHead);
      return {
        head: headItem ? { seq: headItem.seq as number, hash: headItem.hash as string } : undefined,
        entries: items.filter((i) => !isHead(i)).map(toEntry),
      };
    },
  };
}

/** The entry's own fields, and nothing else an item may have been given. */
function toEntry(item: Record<string, unknown>): AuditEntry {
  const { subjectId, seq, actor, action, at, changes, prevHash, hash } = item as AuditEntry;
  return { subjectId, seq, actor, action, at, changes, prevHash, hash };
}

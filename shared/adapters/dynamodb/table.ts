import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { tableAttributes, tableDefinition } from '../../table/definition.ts';
import type { Partition } from '../../table/keys.ts';

/**
 * The table's own attribute and index names, for the adapters' expressions and items (read from
 * shared/table/definition.ts, never typed again).
 */
const { partitionKey, sortKey, ttlAttribute, entityAttribute, globalSecondaryIndexes } = tableDefinition;

export const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** The entity attribute of an item. */
export const entity = (name: string) => ({ [entityAttribute]: name }) as Record<typeof entityAttribute, string>;

/** The TTL attribute of an item that expires at `at`. */
export const expiresAt = (at: Date) => ({ [ttlAttribute]: epochSeconds(at) }) as Record<typeof ttlAttribute, number>;

/** TTL deletion lags; an item past its expiry is treated as gone. */
export const isExpired = (item: Record<string, unknown>, now = Date.now()) =>
  typeof item[ttlAttribute] === 'number' && (item[ttlAttribute] as number) * 1000 <= now;

export const entityOf = (item: Record<string, unknown>) => item[entityAttribute];
export const sortKeyOf = (item: Record<string, unknown>) => item[sortKey];

/** Condition: the item exists. */
export const exists = `attribute_exists(${partitionKey})`;
/** Condition: the item does not exist yet. */
export const notExists = `attribute_not_exists(${partitionKey})`;
/** Condition: the item does not exist, or has expired (a once-marker may be claimed again). */
export const notExistsOrExpired = `${notExists} OR ${ttlAttribute} <= :now`;

/** The Query of a partition (of the table or of an index), with its sort-key prefix if any. */
export function partitionQuery(tableName: string, p: Partition): QueryCommandInput {
  const index = p.index ? globalSecondaryIndexes.find((i) => i.indexName === p.index) : undefined;
  const names = index ?? { partitionKey, sortKey };
  return {
    TableName: tableName,
    ...(index ? { IndexName: index.indexName } : {}),
    KeyConditionExpression: p.skPrefix ? '#pk = :pk AND begins_with(#sk, :sk)' : '#pk = :pk',
    ExpressionAttributeNames: { '#pk': names.partitionKey, ...(p.skPrefix ? { '#sk': names.sortKey } : {}) },
    ExpressionAttributeValues: { ':pk': p.pk, ...(p.skPrefix ? { ':sk': p.skPrefix } : {}) },
  };
}

/** Removes the table's own attributes (keys, entity, TTL) from an item before it becomes a domain object. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const rest = { ...item };
  for (const a of tableAttributes) delete rest[a];
  return rest as T;
}

/** The key attributes a query's page may stop at (its LastEvaluatedKey), for cursors. */
export const pageKeyAttributes = (p: Partition): string[] => {
  const index = p.index ? globalSecondaryIndexes.find((i) => i.indexName === p.index) : undefined;
  return [partitionKey, sortKey, ...(index ? [index.partitionKey, index.sortKey] : [])];
};

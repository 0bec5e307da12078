import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { stripKeys } from './table.ts';

/**
 * The document client. Under `npm start` the SDK's own AWS_ENDPOINT_URL_DYNAMODB points it at DynamoDB
 * Local; tests pass an endpoint. Undefined attributes are dropped so optional fields need no special handling.
 */
export function documentClient(endpoint?: string): DynamoDBDocumentClient {
  const client = new DynamoDBClient(endpoint ? { endpoint } : {});
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** The table's status (ACTIVE when it serves reads and writes). */
export async function describeTable(doc: DynamoDBDocumentClient, tableName: string): Promise<string | undefined> {
  // The document client sends the base client's commands unchanged.
  const res = await (doc as unknown as DynamoDBClient).send(new DescribeTableCommand({ TableName: tableName }));
  return res.Table?.TableStatus;
}

/** True for a failed condition (alone, or inside a cancelled transaction). */
export function isConditionFailure(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  if (name === 'ConditionalCheckFailedException') return true;
  if (name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons.some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return false;
}

/** True for a transaction cancelled because another one was changing the same items at that moment. */
export function isTransactionConflict(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  if (name === 'TransactionConflictException') return true;
  if (name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'TransactionConflict');
}

/** Splits a list into chunks of at most `size` (DynamoDB batch and transaction limits). */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every item of a query, page after page. */
export async function queryAll(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return items;
}

/** BatchGet of any number of keys, 100 at a time, retrying unprocessed keys; keys stripped from the items. */
export async function batchGetAll<T>(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keyList: Record<string, string>[],
): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunk(keyList, 100)) {
    let request: Record<string, { Keys: Record<string, string>[] }> | undefined = { [tableName]: { Keys: part } };
    while (request && Object.keys(request).length > 0) {
      const res = await doc.send(new BatchGetCommand({ RequestItems: request }));
      out.push(...(res.Responses?.[tableName] ?? []).map((i) => stripKeys<T>(i)));
      request = res.UnprocessedKeys as typeof request;
    }
  }
  return out;
}

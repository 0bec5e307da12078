/**
 * The single table: its key schema, indexes and TTL attribute. CDK builds the table from this object
 * (infra/stacks/stateful-stack.ts) and the local runtime creates the same table in DynamoDB Local
 * (local/dynamodb-local.ts). Attribute names used in keys live here and nowhere else.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds; DynamoDB deletes the item some time after it. Used for personal data that expires. */
  ttlAttribute: 'expiresAt',
  /** Every item names its entity type, so exports and migrations can tell items apart. */
  entityAttribute: 'entity',
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];

/**
 * The single table: its key schema, index and TTL attribute. CDK builds the table from this object
 * (infra/stacks/stateful-stack.ts), the local runtime creates the same table in DynamoDB Local
 * (local/dynamodb-local.ts), and the keys module and the DynamoDB adapters read every attribute and index
 * name from here. An index exists only for an access pattern listed in shared/table/keys.ts.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds; DynamoDB deletes the item some time after it. Used for personal data that expires. */
  ttlAttribute: 'expiresAt',
  /** Every item names its entity type, so exports and migrations can tell items apart. */
  entityAttribute: 'entity',
  globalSecondaryIndexes: [
    /** Items grouped under a PLP, a commune or an assignment scope (access patterns 5, 7, 10, 12, 17, 22). */
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];
export const [byScopeIndex] = tableDefinition.globalSecondaryIndexes;

/** Every attribute the table itself uses (keys of the table and its indexes, entity, TTL). */
export const tableAttributes: readonly string[] = [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  tableDefinition.entityAttribute,
  tableDefinition.ttlAttribute,
];

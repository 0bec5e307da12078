import { inject } from 'vitest';
import { ensureTable } from '../../local/dynamodb-local.ts';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoDirectoryStore } from '../../shared/adapters/dynamodb/directory-store.ts';
import { describeDirectoryStoreContract } from '../support/contracts/directory-store.contract.ts';

// The behaviour is the contract's (test/support/contracts/directory-store.contract.ts), which the in-memory
// fake passes too (test/unit/fakes/stores.test.ts).
describeDirectoryStoreContract('dynamoDirectoryStore (DynamoDB Local)', async () => {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `directory-it-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await ensureTable(endpoint, tableName);
  return dynamoDirectoryStore(documentClient(endpoint), tableName);
});

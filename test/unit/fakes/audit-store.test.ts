import { describeAuditStoreContract } from '../../support/contracts/audit-store.contract.ts';
import { fakeAuditStore } from '../../support/fakes/audit-store.ts';

// The in-memory fake the use cases' unit tests run on passes the contract the DynamoDB adapter passes
// (test/integration/audit-store.test.ts).
describeAuditStoreContract('fakeAuditStore (in memory)', () => fakeAuditStore());

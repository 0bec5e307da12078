import { describeDirectoryStoreContract } from '../../support/contracts/directory-store.contract.ts';
import { describeEnrolmentStoreContract } from '../../support/contracts/enrolment-stores.contract.ts';
import { fakeDirectoryStore } from '../../support/fakes/directory-store.ts';
import { fakeEnrolmentStores } from '../../support/fakes/enrolment-stores.ts';

// The in-memory fakes the unit tests run on pass the same contracts as the DynamoDB adapters
// (test/integration/enrolment-store.test.ts, test/integration/directory-store.test.ts).
describeEnrolmentStoreContract('fakeEnrolmentStores (in memory)', () => fakeEnrolmentStores());
describeDirectoryStoreContract('fakeDirectoryStore (in memory)', () => fakeDirectoryStore());

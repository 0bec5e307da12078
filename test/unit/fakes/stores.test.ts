import { describeDirectoryStoreContract } from '../../support/contracts/directory-store.contract.ts';
import { describeEnrolmentStoreContract } from '../../support/contracts/enrolment-stores.contract.ts';
import { describeReportStoreContract } from '../../support/contracts/report-store.contract.ts';
import { describeSmsBudgetStoreContract } from '../../support/contracts/sms-budget-store.contract.ts';
import { fakeDirectoryStore } from '../../support/fakes/directory-store.ts';
import { fakeEnrolmentStores } from '../../support/fakes/enrolment-stores.ts';
import { fakeReportStore } from '../../support/fakes/report-store.ts';
import { fakeSmsBudgetStore } from '../../support/fakes/sms-budget-store.ts';

// The in-memory fakes the unit tests run on pass the same contracts as the DynamoDB adapters
// (test/integration/enrolment-store.test.ts, directory-store.test.ts, sms-budget-store.test.ts, report-store.test.ts).
describeEnrolmentStoreContract('fakeEnrolmentStores (in memory)', () => fakeEnrolmentStores());
describeDirectoryStoreContract('fakeDirectoryStore (in memory)', () => fakeDirectoryStore());
describeSmsBudgetStoreContract('fakeSmsBudgetStore (in memory)', () => fakeSmsBudgetStore());
describeReportStoreContract('fakeReportStore (in memory)', () => fakeReportStore());

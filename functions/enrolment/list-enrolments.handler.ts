import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { listEnrolmentsForCoordinator } from '../../shared/enrolment/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.listEnrolments.trigger, async ({ caller, query }) =>
  ok({ items: await listEnrolmentsForCoordinator(caller, query, deps) }),
);

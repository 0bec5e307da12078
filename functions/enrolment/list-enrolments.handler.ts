import { directoryReader, enrolmentStore } from '../../shared/adapters/runtime.ts';
import { listEnrolmentsForCoordinator } from '../../shared/enrolment/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './list-enrolments.fn.ts';

const deps = { enrolments: enrolmentStore(), directory: directoryReader() };

export const handler = httpHandler(spec.trigger, async ({ caller, query }) =>
  ok({ items: await listEnrolmentsForCoordinator(caller, query, deps) }),
);

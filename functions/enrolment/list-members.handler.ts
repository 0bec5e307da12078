import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { listMembersForCoordinator } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.listMembers.trigger, async ({ caller, query }) =>
  ok(await listMembersForCoordinator(caller, query, deps)),
);

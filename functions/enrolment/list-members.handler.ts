import { directoryReader, memberStore } from '../../shared/adapters/runtime.ts';
import { listMembersForCoordinator } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './list-members.fn.ts';

const deps = { members: memberStore(), directory: directoryReader() };

export const handler = httpHandler(spec.trigger, async ({ caller, query }) =>
  ok(await listMembersForCoordinator(caller, query, deps)),
);

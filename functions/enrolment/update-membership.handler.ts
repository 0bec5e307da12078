import { directoryReader, memberPepper, memberStore, now } from '../../shared/adapters/runtime.ts';
import { updateMembership } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './update-membership.fn.ts';

const deps = { members: memberStore(), directory: directoryReader(), pepper: memberPepper(), now };

export const handler = httpHandler(spec.trigger, async ({ memberToken, params, body }) =>
  ok(await updateMembership(memberToken, params.plpId, body, deps)),
);

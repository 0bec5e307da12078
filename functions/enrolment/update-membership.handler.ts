import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { updateMembership } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.updateMembership.trigger, async ({ memberToken, params, body }) =>
  ok(await updateMembership(memberToken, params.plpId, body, deps)),
);

import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { leavePlp } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.leavePlp.trigger, async ({ memberToken, params }) =>
  ok(await leavePlp(memberToken, params.plpId, deps)),
);

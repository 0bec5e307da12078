import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { updateMe } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.updateMe.trigger, async ({ memberToken, body }) =>
  ok(await updateMe(memberToken, body, deps)),
);

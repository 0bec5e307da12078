import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { getMe } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.getMe.trigger, async ({ memberToken }) =>
  ok(await getMe(memberToken, deps)),
);

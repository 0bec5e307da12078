import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { exportMe } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.exportMe.trigger, async ({ memberToken }) =>
  ok(await exportMe(memberToken, deps)),
);

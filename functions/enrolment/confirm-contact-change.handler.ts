import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { confirmContactChange } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.confirmContactChange.trigger, async ({ memberToken, body }) =>
  ok(await confirmContactChange(memberToken, body.code, deps)),
);

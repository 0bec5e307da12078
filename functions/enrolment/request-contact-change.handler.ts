import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { requestContactChange } from '../../shared/enrolment/members.ts';
import { accepted, httpHandler } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.requestContactChange.trigger, async ({ memberToken, body, sourceIp }) =>
  accepted(await requestContactChange(memberToken, body, { sourceIp }, deps)),
);

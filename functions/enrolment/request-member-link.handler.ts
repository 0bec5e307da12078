import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { requestMemberLink } from '../../shared/enrolment/members.ts';
import { accepted, httpHandler } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.requestMemberLink.trigger, async ({ body, sourceIp }) => {
  await requestMemberLink(body.contact, { sourceIp }, deps);
  return accepted({});
});

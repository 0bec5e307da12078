import { limitStore, memberPepper, now, queueSender, stageSettings } from '../../shared/adapters/runtime.ts';
import { requestMemberLink } from '../../shared/enrolment/members.ts';
import { accepted, httpHandler } from '../../shared/http/handler.ts';
import spec from './request-member-link.fn.ts';

const deps = {
  limits: limitStore(),
  memberLinks: queueSender<{ contact: string }>('member-links'),
  pepper: memberPepper(),
  clientLimits: stageSettings().clientLimits,
  now,
};

export const handler = httpHandler(spec.trigger, async ({ body, sourceIp }) => {
  await requestMemberLink(body.contact, { sourceIp }, deps);
  return accepted({});
});

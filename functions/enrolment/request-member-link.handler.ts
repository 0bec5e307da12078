import {
  emailSender,
  limitStore,
  memberPepper,
  memberStore,
  now,
  onceStore,
  smsSender,
  stageSettings,
} from '../../shared/adapters/runtime.ts';
import { requestMemberLink } from '../../shared/enrolment/members.ts';
import { accepted, httpHandler } from '../../shared/http/handler.ts';
import spec from './request-member-link.fn.ts';

const deps = {
  members: memberStore(),
  limits: limitStore(),
  once: onceStore(),
  sms: smsSender(),
  email: emailSender(),
  pepper: memberPepper(),
  ...stageSettings(),
  now,
};

export const handler = httpHandler(spec.trigger, async ({ body, sourceIp }) => {
  await requestMemberLink(body.contact, { sourceIp }, deps);
  return accepted({});
});

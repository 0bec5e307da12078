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
import { requestContactChange } from '../../shared/enrolment/members.ts';
import { accepted, httpHandler } from '../../shared/http/handler.ts';
import spec from './request-contact-change.fn.ts';

const deps = {
  members: memberStore(),
  limits: limitStore(),
  once: onceStore(),
  sms: smsSender(),
  email: emailSender(),
  pepper: memberPepper(),
  clientLimits: stageSettings().clientLimits,
  now,
};

export const handler = httpHandler(spec.trigger, async ({ memberToken, body, sourceIp }) =>
  accepted(await requestContactChange(memberToken, body, { sourceIp }, deps)),
);

import {
  emailSender,
  limitStore,
  memberPepper,
  memberStore,
  now,
  smsSender,
  stageSettings,
} from '../../shared/adapters/runtime.ts';
import { deliverMemberLink } from '../../shared/enrolment/members.ts';
import { MemberLinkInput } from '../../shared/enrolment/model.ts';
import { queueHandler } from '../../shared/handlers/queue-handler.ts';

const deps = {
  members: memberStore(),
  limits: limitStore(),
  sms: smsSender(),
  email: emailSender(),
  pepper: memberPepper(),
  publicBaseUrl: stageSettings().publicBaseUrl,
  now,
};

export const handler = queueHandler(MemberLinkInput, (request) => deliverMemberLink(request, deps));

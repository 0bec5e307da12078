import {
  directoryReader,
  emailSender,
  eventPublisher,
  memberPepper,
  memberStore,
  now,
  smsBudget,
  smsSender,
  stageSettings,
} from '../../shared/adapters/runtime.ts';
import { leavePlp } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './leave-plp.fn.ts';

const deps = {
  members: memberStore(),
  directory: directoryReader(),
  publish: eventPublisher(),
  sms: smsSender(),
  smsBudget: smsBudget(),
  email: emailSender(),
  pepper: memberPepper(),
  publicBaseUrl: stageSettings().publicBaseUrl,
  now,
};

export const handler = httpHandler(spec.trigger, async ({ memberToken, params }) =>
  ok(await leavePlp(memberToken, params.plpId, deps)),
);

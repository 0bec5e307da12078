import {
  directoryReader,
  emailSender,
  enrolmentStore,
  eventPublisher,
  limitStore,
  memberPepper,
  memberStore,
  now,
  onceStore,
  smsBudget,
  smsSender,
  stageSettings,
} from '../../shared/adapters/runtime.ts';
import { handleInboundSms } from '../../shared/enrolment/sms-inbound.ts';
import { smsInboundHandler } from '../../shared/handlers/sms-inbound-handler.ts';

const deps = {
  enrolments: enrolmentStore(),
  members: memberStore(),
  limits: limitStore(),
  once: onceStore(),
  directory: directoryReader(),
  publish: eventPublisher(),
  sms: smsSender(),
  smsBudget: smsBudget(),
  email: emailSender(),
  pepper: memberPepper(),
  ...stageSettings(),
  now,
};

export const handler = smsInboundHandler((sms) => handleInboundSms(sms, deps));

import {
  directoryReader,
  emailSender,
  memberPepper,
  memberStore,
  now,
  onceStore,
  smsBudget,
  smsSender,
  stageSettings,
} from '../../shared/adapters/runtime.ts';
import { sendWelcome } from '../../shared/enrolment/members.ts';
import { queueHandler } from '../../shared/handlers/queue-handler.ts';
import spec from './send-welcome.fn.ts';

const deps = {
  members: memberStore(),
  once: onceStore(),
  directory: directoryReader(),
  sms: smsSender(),
  smsBudget: smsBudget(),
  email: emailSender(),
  pepper: memberPepper(),
  publicBaseUrl: stageSettings().publicBaseUrl,
  now,
};

export const handler = queueHandler(spec.trigger.fedBy.schema, ({ detail }) => sendWelcome(detail.data, deps));

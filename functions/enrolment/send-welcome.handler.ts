import {
  directoryReader,
  emailSender,
  memberPepper,
  memberStore,
  now,
  onceStore,
  smsSender,
  stageSettings,
} from '../../shared/adapters/runtime.ts';
import { sendWelcome } from '../../shared/enrolment/members.ts';
import { eventHandler } from '../../shared/handlers/event-handler.ts';
import spec from './send-welcome.fn.ts';

const deps = {
  members: memberStore(),
  once: onceStore(),
  directory: directoryReader(),
  sms: smsSender(),
  email: emailSender(),
  pepper: memberPepper(),
  publicBaseUrl: stageSettings().publicBaseUrl,
  now,
};

export const handler = eventHandler(spec.trigger.event, ({ data }) => sendWelcome(data, deps));

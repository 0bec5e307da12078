import {
  directoryReader,
  emailSender,
  enrolmentStore,
  now,
  onceStore,
  smsBudget,
  smsSender,
} from '../../shared/adapters/runtime.ts';
import { noticeAwaitingApproval } from '../../shared/enrolment/use-cases.ts';
import { eventHandler } from '../../shared/handlers/event-handler.ts';
import spec from './notify-awaiting-approval.fn.ts';

const deps = {
  enrolments: enrolmentStore(),
  once: onceStore(),
  directory: directoryReader(),
  sms: smsSender(),
  smsBudget: smsBudget(),
  email: emailSender(),
  now,
};

export const handler = eventHandler(spec.trigger.event, ({ data }) => noticeAwaitingApproval(data, deps));

import {
  directoryReader,
  emailSender,
  eventPublisher,
  memberPepper,
  memberStore,
  now,
  reportStore,
  smsBudget,
  smsSender,
} from '../../shared/adapters/runtime.ts';
import { created, httpHandler } from '../../shared/http/handler.ts';
import { submitReport } from '../../shared/reports/submit-report.ts';
import spec from './submit-report.fn.ts';

const deps = {
  reports: reportStore(),
  members: memberStore(),
  directory: directoryReader(),
  publish: eventPublisher(),
  sms: smsSender(),
  smsBudget: smsBudget(),
  email: emailSender(),
  pepper: memberPepper(),
  now,
};

export const handler = httpHandler(spec.trigger, async ({ memberToken, body }) =>
  created(await submitReport(memberToken, body, deps)),
);

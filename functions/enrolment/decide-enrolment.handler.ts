import {
  directoryStore,
  emailSender,
  enrolmentStore,
  eventPublisher,
  memberPepper,
  memberStore,
  now,
  smsBudget,
  smsSender,
} from '../../shared/adapters/runtime.ts';
import { decideEnrolment } from '../../shared/enrolment/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './decide-enrolment.fn.ts';

const deps = {
  enrolments: enrolmentStore(),
  members: memberStore(),
  directory: directoryStore(),
  publish: eventPublisher(),
  sms: smsSender(),
  smsBudget: smsBudget(),
  email: emailSender(),
  pepper: memberPepper(),
  now,
};

export const handler = httpHandler(spec.trigger, async ({ caller, params, body }) =>
  ok(await decideEnrolment(params.enrolmentId, body, caller, deps)),
);

import {
  directoryReader,
  emailSender,
  enrolmentStore,
  eventPublisher,
  limitStore,
  memberPepper,
  now,
  onceStore,
  smsSender,
  stageSettings,
} from '../../shared/adapters/runtime.ts';
import { requestEnrolment } from '../../shared/enrolment/use-cases.ts';
import { accepted, httpHandler } from '../../shared/http/handler.ts';
import spec from './request-enrolment.fn.ts';

const deps = {
  enrolments: enrolmentStore(),
  limits: limitStore(),
  once: onceStore(),
  directory: directoryReader(),
  publish: eventPublisher(),
  sms: smsSender(),
  email: emailSender(),
  pepper: memberPepper(),
  ...stageSettings(),
  now,
};

export const handler = httpHandler(spec.trigger, async ({ body, sourceIp }) => {
  const enrolment = await requestEnrolment(body, { sourceIp }, deps);
  return accepted({ enrolmentId: enrolment.enrolmentId, status: enrolment.status });
});

import {
  directoryReader,
  enrolmentStore,
  eventPublisher,
  limitStore,
  memberPepper,
  memberStore,
  now,
  onceStore,
  stageSettings,
} from '../../shared/adapters/runtime.ts';
import { confirmEnrolment } from '../../shared/enrolment/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './confirm-enrolment.fn.ts';

const deps = {
  enrolments: enrolmentStore(),
  members: memberStore(),
  limits: limitStore(),
  once: onceStore(),
  directory: directoryReader(),
  publish: eventPublisher(),
  pepper: memberPepper(),
  clientLimits: stageSettings().clientLimits,
  now,
};

export const handler = httpHandler(spec.trigger, async ({ params, body, sourceIp }) =>
  ok(await confirmEnrolment(params.enrolmentId, body, { sourceIp }, deps)),
);

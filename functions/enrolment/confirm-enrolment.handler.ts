import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { confirmEnrolment } from '../../shared/enrolment/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.confirmEnrolment.trigger, async ({ params, body, sourceIp }) =>
  ok(await confirmEnrolment(params.enrolmentId, body, { sourceIp }, deps)),
);

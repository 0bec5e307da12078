import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { requestEnrolment } from '../../shared/enrolment/use-cases.ts';
import { accepted, httpHandler } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.requestEnrolment.trigger, async ({ body, sourceIp }) => {
  const enrolment = await requestEnrolment(body, { sourceIp }, deps);
  return accepted({ enrolmentId: enrolment.enrolmentId, status: enrolment.status });
});

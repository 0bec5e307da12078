import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { decideEnrolment } from '../../shared/enrolment/use-cases.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.decideEnrolment.trigger, async ({ caller, params, body }) =>
  ok(await decideEnrolment(params.enrolmentId, body, caller, deps)),
);

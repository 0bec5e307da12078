import { enrolmentDeps } from '../../shared/adapters/runtime.ts';
import { eraseMe } from '../../shared/enrolment/members.ts';
import { httpHandler, noContent } from '../../shared/http/handler.ts';
import { functions } from '../manifest.ts';

const deps = enrolmentDeps();

export const handler = httpHandler(functions.eraseMe.trigger, async ({ memberToken }) => {
  await eraseMe(memberToken, deps);
  return noContent();
});

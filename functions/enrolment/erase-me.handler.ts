import { eventPublisher, memberPepper, memberStore, now, reportStore } from '../../shared/adapters/runtime.ts';
import { eraseMe } from '../../shared/enrolment/members.ts';
import { httpHandler, noContent } from '../../shared/http/handler.ts';
import spec from './erase-me.fn.ts';

const deps = { members: memberStore(), reports: reportStore(), publish: eventPublisher(), pepper: memberPepper(), now };

export const handler = httpHandler(spec.trigger, async ({ memberToken }) => {
  await eraseMe(memberToken, deps);
  return noContent();
});

import { directoryReader, memberPepper, memberStore, now, reportStore } from '../../shared/adapters/runtime.ts';
import { exportMe } from '../../shared/enrolment/members.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import spec from './export-me.fn.ts';

const deps = {
  members: memberStore(),
  reports: reportStore(),
  directory: directoryReader(),
  pepper: memberPepper(),
  now,
};

export const handler = httpHandler(spec.trigger, async ({ memberToken }) => ok(await exportMe(memberToken, deps)));

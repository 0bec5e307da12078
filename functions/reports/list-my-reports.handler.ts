import { memberPepper, memberStore, reportStore } from '../../shared/adapters/runtime.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { listMyReports } from '../../shared/reports/list-my-reports.ts';
import spec from './list-my-reports.fn.ts';

const deps = { reports: reportStore(), members: memberStore(), pepper: memberPepper() };

export const handler = httpHandler(spec.trigger, async ({ memberToken }) => ok(await listMyReports(memberToken, deps)));

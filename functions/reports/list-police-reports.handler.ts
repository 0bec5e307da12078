import { directoryReader, reportStore } from '../../shared/adapters/runtime.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { listPoliceReports } from '../../shared/reports/police-reports.ts';
import spec from './list-police-reports.fn.ts';

const deps = { reports: reportStore(), directory: directoryReader() };

export const handler = httpHandler(spec.trigger, async ({ caller, query }) =>
  ok(await listPoliceReports(caller, query, deps)),
);

import { auditStore, directoryStore, now, reportStore } from '../../shared/adapters/runtime.ts';
import { httpHandler, ok } from '../../shared/http/handler.ts';
import { getPoliceReport } from '../../shared/reports/police-reports.ts';
import spec from './get-police-report.fn.ts';

const deps = { reports: reportStore(), directory: directoryStore(), audit: auditStore(), now };

export const handler = httpHandler(spec.trigger, async ({ caller, params }) =>
  ok(await getPoliceReport(caller, params.reportId, deps)),
);

import { http } from '../../shared/http/trigger.ts';
import { PoliceReport, ReportIdParams } from '../../shared/reports/model.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/reports/get-police-report.handler.ts',
  description: 'An officer reads a report of their PLPs with its audit trail; the read is audited',
  trigger: http({
    method: 'GET',
    path: '/police/reports/{reportId}',
    auth: 'jwt',
    groups: ['police'],
    summary: 'Read a report and its history (the read is recorded)',
    params: ReportIdParams,
    responses: {
      200: { description: 'The report and its audit trail', schema: PoliceReport },
      404: { description: 'Unknown or not a report of my PLPs' },
    },
  }),
  access: { table: 'readWrite' },
});

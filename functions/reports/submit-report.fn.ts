import { ReportSubmitted } from '../../events/reports/report-events.ts';
import { http } from '../../shared/http/trigger.ts';
import { SubmitReportInput, SubmittedReport } from '../../shared/reports/model.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/reports/submit-report.handler.ts',
  description: 'A member reports what they saw; acknowledged with its reference on their channels',
  trigger: http({
    method: 'POST',
    path: '/public/me/reports',
    auth: 'member',
    summary: 'Report something seen in my PLP',
    body: SubmitReportInput,
    responses: {
      201: { description: 'The report, its reference and when feedback is due', schema: SubmittedReport },
      400: { description: 'Invalid report, plpId needed (member of several PLPs), observedAt out of range' },
      401: { description: 'Invalid member link' },
      404: { description: 'Not a member of this PLP' },
    },
  }),
  access: { table: 'readWrite', publishes: [ReportSubmitted], sms: true, email: true, pepper: true },
});

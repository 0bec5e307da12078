import * as z from '../../shared/zod.ts';
import { ReportCategory } from '../../shared/reports/model.ts';
import { defineEvent } from '../define-event.ts';

/**
 * Report events. They carry ids and the category only — never the description, the place or the reporter —
 * so that the bus, its archive and the DLQs hold no report text and no personal data.
 */
export const ReportSubmitted = defineEvent({
  source: 'plp.reports',
  detailType: 'ReportSubmitted',
  version: 1,
  data: z.object({
    reportId: z.string(),
    plpId: z.string(),
    category: ReportCategory,
    via: z.enum(['web', 'sms']),
  }),
});

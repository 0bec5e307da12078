import type { SmsCharge } from '../../messaging/sms-budget.ts';

/** The metric of SMS not sent because their PLP's month was spent (namespace PlpAlert, dimension service). */
export const SMS_SKIPPED_METRIC = 'SmsSkippedOverBudget';

/**
 * The `skipped` hook of the SMS budget in AWS and locally: one line in CloudWatch's embedded metric format,
 * which is at once the log entry (the keys of the Powertools logger, WARN) and one count of the metric. Ids
 * only — PLP, month, segments, cost — never the number or the text. Written straight to stdout, as
 * Powertools does, so that API handlers count it too without a metrics client or a flushing middleware.
 */
export function logSmsSkipped(
  charge: SmsCharge,
  write: (line: string) => unknown = (line) => process.stdout.write(line),
): void {
  const service = process.env.POWERTOOLS_SERVICE_NAME ?? 'plp-alert';
  const namespace = process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'PlpAlert';
  const now = Date.now();
  const entry = {
    level: 'WARN',
    message: 'SMS not sent: the PLP has spent its SMS budget for the month',
    timestamp: new Date(now).toISOString(),
    service,
    plpId: charge.plpId,
    month: charge.month,
    segments: charge.segments,
    costMicroEur: charge.costMicroEur,
    [SMS_SKIPPED_METRIC]: 1,
    _aws: {
      Timestamp: now,
      CloudWatchMetrics: [
        { Namespace: namespace, Dimensions: [['service']], Metrics: [{ Name: SMS_SKIPPED_METRIC, Unit: 'Count' }] },
      ],
    },
  };
  write(`${JSON.stringify(entry)}\n`);
}

import { describe, expect, it } from 'vitest';
import { logSmsSkipped, SMS_SKIPPED_METRIC } from '../../../shared/adapters/cloudwatch/sms-skipped.ts';

describe('logSmsSkipped', () => {
  it('writes one line that is both a WARN log entry with ids only and one count of SmsSkippedOverBudget', () => {
    const lines: string[] = [];
    logSmsSkipped({ plpId: '01JPLP', month: '2026-11', segments: 2, costMicroEur: 160_000 }, (l) => lines.push(l));

    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      level: 'WARN',
      service: 'plp-alert',
      plpId: '01JPLP',
      month: '2026-11',
      segments: 2,
      costMicroEur: 160_000,
      [SMS_SKIPPED_METRIC]: 1,
    });
    // CloudWatch's embedded metric format: the metric is named in _aws and its value is the top-level key.
    expect(entry._aws.CloudWatchMetrics).toEqual([
      { Namespace: 'PlpAlert', Dimensions: [['service']], Metrics: [{ Name: SMS_SKIPPED_METRIC, Unit: 'Count' }] },
    ]);
    expect(typeof entry._aws.Timestamp).toBe('number');
    // Nothing but these keys: no phone number, no text can slip in.
    expect(Object.keys(entry).sort()).toEqual(
      [
        '_aws',
        'costMicroEur',
        'level',
        'message',
        'month',
        'plpId',
        'segments',
        'service',
        'timestamp',
        SMS_SKIPPED_METRIC,
      ].sort(),
    );
  });
});

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SNSEvent } from 'aws-lambda';
import * as z from '../zod.ts';
import { metrics } from '../metrics.ts';
import { logger } from '../powertools.ts';

/** The notification AWS End User Messaging (two-way SMS) publishes to the inbound SNS topic. */
const InboundNotification = z.object({
  originationNumber: z.string().check(z.minLength(3), z.maxLength(20)),
  messageBody: z.string().check(z.maxLength(1600)),
  inboundMessageId: z.string().check(z.minLength(1), z.maxLength(128)),
});

export type InboundSmsMessage = { from: string; body: string; messageId: string };

/**
 * The one way to write an inbound-SMS consumer: each SNS record is parsed; a record that is not an inbound
 * SMS notification is logged (without its content) and skipped, since retrying cannot fix it. Errors of
 * the use case are rethrown so SNS retries and then dead-letters.
 */
export function smsInboundHandler(fn: (sms: InboundSmsMessage) => Promise<void>) {
  const core = async (event: SNSEvent) => {
    for (const record of event.Records ?? []) {
      let parsed: z.infer<typeof InboundNotification>;
      try {
        parsed = z.parse(InboundNotification, JSON.parse(record.Sns.Message));
      } catch {
        logger.warn('inbound SMS notification not understood; skipped', { snsMessageId: record.Sns.MessageId });
        metrics.addMetric('InboundSmsRejected', MetricUnit.Count, 1);
        continue;
      }
      await fn({ from: parsed.originationNumber, body: parsed.messageBody, messageId: parsed.inboundMessageId });
      metrics.addMetric('InboundSmsProcessed', MetricUnit.Count, 1);
    }
  };
  return middy<SNSEvent, void, Error, Context>(core)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { metrics } from '../metrics.ts';
import { logger } from '../powertools.ts';
import * as z from '../zod.ts';

/**
 * The one way to write an SQS consumer: each record's JSON body is parsed with the message schema and handed
 * to the use case; a record that fails is reported (batchItemFailures) so SQS retries it alone and then
 * dead-letters it, while the others of the batch are done. A body that does not parse cannot get better by
 * retrying: it is logged (without its content) and dropped.
 */
export function queueHandler<S extends z.core.$ZodType>(schema: S, fn: (message: z.output<S>) => Promise<void>) {
  const core = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failures: { itemIdentifier: string }[] = [];
    for (const record of event.Records ?? []) {
      let message: z.output<S>;
      try {
        message = z.parse(schema, JSON.parse(record.body));
      } catch {
        logger.warn('queue message not understood; dropped', { messageId: record.messageId });
        metrics.addMetric('QueueMessagesRejected', MetricUnit.Count, 1);
        continue;
      }
      try {
        await fn(message);
        metrics.addMetric('QueueMessagesProcessed', MetricUnit.Count, 1);
      } catch (error) {
        logger.error('queue message failed; retried', {
          messageId: record.messageId,
          error: { name: (error as Error)?.name, message: String((error as Error)?.message).slice(0, 200) },
        });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  };
  return middy<SQSEvent, SQSBatchResponse, Error, Context>(core)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}

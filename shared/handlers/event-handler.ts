import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { EventContract, EventDetail } from '../../events/define-event.ts';
import { metrics } from '../metrics.ts';
import { logger } from '../powertools.ts';
import * as z from '../zod.ts';

/**
 * The one way to write an EventBridge consumer: the event is parsed with its contract's schema and handed
 * to the use case. Nothing is swallowed: a failure is rethrown so EventBridge retries and then dead-letters.
 */
export function eventHandler<E extends EventContract>(contract: E, fn: (detail: EventDetail<E>) => Promise<void>) {
  const core = async (event: unknown) => {
    const parsed = z.parse(contract.schema, event);
    logger.appendKeys({ correlationId: parsed.detail.metadata.correlationId });
    await fn(parsed.detail as EventDetail<E>);
    metrics.addMetric('EventsProcessed', MetricUnit.Count, 1);
  };
  return middy<unknown, void, Error, Context>(core)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics));
}

import { Metrics } from '@aws-lambda-powertools/metrics';
import { serviceName } from './powertools.ts';

/**
 * Custom metrics of the workers (events processed, inbound SMS handled or refused), as CloudWatch EMF
 * lines. HTTP answers are counted by API Gateway per route, so API handlers do not import this module.
 */
export const metrics = new Metrics({ serviceName, namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'PlpAlert' });

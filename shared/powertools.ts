import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * One logger and one metrics object per process. No Powertools Tracer: Lambda's active tracing records
 * each invocation and its init (docs/architecture.md, "Tracing"). Never log phones, e-mail addresses or report text:
 * log ids and outcomes only.
 */
const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'plp-alert';
export const logger = new Logger({ serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO') ?? 'INFO' });
export const metrics = new Metrics({ serviceName, namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'PlpAlert' });

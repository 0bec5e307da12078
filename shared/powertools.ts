import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger per process (metrics: shared/metrics.ts, for the workers). No Powertools Tracer: Lambda's
 * active tracing records each invocation and its init (docs/architecture.md, "Tracing"). Never log phones,
 * e-mail addresses or report text: log ids and outcomes only.
 */
export const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'plp-alert';
export const logger = new Logger({ serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO') ?? 'INFO' });

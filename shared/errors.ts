/**
 * Domain errors. Each maps to one HTTP status in shared/http/problem.ts; adapters translate provider
 * errors into these (ConditionalCheckFailedException → ConflictError, …).
 */
export type FieldProblem = { path: string; message: string };

/** Each class names itself with a literal: a minified bundle renames classes, and logs and Lambda's errorType show the name. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
/** 400: the input is well-formed JSON but breaks a rule (outside the zone, wrong code, …). */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
  }
}
/** 401: no credentials, or credentials that cannot be verified. */
export class UnauthorizedError extends DomainError {
  override name = 'UnauthorizedError';
}
/** 403: the caller is known but may not perform this kind of action. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
}
/** 404: unknown id, or an id outside the caller's scope (never reveal which). */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
}
/** 409: the state does not allow it (illegal transition, duplicate, locked). */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
}
/** 413: the body is larger than the limit. */
export class PayloadTooLargeError extends DomainError {
  override name = 'PayloadTooLargeError';
}
/** 429: too many attempts; retry after the given number of seconds. */
export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** 503: a service we depend on (the table, the mail server) is down, overloaded or unreachable; retry later. */
export class UnavailableError extends DomainError {
  override name = 'UnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds = 5,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'EPIPE']);
const OVERLOADED = new Set([
  'TimeoutError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalFailure',
]);

/**
 * Whether an error (or one it wraps as `cause`) says a dependency is unavailable rather than that the
 * request was wrong: a network failure, a timeout, throttling, or a 5xx from the provider after the SDK's
 * own retries.
 */
export function isUnavailable(error: unknown): boolean {
  let e = error as { name?: string; code?: string; cause?: unknown; $metadata?: { httpStatusCode?: number } };
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (e instanceof UnavailableError) return true;
    if ((e.code && UNREACHABLE.has(e.code)) || (e.name && OVERLOADED.has(e.name))) return true;
    if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  }
  return false;
}

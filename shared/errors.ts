/**
 * Domain errors. Each maps to one HTTP status in shared/http/problem.ts; adapters translate provider
 * errors into these (ConditionalCheckFailedException → ConflictError, …).
 */
export type FieldProblem = { path: string; message: string };

/** Each class names itself with a literal: a minified bundle renames classes, and logs and Lambda's errorType show the name. */
export class DomainError extends Error {
  override name = 'DomainError';
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

/**
 * Domain errors. Each maps to one HTTP status in shared/http/problem.ts; adapters translate provider
 * errors into these (ConditionalCheckFailedException → ConflictError, …).
 */
export type FieldProblem = { path: string; message: string };

export class DomainError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
/** 400: the input is well-formed JSON but breaks a rule (outside the zone, wrong code, …). */
export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
  }
}
/** 401: no credentials, or credentials that cannot be verified. */
export class UnauthorizedError extends DomainError {}
/** 403: the caller is known but may not perform this kind of action. */
export class ForbiddenError extends DomainError {}
/** 404: unknown id, or an id outside the caller's scope (never reveal which). */
export class NotFoundError extends DomainError {}
/** 409: the state does not allow it (illegal transition, duplicate, locked). */
export class ConflictError extends DomainError {}
/** 413: the body is larger than the limit. */
export class PayloadTooLargeError extends DomainError {}
/** 429: too many attempts; retry after the given number of seconds. */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * Domain errors. Each carries the kind of problem it is (shared/i18n/problems.ts: its stable slug, status and
 * texts in four languages), which shared/http/problem.ts renders in the caller's language; adapters translate
 * provider errors into these (ConditionalCheckFailedException → ConflictError, …). An error made from a
 * plain message (the older form) answers the generic kind of its class.
 */
import { type FieldKind, fill, type ProblemKind, type Vars } from './i18n/problems.ts';

export type { FieldKind, ProblemKind, Vars };

/**
 * One field's problem: its path in the request and its kind (code and message), with the message's variables.
 * `{ path, message }` is the older form (English text, answered with the code `invalid`).
 */
export type FieldProblem = { path: string; kind: FieldKind; vars?: Vars } | { path: string; message: string };

type Options = { cause?: unknown; vars?: Vars };

/** Each class names itself with a literal: a minified bundle renames classes, and logs and Lambda's errorType show the name. */
export class DomainError extends Error {
  override name = 'DomainError';
  /** The kind of problem, when the error was made from one; its English detail is the message. */
  readonly kind?: ProblemKind;
  readonly vars?: Vars;
  constructor(problem: string | ProblemKind, options?: Options) {
    super(typeof problem === 'string' ? problem : fill(problem.detail.en, options?.vars), options);
    if (typeof problem !== 'string') this.kind = problem;
    if (options?.vars) this.vars = options.vars;
  }
}
/** 400: the input is well-formed JSON but breaks a rule (outside the zone, wrong code, …). */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(
    problem: string | ProblemKind<400>,
    readonly errors: FieldProblem[] = [],
    options?: Options,
  ) {
    super(problem, options);
  }
}
/** 401: no credentials, or credentials that cannot be verified. */
export class UnauthorizedError extends DomainError {
  override name = 'UnauthorizedError';
  constructor(problem: string | ProblemKind<401>, options?: Options) {
    super(problem, options);
  }
}
/** 403: the caller is known but may not perform this kind of action. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  constructor(problem: string | ProblemKind<403>, options?: Options) {
    super(problem, options);
  }
}
/** 404: unknown id, or an id outside the caller's scope (never reveal which). */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  constructor(problem: string | ProblemKind<404>, options?: Options) {
    super(problem, options);
  }
}
/** 409: the state does not allow it (illegal transition, duplicate, locked). */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  constructor(problem: string | ProblemKind<409>, options?: Options) {
    super(problem, options);
  }
}
/** 413: the body is larger than the limit. */
export class PayloadTooLargeError extends DomainError {
  override name = 'PayloadTooLargeError';
  constructor(problem: string | ProblemKind<413>, options?: Options) {
    super(problem, options);
  }
}
/** 429: too many attempts; retry after the given number of seconds. */
export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError';
  constructor(
    problem: string | ProblemKind<429>,
    readonly retryAfterSeconds: number,
    options?: Options,
  ) {
    super(problem, options);
  }
}

/** 503: a service we depend on (the table, the mail server) is down, overloaded or unreachable; retry later. */
export class UnavailableError extends DomainError {
  override name = 'UnavailableError';
  constructor(
    problem: string | ProblemKind<503>,
    readonly retryAfterSeconds = 5,
    options?: Options,
  ) {
    super(problem, options);
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

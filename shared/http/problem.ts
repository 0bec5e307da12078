import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from '../zod.ts';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  type FieldProblem,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  isUnavailable,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
} from '../errors.ts';
import type { Language } from '../i18n/languages.ts';
import {
  type FieldKind,
  conflictProblem,
  fill,
  forbiddenProblem,
  invalidEmailField,
  invalidField,
  invalidFormatField,
  invalidTypeField,
  invalidValueField,
  notFoundProblem,
  payloadTooLargeProblem,
  PROBLEM_BASE,
  type ProblemKind,
  rateLimitedProblem,
  requiredField,
  tooBigField,
  tooFewField,
  tooLongField,
  tooManyField,
  tooShortField,
  tooSmallField,
  unauthorizedProblem,
  unavailableProblem,
  unknownField,
  validationProblem,
  type Vars,
} from '../i18n/problems.ts';

/**
 * RFC 9457 problem details, as every error answer of the API: `type` names the problem
 * (`https://plp-alert.be/problems/<slug>`), each field error has a stable `code`; `title`, `detail` and the
 * messages are in the request's language (shared/http/language.ts). docs/api.md lists the slugs and codes.
 */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.string(),
  errors: z.optional(z.array(z.object({ path: z.string(), code: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;
export type FieldError = NonNullable<Problem['errors']>[number];

/** A field problem in the caller's language. The older `{ path, message }` form keeps its (English) text. */
export function fieldError(p: FieldProblem, language: Language): FieldError {
  if (!('kind' in p)) return { path: p.path, code: invalidField.code, message: p.message };
  return { path: p.path, code: p.kind.code, message: fill(p.kind.message[language], p.vars) };
}

/** The answer for a kind of problem, in the caller's language. */
export function problem(
  kind: ProblemKind,
  language: Language,
  extra: { vars?: Vars | undefined; errors?: FieldProblem[]; headers?: Record<string, string> } = {},
): APIGatewayProxyStructuredResultV2 {
  const body: Problem = {
    type: PROBLEM_BASE + kind.slug,
    title: kind.title[language],
    status: kind.status,
    detail: fill(kind.detail[language], extra.vars),
    ...(extra.errors?.length ? { errors: extra.errors.map((e) => fieldError(e, language)) } : {}),
  };
  return {
    statusCode: kind.status,
    headers: { 'content-type': 'application/problem+json', ...extra.headers },
    body: JSON.stringify(body),
  };
}

type Issue = z.core.$ZodIssue & { input?: unknown; params?: { field?: FieldKind; vars?: Vars } };

/** The field kind of a schema issue, by its zod code (never zod's English text). */
function fieldOf(issue: Issue): [FieldKind, Vars?] {
  // A value not given at all (known when parsed with reportInput): whatever the schema expected of it.
  if ('input' in issue && issue.input === undefined && issue.code !== 'custom') return [requiredField];
  switch (issue.code) {
    case 'invalid_type':
      return [invalidTypeField];
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? [requiredField] : [tooShortField, { minimum }];
      if (issue.origin === 'array' || issue.origin === 'set') return [tooFewField, { minimum }];
      return [tooSmallField, { minimum }];
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return [tooLongField, { maximum }];
      if (issue.origin === 'array' || issue.origin === 'set') return [tooManyField, { maximum }];
      return [tooBigField, { maximum }];
    }
    case 'invalid_format':
      return [issue.format === 'email' ? invalidEmailField : invalidFormatField];
    case 'invalid_value':
      // z.literal(true): a box to tick (consent).
      if (issue.values.length === 1 && issue.values[0] === true) return [requiredField];
      return [invalidValueField, { values: issue.values.map(String).join(', ') }];
    case 'custom':
      return issue.params?.field ? [issue.params.field, issue.params.vars] : [invalidField];
    default:
      return [invalidField];
  }
}

/**
 * The field problems of a schema error: a code per issue from its zod code (invalid_type of a missing value →
 * `required`, too_big of a string → `too_long`, …, a refinement's own kind from `params.field`); unknown keys
 * each get `unknown_field` on their own path. Parse with `{ reportInput: true }` so a missing value is told
 * from a wrong one.
 */
export function zodProblems(error: z.core.$ZodError, prefix = ''): FieldProblem[] {
  const join = (...parts: (string | number | symbol)[]) =>
    [prefix, ...parts.map(String)].filter(Boolean).join('.') || '(root)';
  return error.issues.flatMap((issue: Issue): FieldProblem[] => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: join(...issue.path, key), kind: unknownField }));
    const [kind, vars] = fieldOf(issue);
    return [{ path: join(...issue.path), kind, ...(vars ? { vars } : {}) }];
  });
}

/** The generic kind of each error class, for errors made from a plain message. */
function kindOf(error: DomainError): ProblemKind | undefined {
  if (error.kind) return error.kind;
  if (error instanceof ValidationError) return validationProblem;
  if (error instanceof UnauthorizedError) return unauthorizedProblem;
  if (error instanceof ForbiddenError) return forbiddenProblem;
  if (error instanceof NotFoundError) return notFoundProblem;
  if (error instanceof ConflictError) return conflictProblem;
  if (error instanceof PayloadTooLargeError) return payloadTooLargeProblem;
  if (error instanceof RateLimitedError) return rateLimitedProblem;
  return undefined;
}

/**
 * Maps any thrown error to an answer in the caller's language: domain errors to their kind of problem, a
 * schema error to `validation` with a code per field, an unavailable dependency to 503 with retry-after;
 * returns undefined for unexpected errors (a 500 the caller logs).
 */
export function errorToProblem(
  error: unknown,
  language: Language = 'en',
): APIGatewayProxyStructuredResultV2 | undefined {
  if (error instanceof z.$ZodError) return problem(validationProblem, language, { errors: zodProblems(error) });
  const kind = error instanceof DomainError && !(error instanceof UnavailableError) ? kindOf(error) : undefined;
  if (kind && error instanceof DomainError) {
    const headers: Record<string, string> = {};
    if (error instanceof UnauthorizedError) headers['www-authenticate'] = 'Bearer';
    if (error instanceof RateLimitedError) headers['retry-after'] = String(error.retryAfterSeconds);
    return problem(kind, language, {
      vars: error.vars,
      headers,
      ...(error instanceof ValidationError ? { errors: error.errors } : {}),
    });
  }
  if (isUnavailable(error)) {
    const unavailable = error instanceof UnavailableError ? error : undefined;
    return problem(unavailable?.kind ?? unavailableProblem, language, {
      vars: unavailable?.vars,
      headers: { 'retry-after': String(unavailable?.retryAfterSeconds ?? 5) },
    });
  }
  return undefined;
}

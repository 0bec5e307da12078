import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from '../zod.ts';
import {
  ConflictError,
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

/** RFC 9457 problem details, as every error answer of the API. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.string(),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  503: 'Service Unavailable',
  500: 'Internal Server Error',
};

export function problem(
  status: number,
  detail: string,
  extra: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
): APIGatewayProxyStructuredResultV2 {
  const body: Problem = {
    type: status === 500 ? 'about:blank' : `https://plp-alert.be/problems/${status}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
  };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', ...extra.headers },
    body: JSON.stringify(body),
  };
}

export const zodProblems = (error: z.$ZodError, prefix = ''): FieldProblem[] =>
  error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: i.message,
  }));

/**
 * Maps any thrown error to an answer: domain errors to their 4xx, an unavailable dependency to 503 with
 * retry-after; returns undefined for unexpected errors (a 500 the caller logs).
 */
export function errorToProblem(error: unknown): APIGatewayProxyStructuredResultV2 | undefined {
  if (error instanceof z.$ZodError) return problem(400, 'The request is not valid', { errors: zodProblems(error) });
  if (error instanceof ValidationError) return problem(400, error.message, { errors: error.errors });
  if (error instanceof UnauthorizedError)
    return problem(401, error.message, { headers: { 'www-authenticate': 'Bearer' } });
  if (error instanceof ForbiddenError) return problem(403, error.message);
  if (error instanceof NotFoundError) return problem(404, error.message);
  if (error instanceof ConflictError) return problem(409, error.message);
  if (error instanceof PayloadTooLargeError) return problem(413, error.message);
  if (error instanceof RateLimitedError) {
    return problem(429, error.message, { headers: { 'retry-after': String(error.retryAfterSeconds) } });
  }
  if (isUnavailable(error)) {
    const retryAfter = error instanceof UnavailableError ? error.retryAfterSeconds : 5;
    return problem(503, 'A service we depend on is unavailable; please try again in a moment', {
      headers: { 'retry-after': String(retryAfter) },
    });
  }
  return undefined;
}

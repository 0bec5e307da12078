import { describe, expect, it } from 'vitest';
import { ConflictError, UnavailableError } from '../../../shared/errors.ts';
import { errorToProblem } from '../../../shared/http/problem.ts';

const sdkError = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('an unavailable dependency is a 503 with retry-after, not a 500', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
    ['throttling', sdkError('ThrottlingException', 400)],
    ['a provider 5xx', sdkError('InternalServerError', 500)],
    [
      'one wrapped by an adapter',
      new Error('Email send failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
    ],
    ['UnavailableError', new UnavailableError('The table does not answer', 7)],
  ])('%s', (_what, error) => {
    const answer = errorToProblem(error);
    expect(answer?.statusCode).toBe(503);
    expect(Number(answer?.headers?.['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps the caller’s own mistakes and unexpected errors apart', () => {
    expect(errorToProblem(new ConflictError('taken'))?.statusCode).toBe(409);
    expect(errorToProblem(sdkError('ConditionalCheckFailedException', 400))).toBeUndefined();
    expect(errorToProblem(new TypeError('x is undefined'))).toBeUndefined();
  });
});

import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError, RateLimitedError } from '../../../shared/errors.ts';
import { httpHandler, ok } from '../../../shared/http/handler.ts';
import { http } from '../../../shared/http/trigger.ts';

const trigger = http({
  method: 'POST',
  path: '/things/{id}',
  auth: 'jwt',
  groups: ['region_admin'],
  summary: 'test',
  params: z.strictObject({ id: z.string() }),
  body: z.strictObject({ n: z.number().int() }),
  responses: {},
});

const event = (over: Partial<APIGatewayProxyEventV2> & { claims?: Record<string, string> } = {}) =>
  ({
    headers: { 'content-type': 'application/json' },
    pathParameters: { id: 'a' },
    body: JSON.stringify({ n: 1 }),
    isBase64Encoded: false,
    requestContext: {
      http: { sourceIp: '127.0.0.1' },
      authorizer: {
        jwt: { claims: over.claims ?? { sub: 'u1', 'cognito:groups': '[region_admin]', amr: '[pwd otp mfa]' } },
      },
    },
    ...over,
  }) as unknown as APIGatewayProxyEventV2;

const context = { getRemainingTimeInMillis: () => 1000, functionName: 't', awsRequestId: 'r' } as unknown as Context;

describe('httpHandler', () => {
  const handler = httpHandler(trigger, async ({ params, body, caller }) =>
    ok({ id: params.id, n: body.n, sub: caller.sub }),
  );

  it('parses params and body and passes the caller', async () => {
    const res = await handler(event(), context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body as string)).toEqual({ id: 'a', n: 1, sub: 'u1' });
  });

  it('answers 403 when the caller lacks the group', async () => {
    const res = await handler(
      event({ claims: { sub: 'u1', 'cognito:groups': '[police]', amr: '[pwd otp mfa]' } }),
      context,
    );
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body as string).detail).toContain('needs one of the roles');
  });

  it('answers 403 problem+json to an administrator whose sign-in shows no second factor', async () => {
    const res = await handler(
      event({ claims: { sub: 'u1', 'cognito:groups': '[region_admin]', amr: '[pwd]' } }),
      context,
    );
    expect(res.statusCode).toBe(403);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(res.body as string).detail).toMatch(/second factor \(TOTP\)/);
  });

  it('answers 400 problem+json with field paths for a bad body', async () => {
    const res = await handler(event({ body: JSON.stringify({ n: 'x', extra: 1 }) }), context);
    expect(res.statusCode).toBe(400);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(res.body as string).errors.map((e: { path: string }) => e.path)).toEqual(['n', '(root)']);
  });

  it('answers 413 above 16 KB', async () => {
    const res = await handler(event({ body: JSON.stringify({ n: 1, pad: 'x'.repeat(16 * 1024) }) }), context);
    expect(res.statusCode).toBe(413);
  });

  it('maps domain errors and hides unexpected ones', async () => {
    const conflict = httpHandler(trigger, async () => {
      throw new ConflictError('already decided');
    });
    expect((await conflict(event(), context)).statusCode).toBe(409);
    const limited = httpHandler(trigger, async () => {
      throw new RateLimitedError('slow down', 60);
    });
    const res = await limited(event(), context);
    expect(res.statusCode).toBe(429);
    expect(res.headers?.['retry-after']).toBe('60');
    const boom = httpHandler(trigger, async () => {
      throw new Error('secret internals at /var/task');
    });
    const crash = await boom(event(), context);
    expect(crash.statusCode).toBe(500);
    expect(crash.body).not.toContain('secret internals');
  });
});

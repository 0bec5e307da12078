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
    expect(JSON.parse(res.body as string)).toMatchObject({
      type: 'https://plp-alert.be/problems/forbidden',
      detail: 'This action needs one of the roles: region_admin.',
    });
  });

  it('answers 403 problem+json to an administrator whose sign-in shows no second factor', async () => {
    const res = await handler(
      event({ claims: { sub: 'u1', 'cognito:groups': '[region_admin]', amr: '[pwd]' } }),
      context,
    );
    expect(res.statusCode).toBe(403);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(res.body as string)).toMatchObject({
      type: 'https://plp-alert.be/problems/mfa-required',
      detail: expect.stringMatching(/^The roles region_admin need a sign-in with a second factor \(TOTP\)/),
    });
  });

  it('answers 400 problem+json with a path and a code per field for a bad body', async () => {
    const res = await handler(event({ body: JSON.stringify({ n: 'x', extra: 1 }) }), context);
    expect(res.statusCode).toBe(400);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
    const body = JSON.parse(res.body as string);
    expect(body.type).toBe('https://plp-alert.be/problems/validation');
    expect(body.errors).toEqual([
      { path: 'n', code: 'invalid_type', message: 'Wrong type of value.' },
      { path: 'extra', code: 'unknown_field', message: 'Unexpected field.' },
    ]);
  });

  it('tells a missing field (required) from a wrong one, and never shows the validator text', async () => {
    const res = await handler(event({ body: JSON.stringify({}) }), context);
    const body = JSON.parse(res.body as string);
    expect(body.errors).toEqual([{ path: 'n', code: 'required', message: 'Required.' }]);
    expect(res.body).not.toMatch(/expected|received|Invalid input/i);
  });

  it('answers in the language of the body, else of Accept-Language, else English', async () => {
    const lang = httpHandler(
      { ...trigger, body: z.strictObject({ n: z.number().int(), language: z.enum(['fr', 'nl', 'de', 'en']) }) },
      async () => ok({}),
    );
    const bad = (body: object, headers: Record<string, string> = {}) =>
      lang(event({ body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }), context);
    const answer = async (res: Promise<{ body?: string }>) => JSON.parse((await res).body as string);

    const nl = await answer(bad({ n: 'x', language: 'nl' }, { 'accept-language': 'de' }));
    expect(nl).toMatchObject({ title: 'Ongeldige aanvraag', detail: 'Verbeter de aangeduide velden.' });
    expect(nl.errors[0]).toEqual({ path: 'n', code: 'invalid_type', message: 'Verkeerd type waarde.' });

    const de = await answer(bad({ n: 'x', language: 'xx' }, { 'accept-language': 'fr;q=0.5, de-BE;q=0.8' }));
    expect(de.title).toBe('Ungültige Anfrage');

    const fr = await answer(bad({ n: 'x', language: 'fr' }));
    expect(fr.errors).toEqual([{ path: 'n', code: 'invalid_type', message: 'Type de valeur erroné.' }]);

    const en = await answer(bad({ n: 'x' }, { 'accept-language': 'es-ES,es;q=0.9' }));
    expect(en.title).toBe('Invalid request');
  });

  it('answers an unreadable body in the language of Accept-Language, with its own type', async () => {
    const res = await handler(
      event({ body: '{"n":', headers: { 'content-type': 'application/json', 'accept-language': 'fr-BE' } }),
      context,
    );
    expect(JSON.parse(res.body as string)).toMatchObject({
      type: 'https://plp-alert.be/problems/invalid-json',
      title: 'Contenu illisible',
      status: 400,
    });
    const text = await handler(event({ body: 'n=1', headers: { 'content-type': 'text/plain' } }), context);
    expect(JSON.parse(text.body as string).type).toBe('https://plp-alert.be/problems/unsupported-media-type');
    const none = await handler(event({ body: '' }), context);
    expect(JSON.parse(none.body as string).type).toBe('https://plp-alert.be/problems/body-required');
  });

  it('answers 413 above 16 KB', async () => {
    const res = await handler(event({ body: JSON.stringify({ n: 1, pad: 'x'.repeat(16 * 1024) }) }), context);
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body as string)).toMatchObject({
      type: 'https://plp-alert.be/problems/payload-too-large',
      detail: 'The body exceeds 16384 bytes.',
    });
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
    expect(JSON.parse(crash.body as string).type).toBe('https://plp-alert.be/problems/internal-error');
  });

  it('answers the kind a domain error carries, with its variables, in the chosen language', async () => {
    const kind = {
      slug: 'test-kind',
      status: 409,
      title: { fr: 'T', nl: 'T', de: 'T', en: 'T' },
      detail: { fr: 'D {x} fr', nl: 'D {x} nl', de: 'D {x} de', en: 'D {x} en' },
    } as const;
    const conflict = httpHandler(trigger, async () => {
      throw new ConflictError(kind, { vars: { x: 7 } });
    });
    const res = await conflict(
      event({ headers: { 'content-type': 'application/json', 'accept-language': 'de' } }),
      context,
    );
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body as string)).toEqual({
      type: 'https://plp-alert.be/problems/test-kind',
      title: 'T',
      status: 409,
      detail: 'D 7 de',
    });
  });
});

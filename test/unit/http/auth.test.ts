import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '../../../shared/errors.ts';
import { callerFromEvent } from '../../../shared/http/auth.ts';

const withClaims = (claims?: Record<string, unknown>) =>
  ({ requestContext: { authorizer: claims ? { jwt: { claims } } : undefined } }) as unknown as APIGatewayProxyEventV2;

describe('callerFromEvent', () => {
  it('keeps the e-mail (lower case) only when the token says it is verified, as a string or a boolean', () => {
    const base = { sub: 'u1', email: 'Coord@Example.be', 'cognito:groups': '[coordinator]' };
    expect(callerFromEvent(withClaims({ ...base, email_verified: 'true' })).email).toBe('coord@example.be');
    expect(callerFromEvent(withClaims({ ...base, email_verified: true })).email).toBe('coord@example.be');
    expect(callerFromEvent(withClaims({ ...base, email_verified: 'false' })).email).toBeUndefined();
    expect(callerFromEvent(withClaims(base)).email).toBeUndefined();
  });

  it('refuses a police officer or an administrator whose token shows no second factor', () => {
    for (const groups of ['[police]', '[commune_admin]', '[region_admin]', '[coordinator region_admin]']) {
      expect(() => callerFromEvent(withClaims({ sub: 'u1', 'cognito:groups': groups }))).toThrow(ForbiddenError);
      expect(() => callerFromEvent(withClaims({ sub: 'u1', 'cognito:groups': groups, amr: '[pwd]' }))).toThrow(
        /second factor/,
      );
    }
  });

  it('accepts them with "mfa" in amr, as API Gateway renders it, as an array or as JSON', () => {
    for (const amr of ['[pwd otp mfa]', ['pwd', 'otp', 'mfa'], '["pwd","otp","mfa"]']) {
      expect(callerFromEvent(withClaims({ sub: 'u1', 'cognito:groups': '[police]', amr })).groups).toEqual(['police']);
    }
  });

  it('lets a coordinator in without a second factor (optional for them)', () => {
    expect(callerFromEvent(withClaims({ sub: 'u1', 'cognito:groups': '[coordinator]' })).groups).toEqual([
      'coordinator',
    ]);
  });

  it('answers 401 without a sub', () => {
    expect(() => callerFromEvent(withClaims())).toThrow(UnauthorizedError);
    expect(() => callerFromEvent(withClaims({ email: 'x@example.be' }))).toThrow(UnauthorizedError);
  });
});

import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type Caller, Group } from '../directory/caller.ts';
import { UnauthorizedError } from '../errors.ts';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * The caller of a JWT route, from the claims that the HTTP API's JWT authorizer (or, locally, the local
 * verifier) has already checked. API Gateway renders list claims as "[a b]"; both that and arrays are read.
 */
export function callerFromEvent(event: APIGatewayProxyEventV2): Caller {
  const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: Claims } } }).authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (!claims || typeof sub !== 'string' || !sub) throw new UnauthorizedError('A valid bearer token is required');
  return {
    sub,
    email: typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined,
    groups: parseGroups(claims['cognito:groups']),
  };
}

export function parseGroups(raw: Claims[string]): Group[] {
  const names = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/) : [];
  return names.flatMap((n) => {
    const g = Group.safeParse(n);
    return g.success ? [g.data] : [];
  });
}

/** The bearer token of a member route, or 401. */
export function bearerToken(event: APIGatewayProxyEventV2): string {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) throw new UnauthorizedError('A member token is required (authorization: Bearer …)');
  return match[1];
}

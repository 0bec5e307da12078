import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type Caller, Group, MFA_GROUPS } from '../directory/caller.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';
import { memberLinkInvalidProblem, mfaRequiredProblem, unauthorizedProblem } from '../i18n/problems.ts';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * The caller of a JWT route, from the claims that the HTTP API's JWT authorizer (or, locally, the local
 * verifier) has already checked. API Gateway renders list claims as "[a b]" and every other claim as a
 * string ("true"); both those and JSON values are read.
 *
 * - The e-mail is kept only when `email_verified` is true: assignments made by e-mail go to whoever proved
 *   that address, never to an account that merely typed it.
 * - A caller in a group that needs MFA (police, commune and region administrators) whose token does not show
 *   a second factor (`amr` without "mfa", Cognito's ACR/AMR claims) is refused with 403.
 */
export function callerFromEvent(event: APIGatewayProxyEventV2): Caller {
  const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: Claims } } }).authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (!claims || typeof sub !== 'string' || !sub) throw new UnauthorizedError(unauthorizedProblem);
  const groups = parseGroups(claims['cognito:groups']);
  const needsMfa = groups.filter((g) => MFA_GROUPS.includes(g));
  if (needsMfa.length && !listClaim(claims.amr).includes('mfa')) {
    throw new ForbiddenError(mfaRequiredProblem, { vars: { roles: needsMfa.join(', ') } });
  }
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  return {
    sub,
    email: verified && typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined,
    groups,
  };
}

/** A list claim as API Gateway renders it ("[a b]"), as an array, or as a JSON array string. */
function listClaim(raw: Claims[string]): string[] {
  if (Array.isArray(raw)) return raw;
  if (typeof raw !== 'string') return [];
  if (raw.startsWith('["')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) return parsed.filter((v): v is string => typeof v === 'string');
    } catch {
      // not JSON: read it as "[a b]" below
    }
  }
  return raw
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function parseGroups(raw: Claims[string]): Group[] {
  return listClaim(raw).flatMap((n) => {
    const g = Group.safeParse(n);
    return g.success ? [g.data] : [];
  });
}

/** The bearer token of a member route, or 401. */
export function bearerToken(event: APIGatewayProxyEventV2): string {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) throw new UnauthorizedError(memberLinkInvalidProblem);
  return match[1];
}

import { exportJWK, generateKeyPair, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';
import { Group, MFA_GROUPS } from '../shared/directory/caller.ts';

/**
 * What POST /dev/token signs. Like a Cognito sign-in: the e-mail is verified unless `emailVerified: false`,
 * and the token shows a second factor (`amr: ["pwd","otp","mfa"]`) when one of the groups needs it (police,
 * commune and region admins) unless `mfa: false`; `mfa: true` adds it for a coordinator too.
 */
export const TokenRequest = z.strictObject({
  sub: z.string().min(1).max(128),
  email: z.email().optional(),
  groups: z.array(Group).default([]),
  emailVerified: z.boolean().default(true),
  mfa: z.boolean().optional(),
});

/**
 * The local stand-in for Cognito: signs RS256 tokens with a key made at start-up, and verifies them the way
 * the HTTP API's JWT authorizer does — signature with that key only, issuer, audience, expiry; `alg: none`,
 * other algorithms and unsigned tokens are refused.
 */
export async function localIssuer(issuer: string, audience = 'plp-alert-local') {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = 'local-1';
  return {
    issuer,
    audience,
    jwks: async () => ({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] }),
    async sign(request: z.input<typeof TokenRequest>, ttlSeconds = 3600): Promise<string> {
      const input = TokenRequest.parse(request);
      const mfa = input.mfa ?? input.groups.some((g) => MFA_GROUPS.includes(g));
      return new SignJWT({
        email: input.email,
        ...(input.email ? { email_verified: input.emailVerified } : {}),
        'cognito:groups': input.groups,
        amr: mfa ? ['pwd', 'otp', 'mfa'] : ['pwd'],
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setSubject(input.sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey);
    },
    /** The claims as API Gateway passes them to a Lambda (lists rendered as "[a b]", booleans as "true"), or undefined. */
    async verify(token: string): Promise<Record<string, string | number | boolean> | undefined> {
      try {
        const { payload } = await jwtVerify(token, publicKey, { issuer, audience, algorithms: ['RS256'] });
        return toGatewayClaims(payload);
      } catch {
        return undefined;
      }
    },
  };
}
export type LocalIssuer = Awaited<ReturnType<typeof localIssuer>>;

function toGatewayClaims(payload: JWTPayload): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(payload)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v)
      ? `[${v.join(' ')}]`
      : typeof v === 'object'
        ? JSON.stringify(v)
        : typeof v === 'boolean'
          ? String(v)
          : (v as string | number);
  }
  return out;
}

/**
 * Confirmation codes and member tokens. Secrets are stored only as HMAC-SHA256 hashes keyed with a
 * pepper held outside the table; comparisons are constant-time.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_TTL_SECONDS = 900;
export const MAX_CODE_ATTEMPTS = 5;

/** A 6-digit confirmation code, uniformly drawn from 000000–999999 (leading zeros kept). */
export function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

export type StoredCode = { hash: string; expiresAt: string; attempts: number };

/** A fresh code and what is stored of it: its hash, its expiry (CODE_TTL_SECONDS from now), no attempts. */
export function newCode(pepper: string, now: Date): { code: string; stored: StoredCode } {
  const code = generateCode();
  return {
    code,
    stored: {
      hash: hashSecret(code, pepper),
      expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000).toISOString(),
      attempts: 0,
    },
  };
}

/** HMAC-SHA256 of the secret with the pepper, as lower-case hex. */
export function hashSecret(secret: string, pepper: string): string {
  return createHmac('sha256', pepper).update(secret, 'utf8').digest('hex');
}

/** Whether `given` hashes to `storedHash`, compared in constant time. */
export function verifyCode(given: string, storedHash: string, pepper: string): boolean {
  const a = Buffer.from(hashSecret(given, pepper), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

/** A new member token (256 random bits, base64url) and its hash, which is all that is stored. */
export function newMemberToken(pepper: string): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token, pepper) };
}

export type CodeState = { attempts: number; expiresAt: Date | string | number; locked: boolean };
export type CodeAttemptOutcome = 'confirmed' | 'wrong' | 'locked' | 'expired';
export type CodeAttemptResult = { outcome: CodeAttemptOutcome; attempts: number; locked: boolean };

/** One attempt at a stored code: the given code checked against its hash, then the rules below. */
export function attemptCode(given: string, stored: StoredCode, pepper: string, now: Date): CodeAttemptResult {
  return checkCodeAttempt({ ...stored, locked: false }, verifyCode(given, stored.hash, pepper), now);
}

/**
 * The next state after one attempt at the code. `attempts` counts wrong codes; the
 * MAX_CODE_ATTEMPTS-th wrong code locks, and every later attempt, right or wrong, is 'locked'.
 * An expired code is 'expired' (not counted), unless already locked.
 */
export function checkCodeAttempt(state: CodeState, ok: boolean, now: Date): CodeAttemptResult {
  const { attempts } = state;
  if (state.locked || attempts >= MAX_CODE_ATTEMPTS) return { outcome: 'locked', attempts, locked: true };
  if (now.getTime() >= new Date(state.expiresAt).getTime()) return { outcome: 'expired', attempts, locked: false };
  if (ok) return { outcome: 'confirmed', attempts, locked: false };
  const next = attempts + 1;
  return { outcome: 'wrong', attempts: next, locked: next >= MAX_CODE_ATTEMPTS };
}

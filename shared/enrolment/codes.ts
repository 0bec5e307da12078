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

/** Whether the code's time is over (an expired code is refused before any attempt is counted). */
export const codeExpired = (stored: Pick<StoredCode, 'expiresAt'>, now: Date) =>
  now.getTime() >= new Date(stored.expiresAt).getTime();

/**
 * Judges one attempt that the store has already counted (atomically, before any comparison), against the
 * codes still waiting (one per contact; an expired one is never compared): no count left → 'locked',
 * whatever the code; a code of one contact → 'confirmed' with that contact; anything else → 'wrong', and
 * `locks` when it used the last of MAX_CODE_ATTEMPTS. So no burst of requests gets more than
 * MAX_CODE_ATTEMPTS comparisons, and once they are used every answer is the same.
 */
export function judgeCountedAttempt<K extends string>(
  given: string,
  counted: { attempts: number; codes: Partial<Record<K, Omit<StoredCode, 'attempts'>>> } | undefined,
  pepper: string,
  now: Date,
): { outcome: 'confirmed'; contact: K } | { outcome: 'wrong'; locks: boolean } | { outcome: 'locked' } {
  if (!counted) return { outcome: 'locked' };
  // Every live code is compared, so the time taken does not tell which contact a code was meant for.
  const matches = (Object.entries(counted.codes) as [K, Omit<StoredCode, 'attempts'>][]).filter(
    ([, code]) => verifyCode(given, code.hash, pepper) && !codeExpired(code, now),
  );
  if (matches.length > 0) return { outcome: 'confirmed', contact: matches[0]![0] };
  return { outcome: 'wrong', locks: counted.attempts >= MAX_CODE_ATTEMPTS };
}

import { describe, expect, it } from 'vitest';
import {
  CODE_TTL_SECONDS,
  codeExpired,
  generateCode,
  hashSecret,
  judgeCountedAttempt,
  MAX_CODE_ATTEMPTS,
  newCode,
  newMemberToken,
  verifyCode,
} from '../../../shared/enrolment/codes.ts';

const pepper = 'test-pepper';

describe('codes', () => {
  it('has the documented constants', () => {
    expect(CODE_TTL_SECONDS).toBe(900);
    expect(MAX_CODE_ATTEMPTS).toBe(5);
  });

  it('generates six-digit codes, leading zeros kept', () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    // With 2000 draws, some code below 100000 is all but certain (P(miss) ≈ 0.9^2000).
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1900);
  });

  it('hashes with HMAC-SHA256 (hex), depending on the pepper', () => {
    const h = hashSecret('123456', pepper);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret('123456', pepper)).toBe(h);
    expect(hashSecret('123456', 'other')).not.toBe(h);
    // RFC 4231 test case 2
    expect(hashSecret('what do ya want for nothing?', 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('verifies the right code and refuses a wrong one', () => {
    const stored = hashSecret('012345', pepper);
    expect(verifyCode('012345', stored, pepper)).toBe(true);
    expect(verifyCode('12345', stored, pepper)).toBe(false);
    expect(verifyCode('012346', stored, pepper)).toBe(false);
    expect(verifyCode('012345', stored, 'other-pepper')).toBe(false);
    expect(verifyCode('012345', 'not-a-hash', pepper)).toBe(false);
  });

  it('makes 256-bit base64url member tokens stored only as a hash', () => {
    const { token, hash } = newMemberToken(pepper);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashSecret(token, pepper));
    expect(verifyCode(token, hash, pepper)).toBe(true);
    expect(newMemberToken(pepper).token).not.toBe(token);
  });
});

describe('newCode', () => {
  it('stores the hash of a 6-digit code, expiring CODE_TTL_SECONDS later, with no attempts', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const { code, stored } = newCode('pepper', now);
    expect(code).toMatch(/^\d{6}$/);
    expect(stored.hash).not.toContain(code);
    expect(verifyCode(code, stored.hash, 'pepper')).toBe(true);
    expect(new Date(stored.expiresAt).getTime() - now.getTime()).toBe(CODE_TTL_SECONDS * 1000);
    expect(stored.attempts).toBe(0);
  });
});

describe('judgeCountedAttempt (an attempt the store counted first)', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const phone = newCode(pepper, now);
  const email = newCode(pepper, now);
  const wrong = ['000000', '111111', '222222'].find((c) => c !== phone.code && c !== email.code)!;
  const counted = (attempts: number) => ({ attempts, codes: { phone: phone.stored, email: email.stored } });

  it('confirms the code of either contact, up to the last counted attempt, and says which', () => {
    expect(judgeCountedAttempt(phone.code, counted(1), pepper, now)).toEqual({
      outcome: 'confirmed',
      contact: 'phone',
    });
    expect(judgeCountedAttempt(email.code, counted(MAX_CODE_ATTEMPTS), pepper, now)).toEqual({
      outcome: 'confirmed',
      contact: 'email',
    });
    expect(judgeCountedAttempt(phone.code, counted(1), 'another-pepper', now).outcome).toBe('wrong');
  });

  it('never confirms with an expired code', () => {
    const later = new Date(now.getTime() + CODE_TTL_SECONDS * 1000);
    expect(judgeCountedAttempt(phone.code, counted(1), pepper, later)).toEqual({ outcome: 'wrong', locks: false });
  });

  it('locks with the wrong code of the last attempt only, whichever contact it was meant for', () => {
    expect(judgeCountedAttempt(wrong, counted(MAX_CODE_ATTEMPTS - 1), pepper, now)).toEqual({
      outcome: 'wrong',
      locks: false,
    });
    expect(judgeCountedAttempt(wrong, counted(MAX_CODE_ATTEMPTS), pepper, now)).toEqual({
      outcome: 'wrong',
      locks: true,
    });
  });

  it('answers locked, right code or not, when no attempt was left to count', () => {
    expect(judgeCountedAttempt(phone.code, undefined, pepper, now)).toEqual({ outcome: 'locked' });
    expect(judgeCountedAttempt(wrong, undefined, pepper, now)).toEqual({ outcome: 'locked' });
  });
});

describe('codeExpired', () => {
  it('is over at the time to live, and takes ISO strings', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const { stored } = newCode(pepper, now);
    expect(codeExpired(stored, new Date(now.getTime() + CODE_TTL_SECONDS * 1000 - 1))).toBe(false);
    expect(codeExpired(stored, new Date(now.getTime() + CODE_TTL_SECONDS * 1000))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  CODE_TTL_SECONDS,
  attemptCode,
  MAX_CODE_ATTEMPTS,
  checkCodeAttempt,
  generateCode,
  hashSecret,
  newCode,
  newMemberToken,
  verifyCode,
  type CodeState,
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

describe('checkCodeAttempt', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const fresh: CodeState = { attempts: 0, expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000), locked: false };

  function run(attempts: boolean[], start: CodeState = fresh) {
    let state = start;
    const outcomes: string[] = [];
    for (const ok of attempts) {
      const r = checkCodeAttempt(state, ok, now);
      outcomes.push(r.outcome);
      state = { ...state, attempts: r.attempts, locked: r.locked };
    }
    return { outcomes, state };
  }

  it('confirms the right code at once', () => {
    expect(checkCodeAttempt(fresh, true, now)).toEqual({ outcome: 'confirmed', attempts: 0, locked: false });
  });

  it('confirms the right code after four wrong ones', () => {
    const { outcomes } = run([false, false, false, false, true]);
    expect(outcomes).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'confirmed']);
  });

  it('locks on the fifth wrong code, then refuses everything', () => {
    const { outcomes, state } = run([false, false, false, false, false, true, false]);
    expect(outcomes).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'locked', 'locked']);
    expect(state).toMatchObject({ attempts: 5, locked: true });
  });

  it('reports the fifth wrong code as wrong but locking', () => {
    expect(checkCodeAttempt({ ...fresh, attempts: 4 }, false, now)).toEqual({
      outcome: 'wrong',
      attempts: 5,
      locked: true,
    });
  });

  it('treats an already locked state as locked even with the right code', () => {
    expect(checkCodeAttempt({ ...fresh, locked: true }, true, now).outcome).toBe('locked');
    expect(checkCodeAttempt({ ...fresh, attempts: 5 }, true, now).outcome).toBe('locked');
  });

  it('expires after the time to live', () => {
    const later = new Date(now.getTime() + CODE_TTL_SECONDS * 1000);
    expect(checkCodeAttempt(fresh, true, later)).toEqual({ outcome: 'expired', attempts: 0, locked: false });
    expect(checkCodeAttempt(fresh, false, later).outcome).toBe('expired');
    expect(checkCodeAttempt(fresh, true, new Date(later.getTime() - 1)).outcome).toBe('confirmed');
  });

  it('accepts expiresAt as an ISO string or epoch milliseconds', () => {
    const iso = new Date(now.getTime() + 1000).toISOString();
    expect(checkCodeAttempt({ ...fresh, expiresAt: iso }, true, now).outcome).toBe('confirmed');
    expect(checkCodeAttempt({ ...fresh, expiresAt: now.getTime() - 1 }, true, now).outcome).toBe('expired');
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

describe('attemptCode', () => {
  it('checks the given code against the stored hash before applying the attempt rules', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const { code, stored } = newCode(pepper, now);
    expect(attemptCode(code, stored, pepper, now).outcome).toBe('confirmed');
    expect(attemptCode(code === '000000' ? '111111' : '000000', stored, pepper, now)).toEqual({
      outcome: 'wrong',
      attempts: 1,
      locked: false,
    });
    expect(attemptCode(code, stored, 'another-pepper', now).outcome).toBe('wrong');
  });
});

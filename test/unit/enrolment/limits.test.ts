import { describe, expect, it } from 'vitest';
import {
  CLIENT_BUCKET,
  CONTACT_LIMITS,
  checkLimit,
  longestWindowSeconds,
  secondsToFull,
  takeToken,
} from '../../../shared/enrolment/limits.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const now = Date.parse('2026-11-22T12:00:00Z');

describe('checkLimit', () => {
  it('has the documented contact limits', () => {
    expect(CONTACT_LIMITS).toEqual([
      { windowSeconds: 3600, max: 3 },
      { windowSeconds: 86400, max: 5 },
    ]);
    expect(longestWindowSeconds(CONTACT_LIMITS)).toBe(86400);
  });

  it('allows the first sends', () => {
    expect(checkLimit([], now)).toEqual({ allowed: true });
    expect(checkLimit([now - 10 * MIN, now - 5 * MIN], now)).toEqual({ allowed: true });
  });

  it('refuses a fourth send within the hour, with the time until the oldest leaves the window', () => {
    const sends = [now - 50 * MIN, now - 20 * MIN, now - 1 * MIN];
    expect(checkLimit(sends, now)).toEqual({ allowed: false, retryAfterSeconds: 10 * 60 });
    // once the oldest is an hour old, one more is allowed
    expect(checkLimit(sends, now + 10 * MIN)).toEqual({ allowed: true });
    expect(checkLimit(sends, now + 10 * MIN - 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('does not depend on the order of the timestamps', () => {
    const sends = [now - 1 * MIN, now - 50 * MIN, now - 20 * MIN];
    expect(checkLimit(sends, now)).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it('refuses a sixth send within the day', () => {
    const sends = [now - 20 * HOUR, now - 15 * HOUR, now - 10 * HOUR, now - 5 * HOUR, now - 2 * HOUR];
    expect(checkLimit(sends, now)).toEqual({ allowed: false, retryAfterSeconds: 4 * 3600 });
    expect(checkLimit(sends, now + 4 * HOUR)).toEqual({ allowed: true });
  });

  it('answers the longest wait when several rules are broken', () => {
    const sends = [now - 23 * HOUR, now - 22 * HOUR, now - 30 * MIN, now - 20 * MIN, now - 10 * MIN];
    // hourly rule: wait 30 min; daily rule: wait 1 h until the 23-hour-old send leaves the day
    expect(checkLimit(sends, now)).toEqual({ allowed: false, retryAfterSeconds: 3600 });
  });

  it('ignores sends older than every window', () => {
    const sends = Array.from({ length: 50 }, (_, i) => now - 25 * HOUR - i * MIN);
    expect(checkLimit(sends, now)).toEqual({ allowed: true });
  });

  it('applies other rules when given', () => {
    const rules = [{ windowSeconds: 3600, max: 20 }];
    const sends = Array.from({ length: 20 }, (_, i) => now - i * MIN);
    expect(checkLimit(sends.slice(0, 19), now, rules)).toEqual({ allowed: true });
    expect(checkLimit(sends, now, rules)).toEqual({ allowed: false, retryAfterSeconds: 41 * 60 });
  });

  it('rounds the wait up to whole seconds, at least one', () => {
    const sends = [now - HOUR + 1500, now - 2, now - 1];
    expect(checkLimit(sends, now)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });
});

describe('takeToken (the per-address bucket)', () => {
  it('lets a room of 60 people enrol within 15 minutes from one address (4 requests each)', () => {
    let state;
    let refused = 0;
    for (let i = 0; i < 240; i++) {
      const { decision, next } = takeToken(state, CLIENT_BUCKET, now + (i * 15 * MIN) / 240);
      if (!decision.allowed) refused++;
      state = next;
    }
    expect(refused).toBe(0);
  });

  it('refuses once the bucket is empty, for as long as one token takes to come back', () => {
    const bucket = { capacity: 2, refillPerSecond: 0.5 };
    const a = takeToken(undefined, bucket, now);
    const b = takeToken(a.next, bucket, now);
    const c = takeToken(b.next, bucket, now);
    expect([a.decision.allowed, b.decision.allowed]).toEqual([true, true]);
    expect(c.decision).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(takeToken(c.next, bucket, now + 2000).decision).toEqual({ allowed: true });
    expect(secondsToFull(0, bucket)).toBe(4);
  });
});

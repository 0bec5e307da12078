/**
 * Sliding-window rate limits. Given the times of earlier sends, decides whether one more is allowed
 * now and, if not, how long until it would be.
 */

export type LimitRule = { windowSeconds: number; max: number };
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Per contact (codes and member links): at most 3 an hour and 5 a day. */
export const CONTACT_LIMITS: readonly LimitRule[] = [
  { windowSeconds: 3600, max: 3 },
  { windowSeconds: 86_400, max: 5 },
];
/** Per client address on the public routes. */
export const CLIENT_LIMITS: readonly LimitRule[] = [
  { windowSeconds: 3600, max: 20 },
  { windowSeconds: 86_400, max: 100 },
];

/** The longest window of the rules, in seconds: how long earlier timestamps must be kept. */
export function longestWindowSeconds(rules: readonly LimitRule[]): number {
  return rules.reduce((m, r) => Math.max(m, r.windowSeconds), 0);
}

/**
 * @param timestamps epoch milliseconds of earlier sends (any order)
 * @param now epoch milliseconds
 * A send counts in a window while `now - t < windowSeconds * 1000`.
 */
export function checkLimit(
  timestamps: readonly number[],
  now: number,
  rules: readonly LimitRule[] = CONTACT_LIMITS,
): LimitDecision {
  let retryAfterMs = 0;
  for (const { windowSeconds, max } of rules) {
    const windowMs = windowSeconds * 1000;
    const inWindow = timestamps.filter((t) => now - t < windowMs).sort((a, b) => a - b);
    if (inWindow.length < max) continue;
    // One more is allowed once only max - 1 remain in the window: when the (n - max + 1)-th oldest leaves.
    const leaving = max <= 0 ? undefined : inWindow[inWindow.length - max];
    const wait = leaving === undefined ? windowMs : leaving + windowMs - now;
    retryAfterMs = Math.max(retryAfterMs, wait);
  }
  if (retryAfterMs === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

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
/**
 * A token bucket: up to `capacity` requests at once, refilled at `refillPerSecond`. The state is two numbers,
 * whatever the traffic (a sliding window would keep every request's time).
 */
export type TokenBucket = { capacity: number; refillPerSecond: number };
export type BucketState = { tokens: number; at: number };

/**
 * Per client address on the anonymous routes. Sized for an information evening: 60 people on one Wi-Fi (or
 * behind one carrier address) enrolling within 15 minutes make about 4 requests each (enrol, confirm, a
 * retry, a member link): 240 at once fit in the bucket of 300, which then refills at one request every
 * 5 seconds (720 an hour). Per-contact limits are the protection against SMS pumping; this one only slows a
 * single address down.
 */
export const CLIENT_BUCKET: TokenBucket = { capacity: 300, refillPerSecond: 0.2 };

/** Takes one token at `now` (epoch ms) if there is one; the decision and the bucket's next state. */
export function takeToken(
  state: BucketState | undefined,
  bucket: TokenBucket,
  now: number,
): { decision: LimitDecision; next: BucketState } {
  const elapsed = state ? Math.max(0, now - state.at) / 1000 : 0;
  const tokens = state ? Math.min(bucket.capacity, state.tokens + elapsed * bucket.refillPerSecond) : bucket.capacity;
  if (tokens >= 1) return { decision: { allowed: true }, next: { tokens: tokens - 1, at: now } };
  const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / bucket.refillPerSecond));
  return { decision: { allowed: false, retryAfterSeconds }, next: { tokens, at: now } };
}

/** Seconds until a bucket left at `tokens` is full again (how long its state is worth keeping). */
export const secondsToFull = (tokens: number, bucket: TokenBucket) =>
  Math.ceil(Math.max(0, bucket.capacity - tokens) / bucket.refillPerSecond);

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

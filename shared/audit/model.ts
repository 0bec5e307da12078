import { createHash } from 'node:crypto';

/**
 * The audit trail of a subject (a report): every decision, feedback, added information and every read by the
 * police or a coordinator is appended as an entry, never changed. Each entry carries the SHA-256 hash of the
 * previous entry of its subject (a hash chain) and its own hash over all its fields, so an entry altered in
 * place breaks its own hash (or, if the hash was recomputed, the next entry's link), and an entry removed from
 * the middle leaves a gap in the sequence. Removing the last entries leaves a shorter chain that is still
 * valid: the chain alone cannot tell; the trail's head (last seq and hash, written with every append) can,
 * which `verifyTrail` checks. What no chain detects: whoever can write the table and knows the algorithm may
 * rewrite a subject's whole trail and its head consistently — the hashes make tampering evident, not
 * impossible; IAM (no UpdateItem/DeleteItem on audit items) and point-in-time recovery guard the rest.
 */

/** A JSON value small enough to say what changed: ids, statuses, codes. Never report text or contact data. */
export type AuditValue =
  string | number | boolean | null | readonly AuditValue[] | { readonly [key: string]: AuditValue };
export type AuditChanges = { readonly [key: string]: AuditValue };

/** What was done. Open: use cases add their own words; these are the ones issue 17 names. */
export type AuditAction = 'read' | 'decided' | 'feedback' | 'information_added' | (string & {});

/** What a use case appends: who (`sub:…`, `email:…`, `member:…`), did what, and what changed. */
export type AuditInput = { actor: string; action: AuditAction; changes?: AuditChanges };

export type AuditEntry = {
  /** The subject of the trail: a report id. */
  subjectId: string;
  /** 1, 2, 3, … without gaps. */
  seq: number;
  actor: string;
  action: AuditAction;
  /** When, ISO-8601 UTC with milliseconds. */
  at: string;
  changes: AuditChanges;
  /** The hash of entry `seq - 1`, or GENESIS_HASH for entry 1. */
  prevHash: string;
  /** hashEntry of this entry: SHA-256, lower-case hex. */
  hash: string;
};

/** The last entry of a trail, kept apart from the entries so that removing the last ones is detected. */
export type AuditHead = { seq: number; hash: string };

/** A subject's trail as read: the head (undefined when none is stored) and the entries in seq order. */
export type AuditTrail = { head: AuditHead | undefined; entries: AuditEntry[] };

/** What the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The most `changes` may weigh, canonically serialised: a few ids and statuses, never text. */
export const MAX_CHANGES_BYTES = 1024;

/** Prefixed to the serialisation before hashing: a new serialisation is a new version, never a silent change. */
const HASH_DOMAIN = 'plp-audit-entry-v1\n';

export class AuditChangesError extends Error {
  override name = 'AuditChangesError';
}

/**
 * The canonical serialisation the hash is computed over: JSON with no whitespace, object keys sorted by UTF-16
 * code units at every depth, strings and numbers as JSON.stringify writes them, keys whose value is undefined
 * left out. For the values an entry may hold (strings, finite numbers, booleans, null, arrays, objects) this
 * is the JSON Canonicalization Scheme of RFC 8785, so any language can recompute a hash. The order DynamoDB
 * returns a map's keys in therefore never matters.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new AuditChangesError('an audit value must be a finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const fields = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${fields.join(',')}}`;
  }
  throw new AuditChangesError(`an audit value cannot be a ${typeof value}`);
}

/** SHA-256 (hex) of an entry's every field but `hash`, canonically serialised (canonicalJson). */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { subjectId, seq, actor, action, at, changes, prevHash } = entry;
  const body = canonicalJson({ subjectId, seq, actor, action, at, changes, prevHash });
  return createHash('sha256')
    .update(HASH_DOMAIN + body, 'utf8')
    .digest('hex');
}

/**
 * The entry that follows `previous` (the trail's head or last entry; undefined for the first) in the trail
 * of `subjectId`. Throws AuditChangesError when `changes` is not small JSON.
 */
export function nextEntry(
  subjectId: string,
  previous: AuditHead | undefined,
  input: AuditInput,
  now: Date,
): AuditEntry {
  const changes = input.changes ?? {};
  const size = Buffer.byteLength(canonicalJson(changes), 'utf8');
  if (size > MAX_CHANGES_BYTES) {
    throw new AuditChangesError(
      `audit changes are ${size} bytes, more than ${MAX_CHANGES_BYTES}: ids and statuses only`,
    );
  }
  const unhashed = {
    subjectId,
    seq: (previous?.seq ?? 0) + 1,
    actor: input.actor,
    action: input.action,
    at: now.toISOString(),
    changes,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...unhashed, hash: hashEntry(unhashed) };
}

/**
 * Why a trail does not verify, at the seq where it first breaks:
 * - `gap`: the entry found there does not carry the seq expected (one is missing, repeated or out of order),
 *   or the head names an entry that is not there (the last entries were removed);
 * - `hash`: the entry's hash is not the hash of its fields (a field was altered);
 * - `link`: its `prevHash` is not the previous entry's hash (the previous entry was altered and rehashed, or
 *   replaced);
 * - `head`: the head is missing, or its hash is not the hash of the entry it names.
 */
export type ChainBreak = 'gap' | 'hash' | 'link' | 'head';
export type ChainVerdict = { valid: true } | { valid: false; brokenAt: number; reason: ChainBreak };

/**
 * Verifies entries read in seq order: seqs 1, 2, 3, … each hashed right and linked to the one before. A
 * trail whose last entries were removed still verifies here; use verifyTrail with the head to detect that.
 */
export function verifyChain(entries: readonly AuditEntry[]): ChainVerdict {
  let previousHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const expected = index + 1;
    if (entry.seq !== expected) return { valid: false, brokenAt: expected, reason: 'gap' };
    let hash: string;
    try {
      hash = hashEntry(entry);
    } catch {
      return { valid: false, brokenAt: expected, reason: 'hash' }; // a value no append could have written
    }
    if (hash !== entry.hash) return { valid: false, brokenAt: expected, reason: 'hash' };
    if (entry.prevHash !== previousHash) return { valid: false, brokenAt: expected, reason: 'link' };
    previousHash = entry.hash;
  }
  return { valid: true };
}

/**
 * Verifies a trail: its chain (verifyChain), and that the chain reaches its head, so removing the last
 * entries is detected too. Entries after the head are allowed (an append that landed while the trail was
 * being read); they are verified by the chain. A trail with neither head nor entries is valid (nothing was
 * ever appended).
 */
export function verifyTrail(trail: AuditTrail): ChainVerdict {
  const chain = verifyChain(trail.entries);
  if (!chain.valid) return chain;
  const { head, entries } = trail;
  if (!head) return entries.length === 0 ? chain : { valid: false, brokenAt: entries.length, reason: 'head' };
  if (!Number.isInteger(head.seq) || head.seq < 1) return { valid: false, brokenAt: 1, reason: 'head' };
  if (entries.length < head.seq) return { valid: false, brokenAt: entries.length + 1, reason: 'gap' };
  if (entries[head.seq - 1]!.hash !== head.hash) return { valid: false, brokenAt: head.seq, reason: 'head' };
  return chain;
}

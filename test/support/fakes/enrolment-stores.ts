import { type BucketState, checkLimit, longestWindowSeconds, takeToken } from '../../../shared/enrolment/limits.ts';
import { invalidPageTokenField, invalidPageTokenProblem } from '../../../shared/i18n/problems.ts';
import type {
  Enrolment,
  EnrolmentStore,
  LimitStore,
  Member,
  MemberStore,
  Membership,
  OnceStore,
} from '../../../shared/enrolment/ports.ts';
import { enrolmentRetainedUntil } from '../../../shared/enrolment/retention.ts';
import { ConflictError, ValidationError } from '../../../shared/errors.ts';
import { assertNoRepeats, copy, sortedBy } from './copy.ts';

/**
 * In-memory EnrolmentStore, MemberStore, LimitStore and OnceStore with the rules of the DynamoDB adapters in
 * shared/adapters/dynamodb/enrolment-store.ts; they pass the same contract suite
 * (test/support/contracts/enrolment-stores.contract.ts).
 *
 * The four share one set of records, as the adapters share one table: writeMember writes an enrolment in the
 * same change. Expiry works as DynamoDB's TTL seen through the adapters: an item past its `expiresAt` (epoch
 * seconds) is still there for a conditional write but every read treats it as gone.
 */
export function fakeEnrolmentStores(records: EnrolmentRecords = emptyRecords()) {
  return {
    enrolments: fakeEnrolmentStore(records),
    members: fakeMemberStore(records),
    limits: fakeLimitStore(records),
    once: fakeOnceStore(records),
    /** Every record held, with its key, as a scan of the table would show them: for no-personal-data checks. */
    records: () =>
      Object.entries(records).flatMap(([kind, map]) =>
        [...(map as Map<string, unknown>)].map(([key, value]) => copy({ kind, key, value })),
      ),
  };
}

export type EnrolmentRecords = ReturnType<typeof emptyRecords>;

export const emptyRecords = () => ({
  /** enrolmentId → the enrolment and its expiry (epoch seconds) from the retention rules. */
  enrolments: new Map<string, { enrolment: Enrolment; expiresAt?: number }>(),
  members: new Map<string, Member>(),
  /** `${memberId}#${plpId}` → membership. */
  memberships: new Map<string, Membership>(),
  /** Contact hash → memberId. */
  contacts: new Map<string, string>(),
  /** Token hash → memberId. */
  tokens: new Map<string, string>(),
  /** `${kind}#${keyHash}` → send times (epoch milliseconds). */
  limits: new Map<string, number[]>(),
  /** `${kind}#${keyHash}` → token bucket state. */
  buckets: new Map<string, BucketState>(),
  /** `${scope}#${id}` → expiry (epoch seconds). */
  once: new Map<string, number>(),
  /** Guard hash → the enrolment waiting for its code, and the guard's expiry (epoch seconds). */
  pending: new Map<string, { enrolmentId: string; expiresAt: number }>(),
});

const epochSeconds = (ms: number) => Math.floor(ms / 1000);
/** The adapters' `expired`: TTL deletion lags, so an item past its expiry is treated as gone. */
const expired = (expiresAt: number | undefined, nowMs = Date.now()) =>
  expiresAt !== undefined && expiresAt * 1000 <= nowMs;

function putEnrolment(r: EnrolmentRecords, e: Enrolment) {
  const until = enrolmentRetainedUntil(e);
  r.enrolments.set(e.enrolmentId, {
    enrolment: copy(e),
    ...(until ? { expiresAt: epochSeconds(until.getTime()) } : {}),
  });
}

const liveEnrolment = (r: EnrolmentRecords, enrolmentId: string) => {
  const held = r.enrolments.get(enrolmentId);
  return held && !expired(held.expiresAt) ? copy(held.enrolment) : undefined;
};

export function fakeEnrolmentStore(r: EnrolmentRecords): EnrolmentStore {
  return {
    async createEnrolment(e, unique) {
      if (r.enrolments.has(e.enrolmentId)) throw new ConflictError('The enrolment exists already');
      if (unique) {
        const held = r.pending.get(unique.guardHash);
        if (held && !expired(held.expiresAt, Date.parse(e.createdAt)) && held.enrolmentId !== unique.replaces)
          throw new ConflictError('An enrolment for this contact is waiting for its code');
        r.pending.set(unique.guardHash, {
          enrolmentId: e.enrolmentId,
          expiresAt: epochSeconds(unique.until.getTime()),
        });
      }
      putEnrolment(r, e);
    },

    async pendingEnrolmentFor(guardHash, now) {
      const held = r.pending.get(guardHash);
      return held && !expired(held.expiresAt, now.getTime()) ? held.enrolmentId : undefined;
    },

    getEnrolment: async (enrolmentId) => liveEnrolment(r, enrolmentId),

    async updateEnrolment(next, expectedVersion) {
      if (r.enrolments.get(next.enrolmentId)?.enrolment.version !== expectedVersion)
        throw new ConflictError('The enrolment changed meanwhile; try again');
      putEnrolment(r, next);
    },

    async enrolmentsOf(plpId, status) {
      const live = [...r.enrolments.keys()].flatMap((id) => liveEnrolment(r, id) ?? []);
      return sortedBy(
        live.filter((e) => e.plpId === plpId && e.status === status),
        (e) => `${e.createdAt}#${e.enrolmentId}`, // the index's sort key after ENROLMENT#<status>#
      );
    },

    async countCodeAttempt(enrolmentId, max) {
      const held = r.enrolments.get(enrolmentId);
      const e = held && !expired(held.expiresAt) ? held.enrolment : undefined;
      const waiting = e?.status === 'pending_confirmation' || e?.status === 'pending_approval';
      if (!e?.codes || !waiting || e.codeAttempts >= max) return undefined;
      e.codeAttempts += 1;
      return copy(e);
    },

    async discardEnrolment(enrolmentId, guardHash) {
      r.enrolments.delete(enrolmentId);
      if (guardHash !== undefined && r.pending.get(guardHash)?.enrolmentId === enrolmentId) r.pending.delete(guardHash);
    },
  };
}

const CURSOR_INVALID = () =>
  new ValidationError(invalidPageTokenProblem, [{ path: 'query.cursor', kind: invalidPageTokenField }]);
const encodeCursor = (plpId: string, memberId: string) =>
  Buffer.from(JSON.stringify({ plpId, after: memberId })).toString('base64url');
/** The member id a cursor of this PLP's list continues after; anything else → the adapter's ValidationError. */
function decodeCursor(cursor: string, plpId: string): string {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw CURSOR_INVALID();
  }
  const { plpId: cursorPlp, after, ...rest } = ((typeof value === 'object' && value) || {}) as Record<string, unknown>;
  if (cursorPlp !== plpId || typeof after !== 'string' || Object.keys(rest).length > 0) throw CURSOR_INVALID();
  return after;
}

export function fakeMemberStore(r: EnrolmentRecords): MemberStore {
  const membershipKey = (memberId: string, plpId: string) => `${memberId}#${plpId}`;
  const memberships = (where: (ms: Membership) => boolean) => [...r.memberships.values()].filter(where);

  return {
    async countContactCodeAttempt(memberId, max) {
      const member = r.members.get(memberId);
      const code = member?.pendingContact?.code;
      if (!code || code.attempts >= max) return undefined;
      code.attempts += 1;
      return copy(member);
    },

    memberIdByContact: async (contactHash) => r.contacts.get(contactHash),
    memberIdByToken: async (tokenHash) => r.tokens.get(tokenHash),

    async getMember(memberId) {
      const member = r.members.get(memberId);
      if (!member) return undefined;
      const own = sortedBy(
        memberships((ms) => ms.memberId === memberId),
        (ms) => ms.plpId,
      );
      return copy({ member, memberships: own });
    },

    getMembers: async (memberIds) => [...new Set(memberIds)].flatMap((id) => copy(r.members.get(id)) ?? []),

    async membershipsOf(plpId, limit, cursor) {
      const after = cursor === undefined ? undefined : decodeCursor(cursor, plpId);
      const items = sortedBy(
        memberships((ms) => ms.plpId === plpId && (after === undefined || ms.memberId > after)),
        (ms) => ms.memberId,
      ).slice(0, limit);
      // Like a DynamoDB query with Limit: a full page has a cursor, even when nothing follows it.
      const last = items.length === limit ? items.at(-1) : undefined;
      return { items: copy(items), ...(last ? { cursor: encodeCursor(plpId, last.memberId) } : {}) };
    },

    async writeMember(change) {
      const { member } = change;
      const id = member.memberId;
      assertNoRepeats(
        [
          `member#${id}`,
          ...(change.putMemberships ?? []).map((ms) => `membership#${membershipKey(ms.memberId, ms.plpId)}`),
          ...(change.deleteMemberships ?? []).map((plpId) => `membership#${membershipKey(id, plpId)}`),
          ...[...(change.addContacts ?? []), ...(change.removeContacts ?? [])].map((h) => `contact#${h}`),
          ...[...(change.addTokens ?? []), ...(change.removeTokens ?? [])].map((h) => `token#${h}`),
          ...(change.enrolment ? [`enrolment#${change.enrolment.next.enrolmentId}`] : []),
        ],
        'writeMember (TransactWrite)',
      );
      const current = r.members.get(id);
      const allConditionsHold =
        (change.expectedVersion === null ? !current : current?.version === change.expectedVersion) &&
        (change.addContacts ?? []).every((h) => !r.contacts.has(h) || r.contacts.get(h) === id) &&
        (change.addTokens ?? []).every((h) => !r.tokens.has(h)) &&
        (!change.enrolment ||
          r.enrolments.get(change.enrolment.next.enrolmentId)?.enrolment.version === change.enrolment.expectedVersion);
      if (!allConditionsHold) throw new ConflictError('The member changed meanwhile; try again');

      r.members.set(id, copy(member));
      for (const ms of change.putMemberships ?? []) r.memberships.set(membershipKey(ms.memberId, ms.plpId), copy(ms));
      for (const plpId of change.deleteMemberships ?? []) r.memberships.delete(membershipKey(id, plpId));
      for (const h of change.addContacts ?? []) r.contacts.set(h, id);
      for (const h of change.removeContacts ?? []) r.contacts.delete(h);
      for (const h of change.addTokens ?? []) r.tokens.set(h, id);
      for (const h of change.removeTokens ?? []) r.tokens.delete(h);
      if (change.enrolment) putEnrolment(r, change.enrolment.next);
    },

    async eraseMember(member, held, contactHashes) {
      const id = member.memberId;
      assertNoRepeats(
        [
          ...held.map((ms) => `membership#${ms.plpId}`),
          ...contactHashes.map((h) => `contact#${h}`),
          ...member.tokenHashes.map((h) => `token#${h}`),
        ],
        'eraseMember (TransactWrite)',
      );
      r.members.delete(id);
      for (const ms of held) r.memberships.delete(membershipKey(id, ms.plpId));
      for (const h of contactHashes) r.contacts.delete(h);
      for (const h of member.tokenHashes) r.tokens.delete(h);
    },
  };
}

export function fakeLimitStore(r: EnrolmentRecords): LimitStore & {
  /** The send times counted for a key (epoch milliseconds), as stored. */
  sendTimes(kind: string, keyHash: string): number[];
} {
  return {
    async consumeLimit(kind, keyHash, rules, now) {
      const key = `${kind}#${keyHash}`;
      const keepMs = longestWindowSeconds(rules) * 1000;
      const times = (r.limits.get(key) ?? []).filter((t) => now.getTime() - t < keepMs);
      const decision = checkLimit(times, now.getTime(), rules);
      if (decision.allowed) r.limits.set(key, [...times, now.getTime()]);
      return decision;
    },
    async takeToken(kind, keyHash, bucket, now) {
      const key = `${kind}#${keyHash}`;
      const { decision, next } = takeToken(r.buckets.get(key), bucket, now.getTime());
      if (decision.allowed) r.buckets.set(key, next);
      return decision;
    },
    async refundLimit(kind, keyHash, at) {
      const times = r.limits.get(`${kind}#${keyHash}`) ?? [];
      const i = times.indexOf(at.getTime());
      if (i >= 0) r.limits.set(`${kind}#${keyHash}`, times.toSpliced(i, 1));
    },
    sendTimes: (kind, keyHash) => [...(r.limits.get(`${kind}#${keyHash}`) ?? [])],
  };
}

export function fakeOnceStore(r: EnrolmentRecords): OnceStore {
  return {
    async claimOnce(scope, id, ttlSeconds, now) {
      const key = `${scope}#${id}`;
      if (r.once.has(key) && !expired(r.once.get(key), now.getTime())) return false;
      r.once.set(key, epochSeconds(now.getTime() + ttlSeconds * 1000));
      return true;
    },
    async releaseOnce(scope, id) {
      r.once.delete(`${scope}#${id}`);
    },
    isClaimed: async (scope, id, now) =>
      r.once.has(`${scope}#${id}`) && !expired(r.once.get(`${scope}#${id}`), now.getTime()),
  };
}

import { type AuditEntry, type AuditHead, nextEntry } from '../../../shared/audit/model.ts';
import type { AuditStore } from '../../../shared/audit/ports.ts';
import { copy } from './copy.ts';

/**
 * An in-memory AuditStore with the rules of dynamoAuditStore (shared/adapters/dynamodb/audit-store.ts): per
 * subject, entries in seq order and a head. An append reads the head and writes without yielding, so appends
 * at once are applied one after the other, as the adapter's conditional transaction makes them. No update,
 * no delete. Passes test/support/contracts/audit-store.contract.ts.
 */
export function fakeAuditStore(): AuditStore {
  const trails = new Map<string, { head: AuditHead; entries: AuditEntry[] }>();
  return {
    async append(subjectId, input, now) {
      const trail = trails.get(subjectId);
      const entry = nextEntry(subjectId, trail?.head, copy(input), now);
      const entries = [...(trail?.entries ?? []), entry];
      trails.set(subjectId, { head: { seq: entry.seq, hash: entry.hash }, entries });
      return copy(entry);
    },
    async trailOf(subjectId) {
      const trail = trails.get(subjectId);
      return copy({ head: trail?.head, entries: trail?.entries ?? [] });
    },
  };
}

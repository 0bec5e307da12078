import type { AuditEntry, AuditInput, AuditTrail } from './model.ts';

/**
 * Where audit trails are kept, append-only: there is no way to change or remove an entry through this port
 * (retention, when it comes, is a separate grant). Implemented on DynamoDB
 * (shared/adapters/dynamodb/audit-store.ts) and in memory (test/support/fakes/audit-store.ts), both held to
 * test/support/contracts/audit-store.contract.ts.
 */
export type AuditStore = {
  /**
   * Appends the next entry of `subjectId`'s trail (shared/audit/model.ts nextEntry) and moves the head to it,
   * atomically: two appends at once never take the same seq; the one that loses re-reads the head and tries
   * again. Returns the entry written.
   */
  append(subjectId: string, input: AuditInput, now: Date): Promise<AuditEntry>;
  /** The trail of `subjectId`: its head, then every entry in seq order (all pages). Verify with verifyTrail. */
  trailOf(subjectId: string): Promise<AuditTrail>;
};

/** Appends that kept losing to concurrent ones (a subject written far faster than any report is). */
export class AuditContentionError extends Error {
  override name = 'AuditContentionError';
}

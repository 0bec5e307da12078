import { ConflictError } from '../../../shared/errors.ts';
import type { Report, ReportStore } from '../../../shared/reports/ports.ts';
import { copy } from './copy.ts';

/**
 * An in-memory ReportStore with the rules of dynamoReportStore (shared/adapters/dynamodb/report-store.ts): one
 * counter per (commune, year) moved on without yielding (as DynamoDB applies updates of one item one after the
 * other), a report created once with its entry in the reporter's list, lists newest first by ULID. It passes
 * the same contract suite (test/support/contracts/report-store.contract.ts).
 */
export function fakeReportStore(): ReportStore & { all(): Report[] } {
  const counters = new Map<string, number>();
  const reports = new Map<string, Report>();
  /** memberId → reportIds (the entries of pattern 21). */
  const byMember = new Map<string, Set<string>>();
  const newestFirst = (a: Report, b: Report) => (a.reportId < b.reportId ? 1 : a.reportId > b.reportId ? -1 : 0);
  return {
    async nextSequence(communeNis, year) {
      const next = (counters.get(`${communeNis}#${year}`) ?? 0) + 1;
      counters.set(`${communeNis}#${year}`, next);
      return next;
    },
    async createReport(r) {
      if (reports.has(r.reportId)) throw new ConflictError('The report exists already');
      reports.set(r.reportId, copy(r));
      if (r.memberId !== undefined) {
        const ids = byMember.get(r.memberId) ?? new Set<string>();
        byMember.set(r.memberId, ids.add(r.reportId));
      }
    },
    async getReport(reportId) {
      const r = reports.get(reportId);
      return r ? copy(r) : undefined;
    },
    async reportsOfMember(memberId) {
      const ids = [...(byMember.get(memberId) ?? [])];
      return ids
        .map((id) => reports.get(id))
        .filter((r): r is Report => r !== undefined)
        .sort(newestFirst)
        .map(copy);
    },
    async reportsOfPlp(plpId, status) {
      return [...reports.values()]
        .filter((r) => r.plpId === plpId && r.status === status)
        .sort(newestFirst)
        .map(copy);
    },
    async forgetReporter(memberId) {
      const ids = [...(byMember.get(memberId) ?? [])];
      for (const id of ids) {
        const r = reports.get(id);
        if (r) {
          const { memberId: _forgotten, ...rest } = r;
          reports.set(id, rest);
        }
      }
      byMember.delete(memberId);
      return ids.length;
    },
    /** Every report held (tests look for what must not be stored). */
    all: () => [...reports.values()].map(copy),
  };
}

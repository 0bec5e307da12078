import { verifyTrail } from '../audit/model.ts';
import type { AuditStore } from '../audit/ports.ts';
import type { Caller } from '../directory/caller.ts';
import { subPrincipalOf } from '../directory/caller.ts';
import { assertGroup, loadScope, plpIdsFor, type ScopeStore } from '../directory/scope.ts';
import { NotFoundError } from '../errors.ts';
import { notFoundProblem } from '../i18n/problems.ts';
import type { PoliceReport, PoliceReportItem, PoliceReports, PoliceReportsQuery } from './model.ts';
import type { Report, ReportStore } from './ports.ts';

/** The officers' read side of issue 17: their PLPs' reports, and one report with its audit trail. */
export type PoliceReportDeps = {
  reports: Pick<ReportStore, 'getReport' | 'reportsOfPlp'>;
  directory: ScopeStore;
  audit: AuditStore;
  now: () => Date;
};

const item = (r: Report): PoliceReportItem => ({
  reportId: r.reportId,
  reference: r.reference,
  plpId: r.plpId,
  category: r.category,
  description: r.description,
  status: r.status,
  observedAt: r.observedAt,
  createdAt: r.createdAt,
  feedbackDueAt: r.feedbackDueAt,
});

/** The PLPs the calling officer is mandated for (group `police` and an `officer` assignment). */
async function officerPlps(caller: Caller, d: Pick<PoliceReportDeps, 'directory'>): Promise<string[]> {
  assertGroup(caller, 'police');
  return plpIdsFor(caller, await loadScope(caller, d.directory), 'officer');
}

/**
 * `GET /police/reports`: the reports in `status` of the caller's PLPs (or of `plpId`, which must be one of
 * them: else 404, as for an unknown PLP), newest first, at most `limit`.
 */
export async function listPoliceReports(
  caller: Caller,
  query: PoliceReportsQuery,
  d: Pick<PoliceReportDeps, 'directory' | 'reports'>,
): Promise<PoliceReports> {
  const mine = await officerPlps(caller, d);
  if (query.plpId !== undefined && !mine.includes(query.plpId)) throw new NotFoundError(notFoundProblem);
  const plpIds = query.plpId !== undefined ? [query.plpId] : mine;
  const lists = await Promise.all(plpIds.map((id) => d.reports.reportsOfPlp(id, query.status)));
  const items = lists
    .flat()
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.reportId.localeCompare(a.reportId))
    .slice(0, query.limit)
    .map(item);
  return { items };
}

/**
 * `GET /police/reports/{reportId}`: the report and its audit trail. The read itself is appended first (actor
 * `sub:<sub>`, action `read`), so the answer shows it; a report outside the caller's PLPs is 404 and nothing
 * is appended.
 */
export async function getPoliceReport(caller: Caller, reportId: string, d: PoliceReportDeps): Promise<PoliceReport> {
  const mine = await officerPlps(caller, d);
  const report = await d.reports.getReport(reportId);
  if (!report || !mine.includes(report.plpId)) throw new NotFoundError(notFoundProblem);
  await d.audit.append(report.reportId, { actor: subPrincipalOf(caller), action: 'read' }, d.now());
  const trail = await d.audit.trailOf(report.reportId);
  return {
    ...item(report),
    via: report.via,
    location: report.location,
    ...(report.feedback !== undefined ? { feedback: report.feedback } : {}),
    history: {
      entries: trail.entries.map((e) => ({
        seq: e.seq,
        actor: e.actor,
        action: e.action,
        at: e.at,
        changes: { ...e.changes },
      })),
      chainValid: verifyTrail(trail).valid,
    },
  };
}

import { ulid } from 'ulid';
import { ReportSubmitted } from '../../events/reports/report-events.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { notify } from '../enrolment/context.ts';
import { authenticateMember } from '../enrolment/members.ts';
import { notAMemberProblem } from '../enrolment/problems.ts';
import { httpLog } from '../http/log.ts';
import { reportReceivedMessage } from '../i18n/messages/report-received.ts';
import type { Needs } from './context.ts';
import type { SubmitReportInput, SubmittedReport } from './model.ts';
import type { Report } from './ports.ts';
import {
  observedInFutureField,
  observedInFutureProblem,
  observedTooOldField,
  observedTooOldProblem,
  plpRequiredField,
  plpRequiredProblem,
} from './problems.ts';
import { DEFAULT_FEEDBACK_HOURS, formatReference, referenceYear } from './reference.ts';

/** A device's clock may run a little ahead: `observedAt` up to this far in the future is accepted. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Older than this, a neighbourhood report is no use to the police's follow-up: 400 (call 101 instead). */
export const MAX_OBSERVED_AGE_DAYS = 30;

/** observedAt within [now − 30 days, now + 5 minutes], or 400 with its field code. */
export function assertObservedAt(observedAt: string, now: Date): void {
  const at = Date.parse(observedAt);
  if (at > now.getTime() + CLOCK_SKEW_MS)
    throw new ValidationError(observedInFutureProblem, [{ path: 'observedAt', kind: observedInFutureField }]);
  if (at < now.getTime() - MAX_OBSERVED_AGE_DAYS * 86_400_000) {
    const vars = { days: MAX_OBSERVED_AGE_DAYS };
    throw new ValidationError(observedTooOldProblem, [{ path: 'observedAt', kind: observedTooOldField, vars }], {
      vars,
    });
  }
}

/**
 * A member reports what they saw from their member page. The PLP is the one given (it must be one of theirs,
 * else 404), or their only one; a member of several PLPs must give it (400 plp_required). The report gets a
 * reference unique per commune and year, the status `submitted` and the date the police's feedback is due;
 * ReportSubmitted (ids and category only) is published, and the member is acknowledged with the reference on
 * their channels, in their language (the SMS charged to the PLP's budget). A failed acknowledgement does not
 * undo the report: the member sees it in their list.
 */
export async function submitReport(
  token: string,
  input: SubmitReportInput,
  d: Needs<'directory' | 'email' | 'members' | 'now' | 'pepper' | 'publish' | 'reports' | 'sms' | 'smsBudget'> &
    Partial<Needs<'newId'>>,
): Promise<SubmittedReport> {
  const { member, memberships } = await authenticateMember(token, d);
  const membership =
    input.plpId !== undefined
      ? memberships.find((m) => m.plpId === input.plpId)
      : memberships.length === 1
        ? memberships[0]
        : undefined;
  if (input.plpId === undefined && memberships.length > 1)
    throw new ValidationError(plpRequiredProblem, [{ path: 'plpId', kind: plpRequiredField }]);
  const plp = membership ? await d.directory.getPlp(membership.plpId) : undefined;
  if (!membership || !plp || member.status !== 'active') throw new NotFoundError(notAMemberProblem);
  const now = d.now();
  assertObservedAt(input.observedAt, now);

  const year = referenceYear(now);
  const sequence = await d.reports.nextSequence(plp.communeNis, year);
  const report: Report = {
    // A ULID of the use case's clock: a member's list (keyed by report id) is then in the order of createdAt.
    reportId: d.newId?.() ?? ulid(now.getTime()),
    reference: formatReference(plp.communeNis, year, sequence),
    plpId: plp.plpId,
    communeNis: plp.communeNis,
    memberId: member.memberId,
    via: 'web',
    category: input.category,
    description: input.description,
    observedAt: new Date(input.observedAt).toISOString(),
    location: input.location,
    status: 'submitted',
    language: member.language,
    createdAt: now.toISOString(),
    feedbackDueAt: new Date(now.getTime() + DEFAULT_FEEDBACK_HOURS * 3_600_000).toISOString(),
    version: 1,
  };
  await d.reports.createReport(report);
  await d.publish(
    ReportSubmitted,
    { reportId: report.reportId, plpId: report.plpId, category: report.category, via: report.via },
    { idempotencyKey: `report-submitted:${report.reportId}`, occurredAt: report.createdAt },
  );
  const vars = { plpName: plp.name, reference: report.reference, feedbackDueAt: report.feedbackDueAt };
  await notify(member, reportReceivedMessage, vars, d, { budget: plp }).catch((error: unknown) =>
    // The report stands (the member sees it in GET /public/me/reports); only ids go to the log.
    httpLog.error('report acknowledgement not sent', {
      reportId: report.reportId,
      error: (error as Error)?.name ?? 'Error',
    }),
  );
  return {
    reportId: report.reportId,
    reference: report.reference,
    status: 'submitted',
    feedbackDueAt: report.feedbackDueAt,
  };
}

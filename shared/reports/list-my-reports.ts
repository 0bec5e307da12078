import { authenticateMember } from '../enrolment/members.ts';
import type { Needs } from './context.ts';
import type { MyReports } from './model.ts';

/** The member's own reports, newest first: reference, status, category, dates and the police's feedback. */
export async function listMyReports(token: string, d: Needs<'members' | 'pepper' | 'reports'>): Promise<MyReports> {
  const { member } = await authenticateMember(token, d);
  const reports = await d.reports.reportsOfMember(member.memberId);
  return {
    items: reports.map((r) => ({
      reportId: r.reportId,
      reference: r.reference,
      status: r.status,
      category: r.category,
      createdAt: r.createdAt,
      feedbackDueAt: r.feedbackDueAt,
      ...(r.feedback !== undefined ? { feedback: r.feedback } : {}),
    })),
  };
}

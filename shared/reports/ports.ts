import type { Language } from '../i18n/languages.ts';
import type { ReportCategory, ReportLocation, ReportStatus } from './model.ts';

/**
 * A member's report. `memberId` names the reporter until they erase themselves (shared/enrolment/members.ts
 * eraseMe): the report then stays for the police with no link to a person. The description and location are
 * personal data of the reporter and of the people seen: never in logs, events or e-mail subjects.
 */
export type Report = {
  reportId: string;
  /** `<commune NIS>-<year>-<6-digit sequence>`, unique per commune and year. */
  reference: string;
  plpId: string;
  communeNis: string;
  /** Absent once the reporter erased themselves. */
  memberId?: string;
  via: 'web' | 'sms';
  category: ReportCategory;
  description: string;
  observedAt: string;
  location: ReportLocation;
  status: ReportStatus;
  /** The reporter's language when they reported: the police's feedback goes in it. */
  language: Language;
  createdAt: string;
  feedbackDueAt: string;
  feedback?: string;
  version: number;
};

/** Reports on the single table (access patterns 20–23 in shared/table/keys.ts). */
export type ReportStore = {
  /** The next sequence number of a commune's references in a year, atomically: 1, 2, 3, … never twice. */
  nextSequence(communeNis: string, year: number): Promise<number>;
  /** Stores a new report and its entry in the reporter's list, all or nothing; an existing id → ConflictError. */
  createReport(report: Report): Promise<void>;
  getReport(reportId: string): Promise<Report | undefined>;
  /** The member's reports, newest first. */
  reportsOfMember(memberId: string): Promise<Report[]>;
  /** A PLP's reports in a status, newest first (the police's queue, later in issue 17). */
  reportsOfPlp(plpId: string, status: ReportStatus): Promise<Report[]>;
  /**
   * Erasure: every report of the member loses its `memberId`, and the member's list is deleted; the reports
   * stay. Gives how many reports were kept without their reporter.
   */
  forgetReporter(memberId: string): Promise<number>;
};

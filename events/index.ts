import type { EventContract } from './define-event.ts';
import { PlpStatusChanged } from './directory/plp-status-changed.ts';
import { EnrolmentConfirmed, EnrolmentRequested, MemberActivated, MemberLeft } from './enrolment/enrolment-events.ts';
import { ReportSubmitted } from './reports/report-events.ts';

/** Every event contract, for documentation, contract tests and the schema registry. */
export const allEvents: EventContract[] = [
  PlpStatusChanged,
  EnrolmentRequested,
  EnrolmentConfirmed,
  MemberActivated,
  MemberLeft,
  ReportSubmitted,
];

/** Bodies and answers of the member's report routes (API.md, "Public routes"; issue 17). */
import * as z from '../zod.ts';
import { IdInput, Postcode, Ulid } from '../directory/scalars.ts';

export const ReportCategory = z.enum([
  'suspicious_person',
  'suspicious_vehicle',
  'suspicious_behaviour',
  'burglary',
  'fire_or_co',
  'other',
]);
export type ReportCategory = z.infer<typeof ReportCategory>;

/** Where a report stands; the police's decisions (validated, rejected, needs_info) come later in issue 17. */
export const ReportStatus = z.enum(['submitted', 'validated', 'rejected', 'needs_info']);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** `<commune NIS>-<year>-<6-digit sequence>`, e.g. `21003-2026-000123`: read out on the phone. */
export const ReportReference = z.string().check(z.regex(/^\d{5}-\d{4}-\d{6,}$/), z.maxLength(24));

/** An ISO 8601 timestamp with an offset, as a person's device gives it (`2026-11-22T10:15:00+01:00`). */
const InstantInput = z.string().check(
  z.maxLength(40),
  z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)$/, {
    error: 'a date and time with its offset',
    abort: true,
  }),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'a date and time with its offset'),
);

/** The place seen: a street of the PLP's area, the number when there is one. */
export const ReportLocation = z.strictObject({
  street: z.string().check(z.trim(), z.minLength(1, 'give the street'), z.maxLength(120)),
  number: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(10))),
  postcode: Postcode,
});
export type ReportLocation = z.infer<typeof ReportLocation>;

export const SubmitReportInput = z.strictObject({
  /** Needed when the member belongs to several PLPs. */
  plpId: z.optional(IdInput),
  category: ReportCategory,
  description: z.string().check(z.trim(), z.minLength(1, 'say what you saw'), z.maxLength(2000)),
  observedAt: InstantInput,
  location: ReportLocation,
});
export type SubmitReportInput = z.infer<typeof SubmitReportInput>;

const Instant = z.string().check(z.maxLength(30));

export const SubmittedReport = z.object({
  reportId: Ulid,
  reference: ReportReference,
  status: z.literal('submitted'),
  feedbackDueAt: Instant,
});
export type SubmittedReport = z.infer<typeof SubmittedReport>;

export const MyReport = z.object({
  reportId: Ulid,
  reference: ReportReference,
  status: ReportStatus,
  category: ReportCategory,
  createdAt: Instant,
  feedbackDueAt: Instant,
  /** The police's feedback to the reporter, once there is one. */
  feedback: z.optional(z.string().check(z.maxLength(2000))),
});
export const MyReports = z.object({ items: z.array(MyReport).check(z.maxLength(1000)) });
export type MyReports = z.infer<typeof MyReports>;

/** `GET /police/reports`: one status (the police's queue: `submitted` by default), one PLP or all of the caller's. */
export const PoliceReportsQuery = z.strictObject({
  status: z._default(ReportStatus, 'submitted'),
  plpId: z.optional(IdInput),
  /** The most items answered (no `nextToken` yet: the store reads a PLP's queue whole). */
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 100),
});
export type PoliceReportsQuery = z.infer<typeof PoliceReportsQuery>;

export const ReportIdParams = z.strictObject({ reportId: IdInput });

const Description = z.string().check(z.maxLength(2000));

export const PoliceReportItem = z.object({
  reportId: Ulid,
  reference: ReportReference,
  plpId: Ulid,
  category: ReportCategory,
  description: Description,
  status: ReportStatus,
  observedAt: z.string().check(z.maxLength(40)),
  createdAt: Instant,
  feedbackDueAt: Instant,
});
export type PoliceReportItem = z.infer<typeof PoliceReportItem>;
export const PoliceReports = z.object({ items: z.array(PoliceReportItem).check(z.maxLength(100)) });
export type PoliceReports = z.infer<typeof PoliceReports>;

/** One entry of the report's audit trail, as the police read it. */
export const ReportHistoryEntry = z.object({
  seq: z.number().check(z.int(), z.gte(1)),
  actor: z.string().check(z.maxLength(300)),
  action: z.string().check(z.maxLength(64)),
  at: Instant,
  changes: z.record(z.string().check(z.maxLength(64)), z.unknown()),
});

export const PoliceReport = z.object({
  ...PoliceReportItem.shape,
  via: z.enum(['web', 'sms']),
  location: ReportLocation,
  feedback: z.optional(z.string().check(z.maxLength(2000))),
  history: z.object({
    entries: z.array(ReportHistoryEntry).check(z.maxLength(10000)),
    /** verifyTrail (shared/audit/model.ts) over the trail as read: false when an entry was altered or removed. */
    chainValid: z.boolean(),
  }),
});
export type PoliceReport = z.infer<typeof PoliceReport>;

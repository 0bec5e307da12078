import type { Role } from '../directory/identity.ts';
import { byScopeIndex, type IndexName, tableDefinition } from './definition.ts';

/**
 * Every key of the single table is built here, and only here; attribute and index names come from
 * shared/table/definition.ts. `keys` gives the key attributes of one item; `partitions` the partition (and
 * sort-key prefix) a query reads.
 *
 * Access patterns
 * | # | pattern                                   | how                                                        |
 * |---|-------------------------------------------|------------------------------------------------------------|
 * | 1 | get a commune by NIS code                 | GetItem commune(nis)                                       |
 * | 2 | get a PLP by id                           | GetItem plp(plpId)                                         |
 * | 3 | a PLP code is unique                      | conditional Put plpCode(code) in the creating transaction  |
 * | 4 | PLPs whose zone includes a postcode       | Query PK = POSTCODE#<pc> → plpIds, then BatchGet plp(id)   |
 * | 5 | PLPs of a commune                         | Query GSI1 PK = COMMUNE#<nis>                              |
 * | 6 | what a principal is assigned to           | Query PK = PRINCIPAL#<sub\|email:…> (officer, coordinator,  |
 * |   |  (officer/coordinator ↔ PLP, admin ↔ commune) | commune admin); GetItem for one scope check            |
 * | 7 | who is assigned to a PLP                  | Query GSI1 PK = PLP#<plpId>, SK begins_with ASSIGN#        |
 * | 8 | history of a PLP (audit)                  | Query PK = PLP#<plpId>, SK begins_with HISTORY#            |
 * | 9 | get an enrolment by id                    | GetItem enrolment(id)                                      |
 * |10 | enrolments of a PLP in a status           | Query GSI1 PK = PLP#<plpId>, SK begins_with                |
 * |   |  (coordinator's approval list)            |  ENROLMENT#<status>#                                       |
 * |11 | a member and their memberships            | Query PK = MEMBER#<memberId> (SK MEMBER, PLP#<plpId>…)     |
 * |12 | members of a PLP (coordinator, dispatch)  | Query GSI1 PK = PLP#<plpId>, SK begins_with MEMBER#        |
 * |13 | the member holding a phone or e-mail      | GetItem contact(value): one member per contact, unique     |
 * |14 | the member of a member token              | GetItem memberToken(sha256-hmac of the token)              |
 * |15 | sends to a contact / from a client (rate  | GetItem limit(kind, hmac of the key), a list of send times |
 * |   |  limits)                                  |  with a TTL                                                |
 * |16 | a message or delivery handled once (SMS   | conditional Put once(scope, id) with a TTL                 |
 * |   |  in, welcome, help to an unknown number)  |                                                            |
 * |17 | every commune, in NIS order (region admin | Query GSI1 PK = COMMUNES, SK = COMMUNE#<nis>: each commune |
 * |   |  listing)                                 |  item is also written under this one partition             |
 * |18 | the enrolment waiting for its code, per   | pendingEnrolment(hmac of PLP and contact) → enrolmentId,   |
 * |   |  PLP and contact (one at a time)          |  written with the enrolment, TTL = the code's expiry       |
 * |19 | a PLP's budgeted SMS spend in a month     | UpdateItem smsSpend(plpId, month): conditional ADD (spent  |
 * |   |  (charge atomically, read for evaluation) |  + cost ≤ budget); GetItem to read; no TTL (tiny, no data) |
 * |20 | get a report by id                        | GetItem report(reportId)                                   |
 * |21 | a member's reports, newest first          | Query PK = MEMBERREPORTS#<memberId> descending (reportIds  |
 * |   |                                           |  are ULIDs), then BatchGet report(id); erasure deletes them|
 * |22 | a PLP's reports in a status, newest first | Query GSI1 PK = PLP#<plpId>, SK begins_with                |
 * |   |  (police queue)                           |  REPORT#<status>#, descending                              |
 * |23 | the next report reference of a commune in | UpdateItem reportCounter(nis, year): ADD seq 1, returning  |
 * |   |  a year (unique, readable)                |  the new value                                             |
 * |24 | the audit trail of a subject (a report),  | Query PK = AUDIT#<subjectId>: HEAD (last seq + hash), then |
 * |   |  in order, append-only, hash-chained      |  SEQ#<10-digit seq>; append = one transaction (see below)  |
 *
 * Principals are identified as shared/directory/identity.ts says.
 * Pattern 24 (shared/audit/): an append is one transaction of a conditional Put of the entry
 * (attribute_not_exists) and a Put of the head conditional on the previous seq; nothing updates or deletes an
 * entry but retention.
 * Postcode items are one per (postcode, PLP) so no PLP's listing is a hot key.
 * Pattern 17 puts every commune in one GSI1 partition: Belgium has 565 communes (a few hundred KB in all),
 * created rarely and listed only by region administrators, far below a partition's limits.
 * Pattern 5 lists PLPs newest first (plpIds are ULIDs); a status filter is a FilterExpression.
 * Contact data (names, phones, e-mails, addresses) lives only in enrolment items until activation and in the
 * member item after; contact and rate-limit keys hold HMACs, never the contact itself.
 */
const { partitionKey: PK, sortKey: SK } = tableDefinition;
const { indexName: GSI1, partitionKey: GSI1PK, sortKey: GSI1SK } = byScopeIndex;
const item = (pk: string, sk: string) => ({ [PK]: pk, [SK]: sk }) as Record<typeof PK | typeof SK, string>;
const byScope = (pk: string, sk: string) =>
  ({ [GSI1PK]: pk, [GSI1SK]: sk }) as Record<typeof GSI1PK | typeof GSI1SK, string>;

export const keys = {
  commune: (nis: string) => item(`COMMUNE#${nis}`, 'COMMUNE'),
  communeInList: (nis: string) => byScope('COMMUNES', `COMMUNE#${nis}`),
  plp: (plpId: string) => item(`PLP#${plpId}`, 'PLP'),
  plpByCommune: (nis: string, plpId: string) => byScope(`COMMUNE#${nis}`, `PLP#${plpId}`),
  plpCode: (code: string) => item(`PLPCODE#${code.toUpperCase()}`, 'PLPCODE'),
  postcodePlp: (postcode: string, plpId: string) => item(`POSTCODE#${postcode}`, `PLP#${plpId}`),
  assignment: (principal: string, role: Role, scopeId: string) =>
    item(`PRINCIPAL#${principal}`, `ASSIGN#${role}#${scopeId}`),
  assignmentByScope: (scopeId: string, role: Role, principal: string) =>
    byScope(`SCOPE#${scopeId}`, `ASSIGN#${role}#${principal}`),
  plpHistory: (plpId: string, eventId: string) => item(`PLP#${plpId}`, `HISTORY#${eventId}`),
  enrolment: (enrolmentId: string) => item(`ENROLMENT#${enrolmentId}`, 'ENROLMENT'),
  enrolmentByPlp: (plpId: string, status: string, createdAt: string, enrolmentId: string) =>
    byScope(`PLP#${plpId}`, `ENROLMENT#${status}#${createdAt}#${enrolmentId}`),
  member: (memberId: string) => item(`MEMBER#${memberId}`, 'MEMBER'),
  membership: (memberId: string, plpId: string) => item(`MEMBER#${memberId}`, `PLP#${plpId}`),
  membershipByPlp: (plpId: string, memberId: string) => byScope(`PLP#${plpId}`, `MEMBER#${memberId}`),
  /** `contactHash`: HMAC of the E.164 number or lower-case e-mail address. */
  contact: (contactHash: string) => item(`CONTACT#${contactHash}`, 'CONTACT'),
  memberToken: (tokenHash: string) => item(`MEMBERTOKEN#${tokenHash}`, 'MEMBERTOKEN'),
  limit: (kind: string, keyHash: string) => item(`LIMIT#${kind}#${keyHash}`, 'LIMIT'),
  once: (scope: string, id: string) => item(`ONCE#${scope}#${id}`, 'ONCE'),
  /** `guardHash`: HMAC of the PLP and the contact the code went to. */
  pendingEnrolment: (guardHash: string) => item(`PENDINGENROLMENT#${guardHash}`, 'PENDINGENROLMENT'),
  /** `month`: `YYYY-MM` in Europe/Brussels (shared/messaging/sms-budget.ts). */
  smsSpend: (plpId: string, month: string) => item(`PLP#${plpId}`, `SMSSPEND#${month}`),
  report: (reportId: string) => item(`REPORT#${reportId}`, 'REPORT'),
  reportByPlp: (plpId: string, status: string, reportId: string) =>
    byScope(`PLP#${plpId}`, `REPORT#${status}#${reportId}`),
  memberReport: (memberId: string, reportId: string) => item(`MEMBERREPORTS#${memberId}`, `REPORT#${reportId}`),
  reportCounter: (nis: string, year: number) => item(`REPORTCOUNTER#${nis}#${year}`, 'REPORTCOUNTER'),
  /** Pattern 24: entry `seq` (1, 2, …; zero-padded so the sort key orders them) of a subject's audit trail. */
  auditEntry: (subjectId: string, seq: number) => item(`AUDIT#${subjectId}`, `SEQ#${String(seq).padStart(10, '0')}`),
  /** Pattern 24: the head of a subject's audit trail (its last seq and hash), so truncation is detected. */
  auditHead: (subjectId: string) => item(`AUDIT#${subjectId}`, 'HEAD'),
} as const;

/** What a query reads: a partition of the table or of an index, optionally a sort-key prefix. */
export type Partition = { index?: IndexName; pk: string; skPrefix?: string };

export const partitions = {
  /** Pattern 5. */
  plpsOfCommune: (nis: string): Partition => ({ index: GSI1, pk: `COMMUNE#${nis}`, skPrefix: 'PLP#' }),
  /** Pattern 17. */
  communes: (): Partition => ({ index: GSI1, pk: 'COMMUNES', skPrefix: 'COMMUNE#' }),
  /** Pattern 4. */
  postcode: (postcode: string): Partition => ({ pk: `POSTCODE#${postcode}` }),
  /** Pattern 6. */
  assignmentsOf: (principal: string): Partition => ({ pk: `PRINCIPAL#${principal}`, skPrefix: 'ASSIGN#' }),
  /** Pattern 8. */
  plpHistory: (plpId: string): Partition => ({ pk: `PLP#${plpId}`, skPrefix: 'HISTORY#' }),
  /** Pattern 10. */
  enrolmentsOfPlp: (plpId: string, status: string): Partition => ({
    index: GSI1,
    pk: `PLP#${plpId}`,
    skPrefix: `ENROLMENT#${status}#`,
  }),
  /** Pattern 11. */
  member: (memberId: string): Partition => ({ pk: `MEMBER#${memberId}` }),
  /** Pattern 12. */
  membershipsOfPlp: (plpId: string): Partition => ({ index: GSI1, pk: `PLP#${plpId}`, skPrefix: 'MEMBER#' }),
  /** Pattern 21. */
  reportsOfMember: (memberId: string): Partition => ({ pk: `MEMBERREPORTS#${memberId}`, skPrefix: 'REPORT#' }),
  /** Pattern 22. */
  reportsOfPlp: (plpId: string, status: string): Partition => ({
    index: GSI1,
    pk: `PLP#${plpId}`,
    skPrefix: `REPORT#${status}#`,
  }),
  /** Pattern 24: the head, then the entries in seq order. */
  auditTrail: (subjectId: string): Partition => ({ pk: `AUDIT#${subjectId}` }),
} as const;

export const entities = {
  commune: 'Commune',
  plp: 'Plp',
  plpCode: 'PlpCode',
  postcodePlp: 'PostcodePlp',
  assignment: 'Assignment',
  plpHistory: 'PlpHistory',
  enrolment: 'Enrolment',
  member: 'Member',
  membership: 'Membership',
  contact: 'Contact',
  memberToken: 'MemberToken',
  limit: 'Limit',
  once: 'Once',
  pendingEnrolment: 'PendingEnrolment',
  smsSpend: 'SmsSpend',
  report: 'Report',
  memberReport: 'MemberReport',
  reportCounter: 'ReportCounter',
  auditEntry: 'AuditEntry',
  auditHead: 'AuditHead',
} as const;

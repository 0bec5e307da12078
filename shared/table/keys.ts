/**
 * Every key of the single table is built here, and only here.
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
 *
 * Principals are identified by their token `sub` when known, else by their e-mail address (lower case),
 * since commune administrators name coordinators and officers by e-mail before they ever log in.
 * Postcode items are one per (postcode, PLP) so no PLP's listing is a hot key.
 * Contact data (names, phones, e-mails, addresses) lives only in enrolment items until activation and in the
 * member item after; contact and rate-limit keys hold HMACs, never the contact itself.
 */
export type Role = 'officer' | 'coordinator' | 'commune_admin';
export type PrincipalRef = { sub: string } | { email: string };

export const principalId = (p: PrincipalRef) => ('sub' in p ? `sub:${p.sub}` : `email:${p.email.toLowerCase()}`);

export const keys = {
  commune: (nis: string) => ({ PK: `COMMUNE#${nis}`, SK: 'COMMUNE' }),
  plp: (plpId: string) => ({ PK: `PLP#${plpId}`, SK: 'PLP' }),
  plpByCommune: (nis: string, plpId: string) => ({ GSI1PK: `COMMUNE#${nis}`, GSI1SK: `PLP#${plpId}` }),
  plpCode: (code: string) => ({ PK: `PLPCODE#${code.toUpperCase()}`, SK: 'PLPCODE' }),
  postcodePlp: (postcode: string, plpId: string) => ({ PK: `POSTCODE#${postcode}`, SK: `PLP#${plpId}` }),
  postcodePrefix: (postcode: string) => ({ PK: `POSTCODE#${postcode}` }),
  assignment: (principal: string, role: Role, scopeId: string) => ({
    PK: `PRINCIPAL#${principal}`,
    SK: `ASSIGN#${role}#${scopeId}`,
  }),
  assignmentByScope: (scopeId: string, role: Role, principal: string) => ({
    GSI1PK: `SCOPE#${scopeId}`,
    GSI1SK: `ASSIGN#${role}#${principal}`,
  }),
  principalPrefix: (principal: string) => ({ PK: `PRINCIPAL#${principal}` }),
  plpHistory: (plpId: string, eventId: string) => ({ PK: `PLP#${plpId}`, SK: `HISTORY#${eventId}` }),
  plpHistoryPrefix: (plpId: string) => ({ PK: `PLP#${plpId}`, SKPrefix: 'HISTORY#' }),
  enrolment: (enrolmentId: string) => ({ PK: `ENROLMENT#${enrolmentId}`, SK: 'ENROLMENT' }),
  enrolmentByPlp: (plpId: string, status: string, createdAt: string, enrolmentId: string) => ({
    GSI1PK: `PLP#${plpId}`,
    GSI1SK: `ENROLMENT#${status}#${createdAt}#${enrolmentId}`,
  }),
  enrolmentByPlpPrefix: (plpId: string, status: string) => ({
    GSI1PK: `PLP#${plpId}`,
    GSI1SKPrefix: `ENROLMENT#${status}#`,
  }),
  member: (memberId: string) => ({ PK: `MEMBER#${memberId}`, SK: 'MEMBER' }),
  memberPrefix: (memberId: string) => ({ PK: `MEMBER#${memberId}` }),
  membership: (memberId: string, plpId: string) => ({ PK: `MEMBER#${memberId}`, SK: `PLP#${plpId}` }),
  membershipByPlp: (plpId: string, memberId: string) => ({ GSI1PK: `PLP#${plpId}`, GSI1SK: `MEMBER#${memberId}` }),
  membershipByPlpPrefix: (plpId: string) => ({ GSI1PK: `PLP#${plpId}`, GSI1SKPrefix: 'MEMBER#' }),
  /** `contactHash`: HMAC of the E.164 number or lower-case e-mail address. */
  contact: (contactHash: string) => ({ PK: `CONTACT#${contactHash}`, SK: 'CONTACT' }),
  memberToken: (tokenHash: string) => ({ PK: `MEMBERTOKEN#${tokenHash}`, SK: 'MEMBERTOKEN' }),
  limit: (kind: string, keyHash: string) => ({ PK: `LIMIT#${kind}#${keyHash}`, SK: 'LIMIT' }),
  once: (scope: string, id: string) => ({ PK: `ONCE#${scope}#${id}`, SK: 'ONCE' }),
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
} as const;
